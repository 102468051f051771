package org.safenest.reporting.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.reporting.ReportDescription;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.reporting.ReportingService;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.reporting.internal.TableExport;
import org.safenest.reporting.internal.facts.FactConsumer;

/**
 * Statistics: {@code GET /api/regions/{region}/statistics} lists the reports; {@code GET .../statistics/{report}}
 * runs one for a period ({@code from}, {@code to}: ISO dates, default the last 12 months) and a grouping
 * ({@code group=month,district}), answering JSON, or CSV or XLSX with {@code format=csv|xlsx} or the
 * {@code Accept} header, in the language {@code lang=zh|en} (files only; JSON carries both). {@code threshold}
 * raises the suppression threshold; every other query parameter is passed to the report as its own parameter.
 */
@Component(service = ApiResource.class)
@Path("regions/{region}/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource implements ApiResource {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Set<String> RESERVED = Set.of("from", "to", "group", "format", "lang", "threshold");

    private final ReportingService reporting;
    private final FactConsumer facts;

    @Activate
    public StatisticsResource(@Reference ReportingService reporting, @Reference FactConsumer facts) {
        this.reporting = reporting;
        this.facts = facts;
    }

    /**
     * How far a rebuild (or the everyday delivery of events) has got: the outbox's position and head, and what is
     * still {@code waiting} (the outbox's lag and the events kept by intake that a rebuild still goes through; 0 when
     * the figures are complete), of which {@code fromRecords} are intake's kept events.
     */
    public record Collection(String region, long position, long head, long waiting, long fromRecords) {
    }

    /**
     * {@code POST .../statistics/rebuild} (admin): drops the region's statistics and builds them again from the events
     * intake keeps with its records, then from the outbox; answers at once, {@code GET .../statistics/rebuild} shows progress ({@code waiting} reaches 0).
     */
    @POST
    @Path("rebuild")
    @Roles("admin")
    public Collection rebuild(@PathParam("region") String region, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.ADMIN);
        facts.rebuild(region);
        return collection(region);
    }

    @GET
    @Path("rebuild")
    @Roles({"analyst", "admin"})
    public Collection progress(@PathParam("region") String region, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.ADMIN, Role.ANALYST);
        return collection(region);
    }

    private Collection collection(String region) {
        Outbox.ConsumerState s = facts.state();
        return new Collection(region, s.position(), s.head(), facts.waiting(), facts.historyWaiting());
    }

    @GET
    @Roles({"analyst", "supervisor", "admin"})
    public List<ReportDescription> reports(@PathParam("region") String region, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ANALYST, Role.SUPERVISOR);
        caller.requireRegion(region);
        return reporting.reports(region);
    }

    @GET
    @Path("{report}")
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @Roles({"analyst", "supervisor", "admin"})
    @Answer(value = ReportTable.class, description = "Query: from, to (dates), group (comma-separated), threshold, format (json, csv, xlsx; or by Accept), lang, and the report's own parameters. CSV and XLSX come as attachments.")
    public Response run(@PathParam("region") String region, @PathParam("report") String report, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date("from", query.getFirst("from"), errors);
        LocalDate to = date("to", query.getFirst("to"), errors);
        int threshold = threshold(query.getFirst("threshold"), errors);
        String format = format(query.getFirst("format"), headers, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<String> group = new ArrayList<>();
        String g = query.getFirst("group");
        if (g != null) {
            Arrays.stream(g.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(group::add);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (!RESERVED.contains(k) && !v.isEmpty()) {
                parameters.put(k, v.get(0));
            }
        });
        ReportTable table = reporting.run(caller, report, new ReportRequest(region, from, to, group, threshold, parameters));
        String lang = TableExport.language(query.getFirst("lang"));
        String file = report + "-" + region + "-" + table.request().from() + "_" + table.request().to();
        return switch (format) {
            case "csv" -> Response.ok(TableExport.csv(table, lang), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            case "xlsx" -> Response.ok(TableExport.xlsx(table, title(region, report, lang), lang), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"").build();
            default -> Response.ok(table, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    private String title(String region, String report, String lang) {
        return reporting.reports(region).stream().filter(d -> d.id().equals(report)).findFirst()
                .map(d -> "zh".equals(lang) ? d.titleZh() : d.titleEn()).orElse(report);
    }

    /** json, csv or xlsx: from {@code format}, else from the first acceptable media type that names one. */
    static String format(String format, HttpHeaders headers, List<FieldError> errors) {
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (!Set.of("json", "csv", "xlsx").contains(f)) {
                errors.add(new FieldError("format", "unknown", "format must be json, csv or xlsx"));
                return "json";
            }
            return f;
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType() || m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return "json";
            }
            if ("text".equals(m.getType()) && "csv".equals(m.getSubtype())) {
                return "csv";
            }
            if (XLSX.equals(m.getType() + "/" + m.getSubtype())) {
                return "xlsx";
            }
        }
        return "json";
    }

    static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid-date", "'" + field + "' must be a date as yyyy-MM-dd"));
            return null;
        }
    }

    static int threshold(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 0 && t <= 1000) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("threshold", "invalid", "'threshold' must be a whole number from 0 to 1000"));
        return 0;
    }
}
