package org.safenest.core.internal.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.security.Caller;
import org.safenest.core.internal.health.HealthProbes;

/**
 * Writes an audit record for every {@code /api} request, allowed or refused: who, the method and path (never
 * the query string or the body, which may hold personal data), the region in the path, and the outcome.
 * The load-balancer probes ({@link HealthProbes#isProbe}) are not recorded: they carry no data, need no login,
 * and would add a record every few seconds.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName("safenest-audit")
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@Priority(Priorities.USER)
public class AuditFilter implements ContainerResponseFilter {

    private static final Pattern REGION = Pattern.compile("^/?(?:api/)?regions/([^/]+)");

    private final AuditLog audit;

    @Activate
    public AuditFilter(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HealthProbes.isProbe(request.getMethod(), request.getUriInfo().getPath())) {
            return;
        }
        Object caller = request.getProperty(AuthenticationFilter.CALLER);
        String actor = caller instanceof Caller c ? c.name() : "anonymous";
        String path = request.getUriInfo().getPath();
        Matcher m = REGION.matcher(path);
        String region = m.find() ? m.group(1) : null;
        int status = response.getStatus();
        AuditOutcome outcome = status >= 500 ? AuditOutcome.FAILED
                : status == 401 || status == 403 || status == 429 ? AuditOutcome.DENIED
                : status >= 400 ? AuditOutcome.REJECTED : AuditOutcome.SUCCESS;
        String action = request.getMethod() + " /api/" + (path.startsWith("/") ? path.substring(1) : path);
        Object tried = request.getProperty(AuthenticationFilter.TRIED_USER);
        if (tried != null) {
            // a refused login: the user name tried (never the password) and where it came from
            String name = tried.toString();
            String target = "user " + (name.length() > 64 ? name.substring(0, 64) + "..." : name);
            audit.record(AuditRecord.of(actor, action, region, target, outcome,
                    "HTTP " + status + (status == 429 ? " (login throttled)" : " (login failed)") + " from "
                            + request.getProperty(AuthenticationFilter.CLIENT_ADDRESS)));
            return;
        }
        audit.record(AuditRecord.of(actor, action, region, null, outcome, "HTTP " + status));
    }
}
