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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.audit.AuditChain;

/**
 * {@code GET /api/audit}: the audit log, newest first, filtered and paged; {@code GET /api/audit/audit.csv}: the
 * filtered records as CSV; {@code GET /api/audit/verify}: the chain checked. For administrators.
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String CSV = "text/csv";
    /** The most records one CSV export holds. */
    static final int CSV_MAX = 50_000;

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

    /**
     * A page of the records that pass the filter: {@code actor} and {@code target} exact, {@code action} contained
     * (such as {@code user.}), {@code region}, {@code outcome} (SUCCESS, DENIED, REJECTED, FAILED), the period
     * {@code from} (inclusive) {@code to} (exclusive) as ISO-8601 instants.
     */
    @GET
    @Roles("admin")
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("region") String region,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("action") String action, @QueryParam("target") String target, @QueryParam("outcome") String outcome,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit,
            @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        if (offset < 0) {
            throw new InvalidInputException("offset", "negative", "offset must be 0 or more");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "out-of-range", "limit must be between 1 and 1000");
        }
        AuditQuery q = query(actor, region, from, to, action, target, outcome).page(offset, limit);
        return new AuditPage(audit.count(q), offset, audit.query(q));
    }

    /**
     * {@code GET /api/audit/audit.csv}: every record that passes the same filter as the list (at most
     * {@value #CSV_MAX} records, newest first), as CSV in UTF-8 with a byte order mark so that spreadsheet programs
     * read Chinese correctly. The export is itself in the audit log ({@code audit.export}, with the filter and count).
     */
    @GET
    @Path("audit.csv")
    @Produces(CSV)
    @Roles("admin")
    @Answer(value = String.class, description = "text/csv attachment audit.csv: id, at, actor, action, region, target, outcome, detail; "
            + "the filter as for GET /api/audit; 400 when more than " + CSV_MAX + " records match.")
    public Response csv(@QueryParam("actor") String actor, @QueryParam("region") String region,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("action") String action, @QueryParam("target") String target, @QueryParam("outcome") String outcome,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN);
        AuditQuery q = query(actor, region, from, to, action, target, outcome);
        long total = audit.count(q);
        if (total > CSV_MAX) {
            throw new InvalidInputException("from", "too-many", total + " records match; narrow the period or the filter to at most " + CSV_MAX);
        }
        List<AuditRecord> records = new java.util.ArrayList<>();
        for (int offset = 0; offset < total; offset += 1000) {
            records.addAll(audit.query(q.page(offset, 1000)));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        out.write('\uFEFF');
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
            printer.printRecord("id", "at", "actor", "action", "region", "target", "outcome", "detail");
            for (AuditRecord r : records) {
                printer.printRecord(r.id(), r.at(), cell(r.actor()), cell(r.action()), cell(r.region()), cell(r.target()), r.outcome(),
                        cell(r.detail()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        audit.record(AuditRecord.of(caller.name(), "audit.export", q.region(), null, AuditOutcome.SUCCESS,
                records.size() + " records; " + describe(q)));
        return Response.ok(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    /**
     * A text cell that a spreadsheet program would take for a formula (a user name tried at login such as
     * {@code =HYPERLINK(...)}) gets a leading apostrophe, which spreadsheets show as text.
     */
    static String cell(String value) {
        return value != null && !value.isEmpty() && "=+@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static AuditQuery query(String actor, String region, String from, String to, String action, String target, String outcome) {
        AuditOutcome o = null;
        if (blank(outcome) != null) {
            try {
                o = AuditOutcome.valueOf(outcome.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("outcome", "unknown-outcome", "outcome must be one of " + java.util.Arrays.toString(AuditOutcome.values()));
            }
        }
        return new AuditQuery(blank(actor), blank(region), instant("from", from), instant("to", to), 0, 1000,
                blank(action), blank(target), o);
    }

    private static String describe(AuditQuery q) {
        StringBuilder b = new StringBuilder("filter");
        java.util.Map<String, Object> parts = new java.util.LinkedHashMap<>();
        parts.put("actor", q.actor());
        parts.put("action", q.action());
        parts.put("target", q.target());
        parts.put("region", q.region());
        parts.put("outcome", q.outcome());
        parts.put("from", q.from());
        parts.put("to", q.to());
        parts.forEach((k, v) -> {
            if (v != null) {
                b.append(' ').append(k).append('=').append(v);
            }
        });
        return b.length() > 400 ? b.substring(0, 400) : b.toString();
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
