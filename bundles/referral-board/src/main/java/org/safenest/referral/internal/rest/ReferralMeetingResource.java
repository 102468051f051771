package org.safenest.referral.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
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
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.referral.ReferralBoard;
import org.safenest.api.referral.ReferralMeeting;
import org.safenest.api.security.Caller;

/** The board's meetings with status and agenda: {@code /api/regions/{region}/referral-meetings}. */
@Component(service = ApiResource.class)
@Path("regions/{region}/referral-meetings")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralMeetingResource implements ApiResource {

    private final ReferralBoard board;

    @Activate
    public ReferralMeetingResource(@Reference ReferralBoard board) {
        this.board = board;
    }

    /** Meetings whose day is within {@code from} and {@code to} (ISO dates, inclusive; default: a year back, three months ahead). */
    @GET
    @Roles(value = {"social-worker", "supervisor", "board-chair", "admin"}, note = "Members of the board.")
    public List<ReferralMeeting> meetings(@PathParam("region") String region, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return board.meetings(caller, region, start, end);
    }

    /** The next meeting not yet held. */
    @GET
    @Path("next")
    @Roles(value = {"social-worker", "supervisor", "board-chair", "admin"}, note = "Members of the board.")
    public ReferralMeeting next(@PathParam("region") String region, @Context SecurityContext security) {
        return board.nextMeeting(Caller.of(security.getUserPrincipal()), region);
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
}
