package org.safenest.core.internal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.health.HealthProbes;
import org.safenest.core.internal.health.HealthTags;

/**
 * {@code GET /api/health/checks} (admin): every health check behind the probes and the other checks Safenest ships
 * (disk, memory, outbox), with its status and messages, and what the two probes answer.
 */
@Component(service = HealthChecksResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("health/checks")
@Produces(MediaType.APPLICATION_JSON)
public class HealthChecksResource {

    /** The tags whose checks are shown. */
    static final String[] SHOWN = {HealthTags.READINESS, HealthTags.LIVENESS, HealthTags.SAFENEST, "resources"};

    private final HealthCheckExecutor executor;

    @Activate
    public HealthChecksResource(@Reference HealthCheckExecutor executor) {
        this.executor = executor;
    }

    public record Checks(String live, String ready, List<Check> checks) {
    }

    public record Check(String name, List<String> tags, String status, List<String> messages, long elapsedMs,
            boolean timedOut) {
    }

    @GET
    @Roles("admin")
    public Checks checks(@Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        List<Check> checks = new ArrayList<>();
        for (HealthCheckExecutionResult r : executor.execute(HealthCheckSelector.tags(SHOWN),
                new HealthCheckExecutionOptions().setCombineTagsWithOr(true))) {
            List<String> messages = new ArrayList<>();
            for (ResultLog.Entry e : r.getHealthCheckResult()) {
                if (!e.isDebug()) {
                    messages.add(e.getStatus() + " " + e.getMessage());
                }
            }
            checks.add(new Check(r.getHealthCheckMetadata().getName(), r.getHealthCheckMetadata().getTags(),
                    r.getHealthCheckResult().getStatus().name(), messages, r.getElapsedTimeInMs(), r.hasTimedOut()));
        }
        checks.sort(Comparator.comparing(Check::name));
        return new Checks(HealthProbes.live(executor) ? "UP" : "DOWN", HealthProbes.ready(executor) ? "UP" : "DOWN", checks);
    }
}
