package org.safenest.allocation.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.allocation.internal.AllocationServiceImpl;
import org.safenest.allocation.internal.CasesToInformList;
import org.safenest.allocation.internal.ComparisonTable;
import org.safenest.allocation.internal.report.AllocationReport;
import org.safenest.allocation.internal.report.ReportHtml;
import org.safenest.allocation.internal.report.ReportXlsx;
import org.safenest.api.allocation.CasesToInform;
import org.safenest.allocation.internal.FrontierTable;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.allocation.PhaseInPlan;
import org.safenest.api.allocation.PhaseInStage;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.StrategyDescription;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

/**
 * Team allocation: {@code /api/regions/{region}/allocation/...}. Reading is open to every user of the region;
 * computing and comparing plans needs {@code supervisor}, {@code analyst} or {@code admin}; adopting a plan
 * {@code supervisor} or {@code admin}; changing the active strategy {@code admin}. The publishable report (XLSX, printable
 * page) is for {@code supervisor}, {@code analyst} and {@code admin}; the cases to inform of an adopted plan, operational,
 * for {@code supervisor} and {@code admin} only.
 */
@Component(service = ApiResource.class)
@Path("regions/{region}/allocation")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource implements ApiResource {

    static final String CSV = "text/csv";

    private final AllocationService allocation;

    @Activate
    public AllocationResource(@Reference AllocationService allocation) {
        this.allocation = allocation;
    }

    /** The body of {@code POST plans}: a strategy id (omitted: the region's active strategy) and its parameters. */
    public record PlanRequest(String strategy, Map<String, String> parameters) {
    }

    /**
     * The body of {@code POST compare}: strategy ids run with their defaults, and/or runs with parameters (the same
     * strategy may run several times with other parameters); both empty: every installed strategy.
     */
    public record CompareRequest(List<String> strategies, List<StrategyRun> runs) {
    }

    /** The body of {@code PUT active-strategy}. */
    public record SelectRequest(String strategy) {
    }

    /**
     * The strategies of a region.
     *
     * @param region          the region
     * @param active          its active strategy (configuration)
     * @param activeInstalled whether that strategy is installed
     * @param fallback        the strategy that runs when the active one is not installed
     * @param available       the installed strategies
     */
    public record Strategies(String region, String active, boolean activeInstalled, String fallback,
            List<StrategyDescription> available) {
    }

    /** The headline measures of a plan (all of them: {@code GET plans/{id}}). */
    public record Headline(int teams, int unitsChangingOperator, int casesAffected, double pupilsPerWorkerMax,
            double pupilsPerWorkerMin, double pupilsPerWorkerSpread, int teamsOverRatio, int completeTeams,
            int incompleteTeams, int unservedUnits, double travelKmMean, double travelKmMax) {
        static Headline of(PlanMetrics m) {
            return m == null ? null : new Headline(m.teams().size(), m.unitsChangingOperator(), m.casesAffected(), m.pupilsPerWorkerMax(),
                    m.pupilsPerWorkerMin(), m.pupilsPerWorkerSpread(), m.teamsOverRatio(), m.completeTeams(), m.incompleteTeams(),
                    m.unservedUnits(), m.travelKmMean(), m.travelKmMax());
        }
    }

    /** A stored plan as listed. */
    public record PlanSummary(String id, String region, String strategy, Map<String, String> parameters, PlanStatus status,
            boolean synthetic, Instant computedAt, String storedBy, Instant adoptedAt, String adoptedBy, Headline metrics) {
        static PlanSummary of(StoredPlan p) {
            return new PlanSummary(p.id(), p.region(), p.plan().strategy(), p.plan().parameters(), p.status(), p.plan().synthetic(),
                    p.plan().computedAt(), p.storedBy(), p.adoptedAt(), p.adoptedBy(), Headline.of(p.plan().metrics()));
        }
    }

    @GET
    @Path("strategies")
    @Roles(Roles.ANY_USER)
    public Strategies strategies(@PathParam("region") String region, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        return strategies(region);
    }

    private Strategies strategies(String region) {
        String active = allocation.activeStrategy(region);
        List<StrategyDescription> available = allocation.strategies();
        String fallback = allocation instanceof AllocationServiceImpl impl ? impl.settings().fallback() : null;
        return new Strategies(region, active, available.stream().anyMatch(s -> s.id().equals(active)), fallback, available);
    }

    @PUT
    @Path("active-strategy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("admin")
    public Strategies select(@PathParam("region") String region, SelectRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.ADMIN);
        allocation.selectStrategy(caller, region, request == null ? null : request.strategy());
        return strategies(region);
    }

    @GET
    @Path("input")
    @Roles(Roles.ANY_USER)
    public AllocationInput input(@PathParam("region") String region, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        return allocation.input(region);
    }

    @POST
    @Path("plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"supervisor", "analyst", "admin"})
    @Answer(status = 201, value = StoredPlan.class, description = "201 with the plan's Location.")
    public Response compute(@PathParam("region") String region, PlanRequest request, @Context SecurityContext security,
            @Context UriInfo uri) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR, Role.ANALYST);
        PlanRequest r = request == null ? new PlanRequest(null, Map.of()) : request;
        StoredPlan plan = allocation.computePlan(caller, region, r.strategy(), r.parameters() == null ? Map.of() : r.parameters());
        URI location = uri.getAbsolutePathBuilder().path(plan.id()).build();
        return Response.created(location).entity(plan).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("plans")
    @Roles(Roles.ANY_USER)
    public List<PlanSummary> plans(@PathParam("region") String region, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        List<PlanSummary> result = new ArrayList<>();
        for (StoredPlan p : allocation.plans(region)) {
            result.add(PlanSummary.of(p));
        }
        return result;
    }

    @GET
    @Path("plans/{id}")
    @Roles(Roles.ANY_USER)
    public StoredPlan plan(@PathParam("region") String region, @PathParam("id") String id, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        return allocation.plan(region, id).orElseThrow(() -> new NotFoundException("plan", id));
    }

    @GET
    @Path("current")
    @Roles(Roles.ANY_USER)
    public StoredPlan current(@PathParam("region") String region, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        return allocation.current(region).orElseThrow(() -> new NotFoundException("adopted plan of region", region));
    }

    @POST
    @Path("plans/{id}/adopt")
    @Roles({"supervisor", "admin"})
    public StoredPlan adopt(@PathParam("region") String region, @PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR);
        return allocation.adopt(caller, region, id);
    }

    @POST
    @Path("compare")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Roles({"supervisor", "analyst", "admin"})
    @Answer(value = PlanComparison.class, description = "JSON, or CSV with Accept: text/csv or ?format=csv.")
    public Response compare(@PathParam("region") String region, @QueryParam("format") String format, CompareRequest request,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR, Role.ANALYST);
        boolean csv = csv(format, headers);
        List<StrategyRun> runs = new ArrayList<>();
        if (request != null && request.strategies() != null) {
            for (String s : request.strategies()) {
                runs.add(new StrategyRun(s, Map.of()));
            }
        }
        if (request != null && request.runs() != null) {
            runs.addAll(request.runs());
        }
        PlanComparison comparison = allocation.compare(region, runs);
        if (csv) {
            return Response.ok(ComparisonTable.csv(comparison), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"allocation-comparison-" + region + ".csv\"").build();
        }
        return Response.ok(comparison, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The body of {@code POST phase-in}: a name and the stages, in order. */
    public record PhaseInRequest(String name, List<PhaseInStage> stages) {
    }

    @POST
    @Path("phase-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"supervisor", "analyst", "admin"})
    public PhaseInPlan phaseIn(@PathParam("region") String region, PhaseInRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR, Role.ANALYST);
        if (request == null) {
            throw new InvalidInputException("stages", "required", "Send {\"name\":...,\"stages\":[...]}");
        }
        return allocation.phaseIn(region, request.name(), request.stages());
    }

    @GET
    @Path("phase-in/hkcss")
    @Roles({"supervisor", "analyst", "admin"})
    public PhaseInPlan hkcssPhaseIn(@PathParam("region") String region, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR, Role.ANALYST);
        return allocation.hkcssPhaseIn(region);
    }

    @GET
    @Path("frontier")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Roles({"supervisor", "analyst", "admin"})
    @Answer(value = Frontier.class, description = "JSON, or CSV with Accept: text/csv or ?format=csv.")
    public Response frontier(@PathParam("region") String region, @QueryParam("balance") String balance, @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR, Role.ANALYST);
        boolean csv = csv(format, headers);
        List<Double> weights = new ArrayList<>();
        if (balance != null && !balance.isBlank()) {
            for (String w : balance.split(",")) {
                try {
                    weights.add(Double.parseDouble(w.trim()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("balance", "not-a-number", "balance is a comma-separated list of numbers");
                }
            }
        }
        Frontier f = allocation.frontier(region, weights);
        if (csv) {
            return Response.ok(FrontierTable.csv(f), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"allocation-frontier-" + region + ".csv\"").build();
        }
        return Response.ok(f, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("plans/{id}/cases-to-inform")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Roles(value = {"supervisor", "admin"}, note = "Operational, not for publication: 403 for analysts.")
    @Answer(value = CasesToInform.class, description = "Per unit, the cases that change operator; JSON, or CSV with Accept: text/csv or ?format=csv. 409 for a plan never adopted.")
    public Response casesToInform(@PathParam("region") String region, @PathParam("id") String id, @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        // operational (who must be told), not for publication: supervisors and administrators only
        caller.requireAny(Role.SUPERVISOR);
        boolean csv = csv(format, headers);
        CasesToInform c = allocation.casesToInform(caller, region, id);
        if (csv) {
            return Response.ok(CasesToInformList.csv(c), CSV + "; charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"cases-to-inform-" + region + "-plan-" + c.planId() + ".csv\"").build();
        }
        return Response.ok(c, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("export.xlsx")
    @Produces({AllocationReport.XLSX, MediaType.APPLICATION_JSON})
    @Roles({"supervisor", "analyst", "admin"})
    @Answer(description = "The publishable report as an XLSX workbook: explanation, comparison, frontier, phase-in, map (synthetic figures).")
    public Response exportXlsx(@PathParam("region") String region, @Context SecurityContext security) {
        AllocationReport report = report(region, security);
        StreamingOutput body = out -> ReportXlsx.write(report, out);
        return Response.ok(body, AllocationReport.XLSX).header("Content-Disposition", "attachment; filename=\"allocation-report-"
                + region + ".xlsx\"").build();
    }

    @GET
    @Path("report.html")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Roles({"supervisor", "analyst", "admin"})
    @Answer(description = "The same report as a printable HTML page in both languages.")
    public Response reportHtml(@PathParam("region") String region, @Context SecurityContext security) {
        AllocationReport report = report(region, security);
        return Response.ok(ReportHtml.write(report), MediaType.TEXT_HTML + "; charset=UTF-8").build();
    }

    private AllocationReport report(String region, SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR, Role.ANALYST);
        return AllocationReport.collect(allocation, region);
    }

    /** CSV when {@code ?format=csv}, or when the client accepts text/csv and not JSON first. */
    static boolean csv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInputException("format", "unknown", "format must be json or csv");
            };
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return false;
            }
            if ("text".equals(m.getType()) && "csv".equals(m.getSubtype())) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
