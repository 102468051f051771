package org.safenest.core.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.core.internal.health.HealthProbes;

/**
 * {@code GET /api/health/live} and {@code GET /api/health/ready}: the probes a load balancer or an orchestrator asks,
 * served without a login (see {@link AuthenticationFilter}) and not audited. They answer only
 * {@code {"status":"UP"}} with 200 or {@code {"status":"DOWN"}} with 503; {@code GET /api/health/checks} (admin)
 * shows why.
 */
@Component(service = HealthProbeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("health/{probe: live|ready}")
@Produces(MediaType.APPLICATION_JSON)
public class HealthProbeResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HealthCheckExecutor executor;

    public record Probe(String status) {
    }

    @GET
    @Roles(Roles.NO_LOGIN)
    @Answer(value = Probe.class, description = "200 {\"status\":\"UP\"}, or 503 {\"status\":\"DOWN\"}; nothing else.")
    public Response probe(@PathParam("probe") String probe) {
        boolean up = "live".equals(probe) ? HealthProbes.live(executor) : HealthProbes.ready(executor);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return Response.status(up ? 200 : 503).entity(new Probe(up ? "UP" : "DOWN")).cacheControl(noStore).build();
    }
}
