package org.safenest.core.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/capabilities}: the Safenest features of the distribution's features repository (installed or not) for
 * administrators, installed and removed while Safenest serves, as {@code feature:install} and
 * {@code feature:uninstall} do. One operation at a time runs in the background; {@code GET /api/capabilities}
 * tells its progress. The platform itself (core, web, the platform features) cannot be removed.
 */
@Component(service = CapabilityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("capabilities")
@Produces(MediaType.APPLICATION_JSON)
public class CapabilityResource {

    static final String PREFIX = "safenest-";
    /** Features that make the platform: never removed from here. */
    static final Set<String> PLATFORM = Set.of("safenest-core", "safenest-web");
    private static final Logger LOG = LoggerFactory.getLogger(CapabilityResource.class);

    /** A Safenest feature: installed or only available; {@code platform} ones cannot be removed. */
    public record Capability(String name, String version, String description, boolean installed, boolean platform) {
    }

    /**
     * An install or removal: {@code state} running, done or failed; {@code message} what happened (a removal that
     * another installed capability needs keeps the feature, and says so).
     */
    public record Operation(String feature, String action, String state, String message, Instant started, Instant finished) {
    }

    public record Capabilities(List<Capability> capabilities, Operation operation) {
    }

    private final FeaturesService features;
    private final AuditLog audit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "safenest-capabilities");
        t.setDaemon(true);
        return t;
    });
    private volatile Operation operation;

    @Activate
    public CapabilityResource(@Reference FeaturesService features, @Reference AuditLog audit) {
        this.features = features;
        this.audit = audit;
    }

    @Deactivate
    void deactivate() {
        worker.shutdown();
    }

    @GET
    @Roles("admin")
    public Capabilities list(@Context SecurityContext security) throws Exception {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        List<Capability> list = new ArrayList<>();
        for (Feature f : features.listFeatures()) {
            if (f.getName().startsWith(PREFIX) && !f.getName().startsWith("safenest-platform-") && !f.isHidden()) {
                list.add(new Capability(f.getName(), f.getVersion(), f.getDescription(), features.isInstalled(f), PLATFORM.contains(f.getName())));
            }
        }
        list.sort(Comparator.comparing(Capability::name));
        return new Capabilities(list, operation);
    }

    @POST
    @Path("{name}")
    @Roles("admin")
    @Answer(status = 202, value = Operation.class, description = "Started in the background; GET /api/capabilities tells its progress. "
            + "409 while another operation runs.")
    public Response install(@PathParam("name") String name, @Context SecurityContext security) throws Exception {
        Caller caller = admin(security);
        require(name);
        return start(caller, name, "install");
    }

    @DELETE
    @Path("{name}")
    @Roles("admin")
    @Answer(status = 202, value = Operation.class, description = "Started in the background; 409 for the platform's own features "
            + "(safenest-core, safenest-web) and while another operation runs.")
    public Response uninstall(@PathParam("name") String name, @Context SecurityContext security) throws Exception {
        Caller caller = admin(security);
        require(name);
        if (PLATFORM.contains(name) || name.startsWith("safenest-platform-")) {
            audit.record(AuditRecord.of(caller.name(), "capability.uninstall", null, name, AuditOutcome.REJECTED, "platform feature"));
            throw new ConflictException(name + " is part of the platform (login, audit, regions, the web) and cannot be removed");
        }
        return start(caller, name, "uninstall");
    }

    private synchronized Response start(Caller caller, String name, String action) {
        Operation running = operation;
        if (running != null && "running".equals(running.state())) {
            throw new ConflictException("Another operation runs: " + running.action() + " " + running.feature() + "; wait until it is done");
        }
        Operation started = new Operation(name, action, "running", null, Instant.now(), null);
        operation = started;
        worker.execute(() -> {
            String state = "done";
            String message;
            try {
                if (action.equals("install")) {
                    features.installFeature(name);
                    message = name + " installed";
                } else {
                    features.uninstallFeature(name);
                    message = features.isInstalled(features.getFeature(name))
                            ? name + " is kept: another installed capability needs it" : name + " removed";
                }
            } catch (Exception e) {
                LOG.warn("{} {} failed", action, name, e);
                state = "failed";
                message = action + " " + name + " failed: " + e.getMessage();
            }
            audit.record(AuditRecord.of(caller.name(), "capability." + action, null, name,
                    state.equals("done") ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, message.length() > 400 ? message.substring(0, 400) : message));
            operation = new Operation(name, action, state, message, started.started(), Instant.now());
        });
        return Response.accepted(started).build();
    }

    private void require(String name) throws Exception {
        if (name == null || !name.startsWith(PREFIX) || features.getFeature(name) == null) {
            throw new NotFoundException("capability", String.valueOf(name));
        }
    }

    private static Caller admin(SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN);
        return caller;
    }
}
