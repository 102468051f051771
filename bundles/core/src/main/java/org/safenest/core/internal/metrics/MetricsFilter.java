package org.safenest.core.internal.metrics;

import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.safenest.core.internal.rest.SafenestApplication;

/** Times every {@code /api} request, from before the login to the answer, for {@link SafenestMetrics}. */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("safenest-metrics")
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@PreMatching
@Priority(100) // before the login (Priorities.AUTHENTICATION = 1000), so that refused requests are timed too
public class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "org.safenest.metrics.started";
    private final SafenestMetrics metrics;

    @Activate
    public MetricsFilter(@Reference SafenestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started instanceof Long t) {
            metrics.request(request.getMethod(), request.getUriInfo().getPath(), response.getStatus(),
                    (System.nanoTime() - t) / 1e9);
        }
    }
}
