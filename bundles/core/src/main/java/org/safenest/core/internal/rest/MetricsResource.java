package org.safenest.core.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.metrics.SafenestMetrics;

/** {@code GET /api/metrics} (admin): every metric in the Prometheus text format, for a Prometheus scrape job. */
@Component(service = MetricsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@Path("metrics")
public class MetricsResource {

    private final SafenestMetrics metrics;

    @Activate
    public MetricsResource(@Reference SafenestMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    @Roles("admin")
    public String scrape(@Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        return metrics.scrape();
    }
}
