package org.safenest.intake.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.AssignmentRequest;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferRequest;
import org.safenest.api.security.Caller;

/** The cases of a region: {@code /api/regions/{region}/cases/...}. */
@Component(service = ApiResource.class)
@javax.ws.rs.Path("regions/{region}/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource implements ApiResource {

    /** The header that carries how many cases match the filter in all. */
    public static final String TOTAL = "X-Total-Count";

    private final IntakeService intake;

    @Activate
    public CaseResource(@Reference IntakeService intake) {
        this.intake = intake;
    }

    /** The body of {@code POST .../follow-up}. */
    public record FollowUpRequest(String note) {
    }

    /**
     * The cases matching the query, newest first or by {@code sort}; {@value #TOTAL} says how many match in all. Query
     * parameters: {@code caseNumber} (whole or its beginning), {@code householdRef}, {@code childRef}, {@code assignedTo},
     * {@code caseType, serviceLine, district, office, status, overdue, manualQueue, receivedFrom, receivedTo, sort}
     * (a field of {@link CaseFilter#SORTS}, {@code -} before it for descending), {@code offset, limit} (1 to 1000,
     * default 100).
     */
    @GET
    @Roles(value = {"intake", "dispatcher", "social-worker", "supervisor", "board-chair", "admin"}, note = "Every role but analyst.")
    @Answer(value = CaseSummary.class, array = true, description = "Newest first; the X-Total-Count header holds the number of cases that match.")
    public Response list(@PathParam("region") String region, @QueryParam("caseType") String caseType,
            @QueryParam("serviceLine") String serviceLine, @QueryParam("district") String district,
            @QueryParam("office") String office, @QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("manualQueue") String manualQueue, @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("caseNumber") String caseNumber, @QueryParam("householdRef") String householdRef,
            @QueryParam("childRef") String childRef, @QueryParam("assignedTo") String assignedTo, @QueryParam("sort") String sort,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        List<FieldError> errors = new ArrayList<>();
        CaseFilter filter = new CaseFilter(blank(caseType), enumValue(errors, "serviceLine", serviceLine, ServiceLine.class),
                blank(district), blank(office), enumValue(errors, "status", status, CaseStatus.class), flag(errors, "overdue", overdue),
                flag(errors, "manualQueue", manualQueue), instant(errors, "receivedFrom", receivedFrom),
                instant(errors, "receivedTo", receivedTo), number(errors, "offset", offset, 0, 0, Integer.MAX_VALUE),
                number(errors, "limit", limit, 100, 1, 1000), text(errors, "caseNumber", caseNumber, 40),
                text(errors, "householdRef", householdRef, 100), text(errors, "childRef", childRef, 100),
                text(errors, "assignedTo", assignedTo, 100), blank(sort));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<CaseSummary> cases = intake.cases(caller, region, filter);
        long total = cases.size() < filter.limit() && filter.offset() == 0 ? cases.size() : intake.countCases(caller, region, filter);
        return Response.ok(cases).header(TOTAL, total).build();
    }

    /** Assigns the case to a worker of its office, or reassigns it with a reason. */
    @POST
    @javax.ws.rs.Path("{caseNumber}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles(value = {"supervisor", "admin"}, note = "A supervisor of the case's office.")
    public CaseView assign(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
            AssignmentRequest request, @Context SecurityContext security) {
        return intake.assign(Caller.of(security.getUserPrincipal()), region, caseNumber, request);
    }

    @GET
    @javax.ws.rs.Path("{caseNumber}")
    @Roles(value = {"intake", "dispatcher", "social-worker", "supervisor", "board-chair", "admin"}, note = "Every role but analyst.")
    public CaseView get(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
            @Context SecurityContext security) {
        return intake.caseView(Caller.of(security.getUserPrincipal()), region, caseNumber);
    }

    @POST
    @javax.ws.rs.Path("{caseNumber}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"social-worker", "supervisor", "admin"})
    public CaseView disposition(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
            DispositionRequest request, @Context SecurityContext security) {
        return intake.recordDisposition(Caller.of(security.getUserPrincipal()), region, caseNumber, request);
    }

    @POST
    @javax.ws.rs.Path("{caseNumber}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"social-worker", "supervisor", "admin"})
    public CaseView followUp(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
            FollowUpRequest request, @Context SecurityContext security) {
        return intake.completeFollowUp(Caller.of(security.getUserPrincipal()), region, caseNumber,
                request == null ? null : request.note());
    }

    @POST
    @javax.ws.rs.Path("{caseNumber}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"social-worker", "supervisor", "board-chair", "admin"})
    public CaseView transfer(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
            TransferRequest request, @Context SecurityContext security) {
        return intake.transfer(Caller.of(security.getUserPrincipal()), region, caseNumber, request);
    }

    @POST
    @javax.ws.rs.Path("{caseNumber}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"dispatcher", "admin"})
    public CaseView dispatch(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
            HandDispatch request, @Context SecurityContext security) {
        return intake.dispatchByHand(Caller.of(security.getUserPrincipal()), region, caseNumber, request);
    }

    /** 201 with the dispute, now on the list for the coordination meeting. */
    @POST
    @javax.ws.rs.Path("{caseNumber}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"dispatcher", "admin"})
    @Answer(status = 201, value = DispatchDispute.class)
    public Response dispute(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
            HandDispatch request, @Context SecurityContext security) {
        DispatchDispute dispute = intake.dispute(Caller.of(security.getUserPrincipal()), region, caseNumber, request);
        return Response.status(Response.Status.CREATED).entity(dispute).build();
    }

    private static String text(List<FieldError> errors, String field, String value, int max) {
        String s = blank(value);
        if (s != null && s.length() > max) {
            errors.add(new FieldError(field, "too-long", field + " has at most " + max + " characters"));
            return null;
        }
        return s;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static <E extends Enum<E>> E enumValue(List<FieldError> errors, String field, String value, Class<E> type) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "unknown", field + " must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static boolean flag(List<FieldError> errors, String field, String value) {
        if (blank(value) == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                errors.add(new FieldError(field, "invalid", field + " must be true or false"));
                yield false;
            }
        };
    }

    private static Instant instant(List<FieldError> errors, String field, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid-date", field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }

    private static int number(List<FieldError> errors, String field, String value, int fallback, int min, int max) {
        if (blank(value) == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError(field, "out-of-range", field + " must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max)));
        return fallback;
    }
}
