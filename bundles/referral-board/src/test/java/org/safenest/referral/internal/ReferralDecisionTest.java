package org.safenest.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.referral.DecisionRequest;
import org.safenest.api.referral.FollowUpStatus;
import org.safenest.api.referral.ProposalStatus;
import org.safenest.api.referral.ReferralDecision;
import org.safenest.api.referral.ReferralOutcome;
import org.safenest.api.referral.Reminder;
import org.safenest.api.referral.ReminderKind;
import org.safenest.api.referral.SubmittedProposal;

/** The chair's decisions, the transfers they apply to intake cases (with a fake intake window and without one), follow-ups and reminders. */
class ReferralDecisionTest extends BoardTestBase {

    private static final String FF_CASE = "KHH-2023-000123";
    private static final String CP_CASE = "KHH-2023-000200";

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static DecisionRequest decision(ReferralOutcome outcome, ServiceLine lead) {
        return new DecisionRequest(outcome, lead, "雙方同意：依兒少最佳利益由兒保開案，社福中心協助資源連結。", false);
    }

    /** A proposal on the agenda of 2023-04-26, and the clock on the meeting day. */
    private SubmittedProposal onTodaysAgenda(String reportNumber, TransferDirection direction) {
        SubmittedProposal p = proposeAt("2023-04-10T10:00:00", Fixtures.WORKER, reportNumber, direction);
        clock.setTaipei("2023-04-26T14:00:00");
        return p;
    }

    private FakeIntake intake() {
        FakeIntake fake = new FakeIntake().withCase(FF_CASE, ServiceLine.FRAGILE_FAMILY).withCase(CP_CASE, ServiceLine.CHILD_PROTECTION);
        board.intake = fake;
        return fake;
    }

    @Test
    void childProtectionTakesAFragileFamilyCase() {
        FakeIntake intake = intake();
        SubmittedProposal p = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        SubmittedProposal decided = board.decide(Fixtures.CHAIR, "kaohsiung", p.id(),
                new DecisionRequest(ReferralOutcome.CP_TAKES, null, "聯訪後確認受虐，由兒保開案。", true));

        assertEquals(ProposalStatus.DECIDED, decided.status());
        ReferralDecision d = decided.decision();
        assertEquals(ReferralOutcome.CP_TAKES, d.outcome());
        assertEquals(ServiceLine.CHILD_PROTECTION, d.lead(), "CP_TAKES is led by child protection");
        assertTrue(d.decidedOnBestInterest());
        assertEquals("chair", d.decidedBy());
        assertEquals(clock.instant(), d.decidedAt());
        assertEquals(FollowUpStatus.DONE, d.followUp());
        assertEquals(FF_CASE, d.transferredCase());
        assertNotNull(d.followUpDoneAt());
        assertTrue(d.followUpNote().contains(FF_CASE));

        assertEquals(1, intake.transfers.size());
        FakeIntake.Call call = intake.transfers.get(0);
        assertEquals("chair", call.caller().name());
        assertEquals("kaohsiung", call.region());
        assertEquals(FF_CASE, call.caseNumber());
        assertEquals(TransferDirection.FF_TO_CP, call.request().direction());
        assertEquals(TransferGround.REFERRAL_BOARD_DECISION, call.request().ground());
        assertEquals(p.id(), call.request().referral());
        assertNull(call.request().caseType());
        assertEquals(ServiceLine.CHILD_PROTECTION, intake.cases.get(FF_CASE));

        // stored as answered
        assertEquals(decided, board.proposal(Fixtures.WORKER, "kaohsiung", p.id()).orElseThrow());
        AuditRecord a = audit.byAction("referral.decide").get(0);
        assertEquals(AuditOutcome.SUCCESS, a.outcome());
        assertEquals(p.id(), a.target());
        assertTrue(a.detail().contains("CP_TAKES") && a.detail().contains("PENDING"), a.detail());
        // the transfer is carried out in a transaction of its own, with its own record
        AuditRecord f = audit.byAction("referral.transfer").get(0);
        assertEquals(AuditOutcome.SUCCESS, f.outcome());
        assertTrue(f.detail().contains(FF_CASE), f.detail());
        assertFalse(a.detail().contains("聯訪"), "the rationale is not audited");
    }

    @Test
    void fragileFamilyKeepingAFragileFamilyCaseMovesNothing() {
        FakeIntake intake = intake();
        SubmittedProposal p = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        ReferralDecision d = board.decide(Fixtures.CHAIR, "kaohsiung", p.id(), decision(ReferralOutcome.FF_KEEPS, null)).decision();
        assertEquals(ServiceLine.FRAGILE_FAMILY, d.lead());
        assertEquals(FollowUpStatus.NOT_NEEDED, d.followUp());
        assertNull(d.transferredCase());
        assertTrue(intake.transfers.isEmpty());
        ConflictException e = assertThrows(ConflictException.class,
                () -> board.completeFollowUp(Fixtures.WORKER, "kaohsiung", p.id(), "已完成"));
        assertTrue(e.getMessage().contains("nothing to carry out"));
    }

    @Test
    void fragileFamilyKeepingAChildProtectionCaseMovesItToFragileFamily() {
        FakeIntake intake = intake();
        SubmittedProposal p = onTodaysAgenda(CP_CASE, TransferDirection.CP_TO_FF);
        ReferralDecision d = board.decide(Fixtures.CHAIR, "kaohsiung", p.id(), decision(ReferralOutcome.FF_KEEPS, ServiceLine.FRAGILE_FAMILY)).decision();
        assertEquals(FollowUpStatus.DONE, d.followUp());
        assertEquals(CP_CASE, d.transferredCase());
        assertEquals(TransferDirection.CP_TO_FF, intake.transfers.get(0).request().direction());
        assertEquals(ServiceLine.FRAGILE_FAMILY, intake.cases.get(CP_CASE));
    }

    @Test
    void childProtectionKeepingItsCaseMovesNothing() {
        FakeIntake intake = intake();
        SubmittedProposal p = onTodaysAgenda(CP_CASE, TransferDirection.CP_TO_FF);
        assertEquals(FollowUpStatus.NOT_NEEDED, board.decide(Fixtures.CHAIR, "kaohsiung", p.id(),
                decision(ReferralOutcome.CP_TAKES, ServiceLine.CHILD_PROTECTION)).decision().followUp());
        assertTrue(intake.transfers.isEmpty());
    }

    @Test
    void aJointDecisionMovesTheCaseWhenTheAskedServiceLeads() {
        FakeIntake intake = intake();
        SubmittedProposal led = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        assertEquals(FollowUpStatus.DONE, board.decide(Fixtures.CHAIR, "kaohsiung", led.id(),
                decision(ReferralOutcome.JOINT, ServiceLine.CHILD_PROTECTION)).decision().followUp());
        SubmittedProposal kept = onTodaysAgenda("KHH-2023-000300", TransferDirection.FF_TO_CP);
        assertEquals(FollowUpStatus.NOT_NEEDED, board.decide(Fixtures.CHAIR, "kaohsiung", kept.id(),
                decision(ReferralOutcome.JOINT, ServiceLine.FRAGILE_FAMILY)).decision().followUp());
        assertEquals(1, intake.transfers.size());
        assertTrue(JpaReferralBoard.movesCase(TransferDirection.FF_TO_CP, ServiceLine.CHILD_PROTECTION));
        assertFalse(JpaReferralBoard.movesCase(TransferDirection.FF_TO_CP, ServiceLine.FRAGILE_FAMILY));
        assertTrue(JpaReferralBoard.movesCase(TransferDirection.CP_TO_FF, ServiceLine.FRAGILE_FAMILY));
        assertFalse(JpaReferralBoard.movesCase(TransferDirection.CP_TO_FF, ServiceLine.CHILD_PROTECTION));
    }

    @Test
    void withoutTheIntakeCapabilityTheFollowUpIsDoneByHand() {
        board.intake = null;
        SubmittedProposal p = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        ReferralDecision d = board.decide(Fixtures.CHAIR, "kaohsiung", p.id(), decision(ReferralOutcome.CP_TAKES, null)).decision();
        assertEquals(FollowUpStatus.PENDING, d.followUp());
        assertNull(d.transferredCase());
        assertNull(d.followUpNote());

        List<Reminder> reminders = board.reminders(Fixtures.WORKER, "kaohsiung", d("2023-04-27"));
        Reminder r = reminders.stream().filter(x -> x.kind() == ReminderKind.DECISION_NOT_CARRIED_OUT).findFirst().orElseThrow();
        assertEquals(p.id(), r.proposalId());
        assertEquals(d("2023-04-26"), r.due());
        assertTrue(r.detail().contains("not installed"), r.detail());

        clock.setTaipei("2023-04-28T09:00:00");
        ReferralDecision done = board.completeFollowUp(Fixtures.WORKER, "kaohsiung", p.id(), "家防中心已於系統完成轉案。").decision();
        assertEquals(FollowUpStatus.DONE, done.followUp());
        assertEquals("家防中心已於系統完成轉案。", done.followUpNote());
        assertEquals(clock.instant(), done.followUpDoneAt());
        assertTrue(board.reminders(Fixtures.WORKER, "kaohsiung", d("2023-04-28")).stream()
                .noneMatch(x -> x.kind() == ReminderKind.DECISION_NOT_CARRIED_OUT));
        assertThrows(ConflictException.class, () -> board.completeFollowUp(Fixtures.CHAIR, "kaohsiung", p.id(), "again"));
        assertEquals(AuditOutcome.SUCCESS, audit.byAction("referral.follow-up").get(0).outcome());
        assertEquals(AuditOutcome.REJECTED, audit.byAction("referral.follow-up").get(1).outcome());
    }

    @Test
    void aNumberThatIsNotAnIntakeCaseLeavesTheFollowUpPending() {
        FakeIntake intake = intake();
        SubmittedProposal p = onTodaysAgenda("SYS-0042", TransferDirection.FF_TO_CP);
        ReferralDecision d = board.decide(Fixtures.CHAIR, "kaohsiung", p.id(), decision(ReferralOutcome.CP_TAKES, null)).decision();
        assertEquals(FollowUpStatus.PENDING, d.followUp());
        assertEquals(1, intake.transfers.size());
        Reminder r = board.reminders(Fixtures.CHAIR, "kaohsiung", null).stream()
                .filter(x -> x.kind() == ReminderKind.DECISION_NOT_CARRIED_OUT).findFirst().orElseThrow();
        assertTrue(r.detail().contains("not a case of the intake window"), r.detail());
    }

    @Test
    void aTransferIntakeRefusesLeavesTheFollowUpPendingWithTheReason() {
        FakeIntake intake = intake();
        intake.failWith = new ConflictException("A child protection case under active treatment cannot be transferred");
        SubmittedProposal p = onTodaysAgenda(CP_CASE, TransferDirection.CP_TO_FF);
        assertEquals(FollowUpStatus.PENDING, board.decide(Fixtures.CHAIR, "kaohsiung", p.id(),
                decision(ReferralOutcome.FF_KEEPS, null)).decision().followUp());
        Reminder r = board.reminders(Fixtures.CHAIR, "kaohsiung", null).stream()
                .filter(x -> x.kind() == ReminderKind.DECISION_NOT_CARRIED_OUT).findFirst().orElseThrow();
        assertTrue(r.detail().contains("under active treatment"), r.detail());

        // a failure of another kind is not a decision failure either
        intake.failWith = new IllegalStateException("database down");
        SubmittedProposal q = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        assertEquals(FollowUpStatus.PENDING, board.decide(Fixtures.CHAIR, "kaohsiung", q.id(),
                decision(ReferralOutcome.CP_TAKES, null)).decision().followUp());
    }

    @Test
    void onlyProposalsOfADueMeetingAreDecidedAndOnlyOnce() {
        intake();
        SubmittedProposal p = proposeAt("2023-04-10T10:00:00");
        clock.setTaipei("2023-04-25T23:59:00");
        ConflictException early = assertThrows(ConflictException.class,
                () -> board.decide(Fixtures.CHAIR, "kaohsiung", p.id(), decision(ReferralOutcome.CP_TAKES, null)));
        assertTrue(early.getMessage().contains("2023-04-26"));
        assertNull(board.proposal(Fixtures.CHAIR, "kaohsiung", p.id()).orElseThrow().decision(), "nothing written");

        clock.setTaipei("2023-04-26T00:00:00");
        board.decide(Fixtures.CHAIR, "kaohsiung", p.id(), decision(ReferralOutcome.CP_TAKES, null));
        ConflictException twice = assertThrows(ConflictException.class,
                () -> board.decide(Fixtures.ADMIN, "kaohsiung", p.id(), decision(ReferralOutcome.FF_KEEPS, null)));
        assertTrue(twice.getMessage().contains("already decided"));
        assertEquals(ReferralOutcome.CP_TAKES, board.proposal(Fixtures.CHAIR, "kaohsiung", p.id()).orElseThrow().decision().outcome());

        // a meeting already held: still decidable later (the chair records decisions after the meeting)
        SubmittedProposal late = proposeAt("2023-04-12T10:00:00");
        clock.setTaipei("2023-05-02T10:00:00");
        assertEquals(ProposalStatus.DECIDED, board.decide(Fixtures.ADMIN, "kaohsiung", late.id(),
                decision(ReferralOutcome.OTHER, ServiceLine.FRAGILE_FAMILY)).status());
        assertThrows(NotFoundException.class, () -> board.decide(Fixtures.CHAIR, "kaohsiung", "RB-2023-999", decision(ReferralOutcome.CP_TAKES, null)));
    }

    @Test
    void decisionsAreValidated() {
        SubmittedProposal p = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> board.decide(Fixtures.CHAIR, "kaohsiung", p.id(),
                new DecisionRequest(null, null, " ", null)));
        assertEquals(List.of(new FieldError("outcome", "required", "Field 'outcome' is required"),
                new FieldError("rationale", "required", "Field 'rationale' is required")), e.errors());

        e = assertThrows(InvalidInputException.class, () -> board.decide(Fixtures.CHAIR, "kaohsiung", p.id(),
                new DecisionRequest(ReferralOutcome.FF_KEEPS, ServiceLine.CHILD_PROTECTION, "案父電話0912345678", false)));
        assertEquals(List.of("lead:inconsistent", "rationale:personal-data.phone"),
                e.errors().stream().map(f -> f.field() + ":" + f.code()).toList());

        e = assertThrows(InvalidInputException.class, () -> board.decide(Fixtures.CHAIR, "kaohsiung", p.id(),
                new DecisionRequest(ReferralOutcome.JOINT, null, "共同服務", false)));
        assertEquals("lead:required", e.errors().get(0).field() + ":" + e.errors().get(0).code());
        e = assertThrows(InvalidInputException.class, () -> board.decide(Fixtures.CHAIR, "kaohsiung", p.id(),
                new DecisionRequest(ReferralOutcome.OTHER, ServiceLine.ADULT_PROTECTION, "轉成保", false)));
        assertEquals("lead:invalid", e.errors().get(0).field() + ":" + e.errors().get(0).code());
        assertNull(board.proposal(Fixtures.CHAIR, "kaohsiung", p.id()).orElseThrow().decision());
    }

    @Test
    void onlyTheChairDecides() {
        SubmittedProposal p = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        assertThrows(AccessDeniedException.class, () -> board.decide(Fixtures.WORKER, "kaohsiung", p.id(), decision(ReferralOutcome.CP_TAKES, null)));
        assertThrows(AccessDeniedException.class, () -> board.decide(Fixtures.SUPERVISOR, "kaohsiung", p.id(), decision(ReferralOutcome.CP_TAKES, null)));
        assertThrows(AccessDeniedException.class, () -> board.completeFollowUp(Fixtures.ANALYST, "kaohsiung", p.id(), "done"));
        assertEquals(AuditOutcome.DENIED, audit.byAction("referral.decide").get(0).outcome());
        assertEquals(p.id(), audit.byAction("referral.decide").get(0).target());
        assertNull(board.proposal(Fixtures.CHAIR, "kaohsiung", p.id()).orElseThrow().decision());
    }

    @Test
    void remindersListWaitingProposalsTheNextMeetingAndOpenFollowUps() {
        board.intake = null;
        SubmittedProposal decidedLate = proposeAt("2023-03-01T10:00:00");   // on 2023-03-26
        SubmittedProposal undecided = proposeAt("2023-03-02T10:00:00");     // on 2023-03-26, never decided
        SubmittedProposal waiting = proposeAt("2023-04-10T10:00:00");       // on 2023-04-26
        clock.setTaipei("2023-03-26T15:00:00");
        board.decide(Fixtures.CHAIR, "kaohsiung", decidedLate.id(), decision(ReferralOutcome.CP_TAKES, null));

        List<Reminder> reminders = board.reminders(Fixtures.SUPERVISOR, "kaohsiung", d("2023-04-12"));
        assertEquals(4, reminders.size(), reminders.toString());
        // sorted by the day each matters
        assertEquals(new Reminder(ReminderKind.PROPOSAL_WAITING, undecided.id(), d("2023-03-26"), d("2023-03-26"),
                "Proposal " + undecided.id() + " was on the agenda of 2023-03-26 and waits for its decision"), reminders.get(0));
        assertEquals(ReminderKind.DECISION_NOT_CARRIED_OUT, reminders.get(1).kind());
        assertEquals(decidedLate.id(), reminders.get(1).proposalId());
        assertEquals(new Reminder(ReminderKind.MEETING_COMING, null, d("2023-04-26"), d("2023-04-19"),
                "Meeting on 2023-04-26 with 1 proposal(s) on the agenda; proposals until 2023-04-19"), reminders.get(2));
        assertEquals(new Reminder(ReminderKind.PROPOSAL_WAITING, waiting.id(), d("2023-04-26"), d("2023-04-26"),
                "Proposal " + waiting.id() + " waits for the meeting of 2023-04-26"), reminders.get(3));

        // after the cutoff the meeting reminder falls due on the meeting day
        Reminder meeting = board.reminders(Fixtures.CHAIR, "kaohsiung", d("2023-04-21")).stream()
                .filter(r -> r.kind() == ReminderKind.MEETING_COMING).findFirst().orElseThrow();
        assertEquals(d("2023-04-26"), meeting.due());
        assertTrue(meeting.detail().contains("agenda closed on 2023-04-19"));
        assertThrows(AccessDeniedException.class, () -> board.reminders(Fixtures.ANALYST, "kaohsiung", null));
    }

    @Test
    void eventsCarryIdentifiersOnly() {
        List<Event> posted = new ArrayList<>();
        board.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        intake();
        SubmittedProposal p = onTodaysAgenda(FF_CASE, TransferDirection.FF_TO_CP);
        board.decide(Fixtures.CHAIR, "kaohsiung", p.id(), decision(ReferralOutcome.CP_TAKES, null));
        assertEquals(List.of(ReferralEvents.PROPOSAL_SUBMITTED, ReferralEvents.DECISION_RECORDED, ReferralEvents.FOLLOW_UP_COMPLETED),
                posted.stream().map(Event::getTopic).toList());
        Event decided = posted.get(1);
        assertEquals(p.id(), decided.getProperty(ReferralEvents.PROPOSAL_ID));
        assertEquals("kaohsiung", decided.getProperty(ReferralEvents.REGION));
        assertEquals("2023-04-26", decided.getProperty(ReferralEvents.MEETING_DATE));
        assertEquals("CP_TAKES", decided.getProperty(ReferralEvents.OUTCOME));
        assertEquals("PENDING", decided.getProperty(ReferralEvents.FOLLOW_UP));
        Event carriedOut = posted.get(2);
        assertEquals("DONE", carriedOut.getProperty(ReferralEvents.FOLLOW_UP));
        assertEquals(FF_CASE, carriedOut.getProperty(ReferralEvents.CASE_NUMBER));
        // the same events are in the outbox, written with each change, and each change has its audit record
        assertEquals(posted.stream().map(Event::getTopic).toList(), outbox.events().stream().map(e -> e.topic()).toList());
        assertEquals(1, audit.byAction("referral.decide").size());
        assertEquals(1, audit.byAction("referral.transfer").size());
        for (Event e : posted) {
            for (String name : e.getPropertyNames()) {
                Object v = e.getProperty(name);
                assertFalse(v instanceof String s && (s.contains("案主") || s.contains("兒保開案")), name);
            }
        }
    }
}
