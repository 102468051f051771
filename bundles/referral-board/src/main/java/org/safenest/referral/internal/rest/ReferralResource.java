package org.safenest.referral.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.safenest.api.error.NotFoundException;
import org.safenest.api.referral.DecisionRequest;
import org.safenest.api.referral.ReferralBoard;
import org.safenest.api.referral.ReferralProposal;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.security.Caller;

/**
 * Proposals to the referral board and their decisions: {@code /api/regions/{region}/referrals}. Its own root path,
 * so that core's {@code /api/regions} resource keeps every other path under a region.
 */
@Component(service = ApiResource.class)
@Path("regions/{region}/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource implements ApiResource {

    /** Core's Safenest application at {@code /api}. */

    private final ReferralBoard board;

    @Activate
    public ReferralResource(@Reference ReferralBoard board) {
        this.board = board;
    }

    /** The body of {@code POST .../follow-up}. */
    public record FollowUpRequest(String note) {
    }

    /** Submits a proposal: 201 with the proposal and the meeting it is on. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"social-worker", "supervisor", "admin"})
    @Answer(status = 201, value = SubmittedProposal.class, description = "201 with its id and meeting.")
    public Response propose(@PathParam("region") String region, ReferralProposal proposal, @Context SecurityContext security) {
        SubmittedProposal p = board.propose(Caller.of(security.getUserPrincipal()), region, proposal);
        return Response.status(Response.Status.CREATED).entity(p).build();
    }

    @GET
    @Path("{id}")
    @Roles(value = {"social-worker", "supervisor", "board-chair", "admin"}, note = "Members of the board.")
    public SubmittedProposal proposal(@PathParam("region") String region, @PathParam("id") String id,
            @Context SecurityContext security) {
        return board.proposal(Caller.of(security.getUserPrincipal()), region, id)
                .orElseThrow(() -> new NotFoundException("referral proposal", id));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"board-chair", "admin"})
    public SubmittedProposal decide(@PathParam("region") String region, @PathParam("id") String id, DecisionRequest decision,
            @Context SecurityContext security) {
        return board.decide(Caller.of(security.getUserPrincipal()), region, id, decision);
    }

    @POST
    @Path("{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles(value = {"social-worker", "supervisor", "board-chair", "admin"}, note = "Members of the board.")
    public SubmittedProposal followUp(@PathParam("region") String region, @PathParam("id") String id, FollowUpRequest request,
            @Context SecurityContext security) {
        return board.completeFollowUp(Caller.of(security.getUserPrincipal()), region, id, request == null ? null : request.note());
    }
}
