package org.safenest.intake.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.security.Caller;

/** Dispatch disputes listed for the coordination meeting: {@code /api/regions/{region}/disputes/...}. */
@Component(service = ApiResource.class)
@javax.ws.rs.Path("regions/{region}/disputes")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource implements ApiResource {

    private final IntakeService intake;

    @Activate
    public DisputeResource(@Reference IntakeService intake) {
        this.intake = intake;
    }

    /** The body of {@code POST .../resolve}: the coordination meeting's outcome. */
    public record ResolveRequest(String outcome) {
    }

    /** The region's disputes, oldest first; {@code status} OPEN or RESOLVED, all when absent. */
    @GET
    @Roles(value = {"intake", "dispatcher", "social-worker", "supervisor", "board-chair", "admin"}, note = "Every role but analyst.")
    public List<DispatchDispute> list(@PathParam("region") String region, @QueryParam("status") String status,
            @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        DisputeStatus s = CaseResource.enumValue(errors, "status", status, DisputeStatus.class);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return intake.disputes(Caller.of(security.getUserPrincipal()), region, s);
    }

    @POST
    @javax.ws.rs.Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"supervisor", "admin"})
    public DispatchDispute resolve(@PathParam("region") String region, @PathParam("id") String id, ResolveRequest request,
            @Context SecurityContext security) {
        long disputeId;
        try {
            disputeId = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new NotFoundException("dispute", id);
        }
        return intake.resolveDispute(Caller.of(security.getUserPrincipal()), region, disputeId,
                request == null ? null : request.outcome());
    }
}
