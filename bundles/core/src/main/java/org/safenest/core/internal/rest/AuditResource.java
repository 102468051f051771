package org.safenest.core.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Roles;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.audit.AuditChain;

/** {@code GET /api/audit}: the audit log, newest first, and {@code GET /api/audit/verify}, for administrators. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;
    private final AuditChain chain;

    @Activate
    public AuditResource(@Reference AuditLog audit, @Reference AuditChain chain) {
        this.audit = audit;
        this.chain = chain;
    }

    /** {@code GET /api/audit/verify}: walks the audit chain; reports the first record changed, removed or inserted. */
    @GET
    @Path("verify")
    @Roles("admin")
    public AuditChain.Verification verify(@Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        return chain.verify();
    }

    /** A page of the audit log and how many records match in all. */
    public record AuditPage(long total, int offset, List<AuditRecord> records) {
    }

    @GET
    @Roles("admin")
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("region") String region,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit,
            @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        if (offset < 0) {
            throw new InvalidInputException("offset", "negative", "offset must be 0 or more");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "out-of-range", "limit must be between 1 and 1000");
        }
        AuditQuery q = new AuditQuery(blank(actor), blank(region), instant("from", from), instant("to", to), offset, limit);
        return new AuditPage(audit.count(q), offset, audit.query(q));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant instant(String field, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "invalid-date", field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
