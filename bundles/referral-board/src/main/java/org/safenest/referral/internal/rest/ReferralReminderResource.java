package org.safenest.referral.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.referral.ReferralBoard;
import org.safenest.api.referral.Reminder;
import org.safenest.api.security.Caller;

/**
 * What needs attention today (region time zone): {@code /api/regions/{region}/referral-reminders}: proposals waiting,
 * the next meeting with its cutoff, decisions not yet carried out.
 */
@Component(service = ApiResource.class)
@Path("regions/{region}/referral-reminders")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralReminderResource implements ApiResource {

    private final ReferralBoard board;

    @Activate
    public ReferralReminderResource(@Reference ReferralBoard board) {
        this.board = board;
    }

    @GET
    @Roles(value = {"social-worker", "supervisor", "board-chair", "admin"}, note = "Members of the board.")
    public List<Reminder> reminders(@PathParam("region") String region, @Context SecurityContext security) {
        return board.reminders(Caller.of(security.getUserPrincipal()), region, null);
    }
}
