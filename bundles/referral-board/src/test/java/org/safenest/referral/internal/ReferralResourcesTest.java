package org.safenest.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.referral.DecisionRequest;
import org.safenest.api.referral.FollowUpStatus;
import org.safenest.api.referral.ReferralMeeting;
import org.safenest.api.referral.ReferralOutcome;
import org.safenest.api.referral.ReferralProposal;
import org.safenest.api.referral.Reminder;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.security.Caller;
import org.safenest.core.internal.rest.JsonProvider;
import org.safenest.referral.internal.rest.ReferralMeetingResource;
import org.safenest.referral.internal.rest.ReferralReminderResource;
import org.safenest.referral.internal.rest.ReferralResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST resources over the real board, with bodies read and answers written by core's JSON mapper (the one the
 * {@code /api} application uses), so the JSON a client sends and gets is what is checked.
 */
class ReferralResourcesTest extends BoardTestBase {

    private final ObjectMapper json = JsonProvider.mapper();

    private static SecurityContext as(Principal principal) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        };
    }

    @Test
    void theWholeFlowOverJson() throws Exception {
        board.intake = new FakeIntake().withCase("KHH-2023-000123", org.safenest.api.intake.ServiceLine.FRAGILE_FAMILY);
        ReferralResource referrals = new ReferralResource(board);
        ReferralMeetingResource meetings = new ReferralMeetingResource(board);
        ReferralReminderResource reminders = new ReferralReminderResource(board);

        clock.setTaipei("2023-04-10T10:00:00");
        ReferralProposal form = json.readValue("""
                {"proposingOffice":"swc-fengshan","district":"fengshan","reportNumber":"KHH-2023-000123","childAge":5,
                 "summary":"案主5歲，學校反映近兩週未到校。","reason":"訪視發現疑似受虐傷痕。","direction":"FF_TO_CP"}""",
                ReferralProposal.class);
        Response created = referrals.propose("kaohsiung", form, as(Fixtures.WORKER));
        assertEquals(201, created.getStatus());
        SubmittedProposal p = (SubmittedProposal) created.getEntity();
        JsonNode answer = json.readTree(json.writeValueAsString(p));
        assertEquals("RB-2023-001", answer.get("id").asText());
        assertEquals("2023-04-26", answer.get("meetingDate").asText());
        assertEquals("ON_AGENDA", answer.get("status").asText());
        assertEquals("2023-04-10T02:00:00Z", answer.get("submittedAt").asText());
        assertEquals("FF_TO_CP", answer.at("/proposal/direction").asText());

        assertEquals(p, referrals.proposal("kaohsiung", p.id(), as(Fixtures.CHAIR)));
        assertThrows(NotFoundException.class, () -> referrals.proposal("kaohsiung", "RB-2023-404", as(Fixtures.CHAIR)));

        ReferralMeeting next = meetings.next("kaohsiung", as(Fixtures.CHAIR));
        assertEquals(LocalDate.parse("2023-04-26"), next.date());
        JsonNode meetingJson = json.readTree(json.writeValueAsString(next));
        assertEquals("2023-04-19", meetingJson.get("cutoff").asText());
        assertEquals("SCHEDULED", meetingJson.get("status").asText());
        assertEquals(p.id(), meetingJson.at("/agenda/0/id").asText());
        List<ReferralMeeting> list = meetings.meetings("kaohsiung", "2023-04-01", "2023-05-31", as(Fixtures.SUPERVISOR));
        assertEquals(2, list.size());

        clock.setTaipei("2023-04-26T15:00:00");
        DecisionRequest decision = json.readValue("""
                {"outcome":"CP_TAKES","rationale":"聯訪後由兒保開案。","decidedOnBestInterest":true}""", DecisionRequest.class);
        SubmittedProposal decided = referrals.decide("kaohsiung", p.id(), decision, as(Fixtures.CHAIR));
        JsonNode decidedJson = json.readTree(json.writeValueAsString(decided));
        assertEquals("CHILD_PROTECTION", decidedJson.at("/decision/lead").asText());
        assertEquals("DONE", decidedJson.at("/decision/followUp").asText());
        assertEquals("KHH-2023-000123", decidedJson.at("/decision/transferredCase").asText());
        assertTrue(decidedJson.at("/decision/decidedOnBestInterest").asBoolean());

        List<Reminder> now = reminders.reminders("kaohsiung", as(Fixtures.WORKER));
        assertTrue(now.stream().noneMatch(r -> p.id().equals(r.proposalId())), now.toString());
        assertEquals(FollowUpStatus.DONE, decided.decision().followUp());
    }

    @Test
    void followUpByHandOverJson() throws Exception {
        board.intake = null;
        ReferralResource referrals = new ReferralResource(board);
        SubmittedProposal p = proposeAt("2023-04-10T10:00:00");
        clock.setTaipei("2023-04-26T15:00:00");
        referrals.decide("kaohsiung", p.id(), new DecisionRequest(ReferralOutcome.CP_TAKES, null, "由兒保開案。", false), as(Fixtures.CHAIR));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> referrals.followUp("kaohsiung", p.id(), null, as(Fixtures.WORKER)));
        assertEquals("note", e.errors().get(0).field());
        ReferralResource.FollowUpRequest note = json.readValue("{\"note\":\"已於系統完成轉案\"}", ReferralResource.FollowUpRequest.class);
        assertEquals(FollowUpStatus.DONE, referrals.followUp("kaohsiung", p.id(), note, as(Fixtures.WORKER)).decision().followUp());
    }

    @Test
    void badDatesAreNamedAndStrangersRefused() {
        ReferralMeetingResource meetings = new ReferralMeetingResource(board);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> meetings.meetings("kaohsiung", "2023-13-01", "soon", as(Fixtures.WORKER)));
        assertEquals(List.of("from", "to"), e.errors().stream().map(f -> f.field()).toList());
        assertTrue(e.errors().stream().allMatch(f -> f.code().equals("invalid-date")));
        assertThrows(AccessDeniedException.class, () -> meetings.next("kaohsiung", as(() -> "someone")));
        assertThrows(AccessDeniedException.class, () -> new ReferralResource(board).propose("kaohsiung",
                form("KHH-1", TransferDirection.FF_TO_CP), as((Caller) null)));
    }
}
