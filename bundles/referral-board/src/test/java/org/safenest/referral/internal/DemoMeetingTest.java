package org.safenest.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safenest.api.referral.DecisionRequest;
import org.safenest.api.referral.MeetingStatus;
import org.safenest.api.referral.ProposalStatus;
import org.safenest.api.referral.ReferralMeeting;
import org.safenest.api.referral.ReferralOutcome;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.error.AccessDeniedException;

/** Issue 17: the demo puts proposals on today's meeting, submitted before the cutoff, and the chair decides one at once. */
class DemoMeetingTest extends BoardTestBase {

    @Test
    void theDemoMeetingIsTodayWithProposalsTheChairCanDecide() {
        DemoMeeting demo = new DemoMeeting(board);
        List<String> lines = demo.load(Fixtures.ADMIN);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.contains("for the chair to decide")), lines.toString());
        LocalDate today = LocalDate.now(clock.withZone(Fixtures.TAIPEI));
        List<ReferralMeeting> meetings = board.meetings(Fixtures.CHAIR, "kaohsiung", today, today);
        assertEquals(1, meetings.size());
        ReferralMeeting m = meetings.get(0);
        assertEquals(MeetingStatus.SCHEDULED, m.status());
        assertEquals(3, m.agenda().size());
        for (SubmittedProposal p : m.agenda()) {
            assertTrue(p.proposal().reportNumber().startsWith(DemoMeeting.PREFIX));
            assertTrue(p.proposal().summary().contains("Synthetic demo"));
            assertTrue(p.submittedAt().isBefore(m.cutoff().atStartOfDay(Fixtures.TAIPEI).toInstant().plusSeconds(86_400)),
                    "submitted on or before the cutoff day");
            assertEquals(ProposalStatus.ON_AGENDA, p.status());
        }
        // loading again adds nothing
        assertTrue(demo.load(Fixtures.ADMIN).stream().allMatch(l -> l.contains("already on the meeting")));
        assertEquals(3, board.meetings(Fixtures.CHAIR, "kaohsiung", today, today).get(0).agenda().size());
        // the chair decides one today
        SubmittedProposal decided = board.decide(Fixtures.CHAIR, "kaohsiung", m.agenda().get(1).id(),
                new DecisionRequest(ReferralOutcome.FF_KEEPS, null, "示範資料：低風險，由社福中心提供脆弱家庭服務。", true));
        assertEquals(ReferralOutcome.FF_KEEPS, decided.decision().outcome());
        // only an administrator loads demo data
        assertThrows(AccessDeniedException.class, () -> board.demoPropose(Fixtures.WORKER, "kaohsiung",
                form("DEMO-RB-999", org.safenest.api.intake.TransferDirection.FF_TO_CP), "worker", 10));
    }
}
