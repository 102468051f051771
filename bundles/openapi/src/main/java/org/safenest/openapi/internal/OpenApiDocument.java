package org.safenest.openapi.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.safenest.api.rest.ApiResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * The OpenAPI document of the REST resources registered now: the {@link ApiResource}s capabilities contribute
 * and the resources core registers with the JAX-RS whiteboard for the Safenest application. Both are tracked as
 * services, so the document follows every install and uninstall; it is built on the first request after a change
 * and kept until the next one.
 */
@Component(service = OpenApiDocument.class)
public class OpenApiDocument {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocument.class);
    /** The application select of core's Safenest application ({@code SafenestApplication.SELECT}). */
    static final String SAFENEST_APPLICATION = "(osgi.jaxrs.name=safenest)";

    /**
     * A tracked resource service: its bundle, and its class once the document was first made after it came. The
     * service object is fetched only then (and released at once), never while tracking: this bundle's own resources
     * need this component, and fetching them while it activates would be a cycle.
     */
    static final class Source {
        final ServiceReference<?> reference;
        final String bundle;
        volatile Class<?> type;

        Source(ServiceReference<?> reference) {
            this.reference = reference;
            this.bundle = reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName();
        }
    }

    private final BundleContext context;
    /** What both trackers track; changed before {@link #generation} is, so that a document made meanwhile is stale. */
    private final Map<ServiceReference<?>, Source> sources = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ServiceTracker<ApiResource, Source> contributed;
    private final ServiceTracker<Object, Source> whiteboard;
    private final String version;
    private volatile Rendered current;

    /** A document, made when the services were as {@code generation} says. */
    private record Rendered(long generation, byte[] json, byte[] yaml) {
    }

    @Activate
    public OpenApiDocument(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        version = context.getBundle().getVersion().toString();
        Filter filter = context.createFilter("(osgi.jaxrs.resource=true)");
        whiteboard = new ServiceTracker<>(context, filter, null) {
            @Override
            public Source addingService(ServiceReference<Object> reference) {
                if (!selectsSafenest(reference.getProperty("osgi.jaxrs.application.select"))) {
                    return null;
                }
                return added(reference);
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Source source) {
                removed(reference);
            }
        };
        // a tracker rather than a DS reference: this bundle's own ApiResources need this component
        contributed = new ServiceTracker<>(context, ApiResource.class, null) {
            @Override
            public Source addingService(ServiceReference<ApiResource> reference) {
                return added(reference);
            }

            @Override
            public void removedService(ServiceReference<ApiResource> reference, Source source) {
                removed(reference);
            }
        };
        whiteboard.open();
        contributed.open();
    }

    @Deactivate
    void deactivate() {
        contributed.close();
        whiteboard.close();
    }

    private Source added(ServiceReference<?> reference) {
        Source s = new Source(reference);
        sources.put(reference, s);
        generation.incrementAndGet();
        return s;
    }

    private void removed(ServiceReference<?> reference) {
        sources.remove(reference);
        generation.incrementAndGet();
    }

    /** The class of a service's object; null when it is gone meanwhile. */
    private <T> Class<?> typeOf(ServiceReference<T> reference) {
        T service = context.getService(reference);
        if (service == null) {
            return null;
        }
        try {
            return service.getClass();
        } finally {
            context.ungetService(reference);
        }
    }

    static boolean selectsSafenest(Object select) {
        if (select instanceof String s) {
            return s.replace(" ", "").equals(SAFENEST_APPLICATION);
        }
        if (select instanceof String[] a) {
            return a.length == 1 && selectsSafenest(a[0]);
        }
        return false;
    }

    /** The document as JSON (UTF-8). */
    public byte[] json() {
        return rendered().json();
    }

    /** The document as YAML (UTF-8). */
    public byte[] yaml() {
        return rendered().yaml();
    }

    private Rendered rendered() {
        Rendered r = current;
        if (r != null && r.generation() == generation.get()) {
            return r;
        }
        synchronized (this) {
            r = current;
            long g = generation.get(); // read before the services: a change from now on makes this document stale
            if (r == null || r.generation() != g) {
                r = render(g);
                current = r;
            }
            return r;
        }
    }

    private Rendered render(long g) {
        long start = System.nanoTime();
        List<Source> described = new ArrayList<>();
        for (Source s : List.copyOf(sources.values())) {
            if (s.type == null) {
                s.type = typeOf(s.reference);
            }
            if (s.type != null) {
                described.add(s);
            }
        }
        described.sort(Comparator.comparing((Source s) -> s.type.getName()));
        ApiReader reader = new ApiReader(version);
        for (Source s : described) {
            try {
                reader.read(s.type, s.bundle);
            } catch (RuntimeException e) {
                // one resource that cannot be described must not take the others' description away
                LOG.warn("Could not describe the REST resource {} in the OpenAPI document: {}", s.type.getName(), e.toString());
            }
        }
        OpenAPI api = reader.result();
        try {
            Rendered r = new Rendered(g, Json.pretty().writeValueAsString(api).getBytes(StandardCharsets.UTF_8),
                    Yaml.pretty().writeValueAsString(api).getBytes(StandardCharsets.UTF_8));
            LOG.info("OpenAPI document made: {} resources, {} paths, in {} ms", described.size(), api.getPaths().size(),
                    (System.nanoTime() - start) / 1_000_000);
            return r;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("OpenAPI document could not be written", e);
        }
    }
}
