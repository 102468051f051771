package org.safenest.core.internal.rest;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.ws.rs.Path;

import org.apache.cxf.jaxrs.model.ClassResourceInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.rest.ApiResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ApiResource}s capabilities contribute, by the path their class-level {@code @Path} names. The API's
 * sub-resource locators ({@link ContributedResource}, {@link RegionResource}) look a resource up here on every
 * request, so a capability comes and goes without the JAX-RS application being rebuilt.
 *
 * <p>When a resource goes, what the JAX-RS runtime and the JSON mapper cached about its classes is dropped, so that
 * an uninstalled bundle's class loader can be collected: CXF keeps a sub-resource's model in its locator's
 * {@link ClassResourceInfo} (without a public way to drop it), and Jackson keeps serializers per class.
 */
@Component(service = ApiResources.class)
public class ApiResources {

    private static final Logger LOG = LoggerFactory.getLogger(ApiResources.class);
    private static final AtomicLong GENERATION = new AtomicLong();

    private final Map<String, ApiResource> byPath = new ConcurrentHashMap<>();
    /** The locators' CXF models, which cache the model of each sub-resource class they returned. */
    private final CopyOnWriteArrayList<ClassResourceInfo> locators = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(ApiResource resource) {
        String path = pathOf(resource);
        ApiResource previous = byPath.putIfAbsent(path, resource);
        if (previous != null && previous != resource) {
            LOG.warn("Two API resources claim /api/{}: {} is served, {} is ignored", path,
                    previous.getClass().getName(), resource.getClass().getName());
        } else {
            LOG.info("API resource /api/{} added ({})", path, resource.getClass().getName());
        }
    }

    void removeResource(ApiResource resource) {
        String path = pathOf(resource);
        if (byPath.remove(path, resource)) {
            LOG.info("API resource /api/{} removed", path);
        }
        forget(resource.getClass());
    }

    /** The resource served at {@code path} ({@code "web"}, {@code "regions/{region}/cases"}), or a 404. */
    Object resource(String path, ClassResourceInfo locator) {
        if (locator != null && !locators.contains(locator)) {
            locators.addIfAbsent(locator);
        }
        ApiResource r = byPath.get(path);
        if (r == null) {
            String shown = "/api/" + path;
            throw new NotFoundException("resource", shown, "Nothing is served at " + shown
                    + ": the capability that serves it is not installed");
        }
        return r;
    }

    /** Increases whenever a resource went; the JSON mapper starts afresh when it changes. */
    static long generation() {
        return GENERATION.get();
    }

    static String pathOf(Object resource) {
        Path p = resource.getClass().getAnnotation(Path.class);
        if (p == null) {
            throw new IllegalArgumentException(resource.getClass().getName() + " has no class-level @Path");
        }
        String v = p.value();
        while (v.startsWith("/")) {
            v = v.substring(1);
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    private void forget(Class<?> type) {
        GENERATION.incrementAndGet();
        for (ClassResourceInfo locator : locators) {
            try {
                Field f = ClassResourceInfo.class.getDeclaredField("subResources");
                f.setAccessible(true);
                Map<?, ?> cache = (Map<?, ?>) f.get(locator);
                cache.values().removeIf(v -> ((ClassResourceInfo) v).getServiceClass() == type
                        || ((ClassResourceInfo) v).getResourceClass() == type);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("Could not drop CXF's model of {}: {}", type.getName(), e.toString());
            }
        }
    }
}
