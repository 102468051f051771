package org.safenest.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.referral.MeetingStatus;
import org.safenest.api.referral.ProposalStatus;
import org.safenest.api.referral.ReferralMeeting;
import org.safenest.api.referral.ReferralProposal;
import org.safenest.api.referral.SubmittedProposal;

/** Proposals, the agenda rules in the region's time zone, meetings and their status, validation and permissions. */
class ReferralAgendaTest extends BoardTestBase {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aProposalIsNumberedStoredAndPutOnTheNextAgenda() {
        SubmittedProposal p = proposeAt("2023-04-10T09:30:00");
        assertEquals("RB-2023-001", p.id());
        assertEquals("kaohsiung", p.region());
        assertEquals("worker", p.submittedBy());
        assertEquals(d("2023-04-26"), p.meetingDate());
        assertEquals(ProposalStatus.ON_AGENDA, p.status());
        assertNull(p.decision());
        assertEquals(form("KHH-2023-000123", TransferDirection.FF_TO_CP), p.proposal());

        assertEquals(p, board.proposal(Fixtures.CHAIR, "kaohsiung", p.id()).orElseThrow());
        assertEquals("RB-2023-002", proposeAt("2023-04-10T10:00:00", Fixtures.SUPERVISOR, "KHH-2023-000124", TransferDirection.CP_TO_FF).id());
        assertTrue(board.proposal(Fixtures.CHAIR, "kaohsiung", "RB-2023-999").isEmpty());

        AuditRecord a = audit.byAction("referral.propose").get(0);
        assertEquals("worker", a.actor());
        assertEquals("kaohsiung", a.region());
        assertEquals("RB-2023-001", a.target());
        assertEquals(AuditOutcome.SUCCESS, a.outcome());
    }

    @Test
    void numbersStartAgainEachYear() {
        assertEquals("RB-2023-001", proposeAt("2023-12-31T23:00:00").id());
        assertEquals("RB-2024-001", proposeAt("2024-01-01T00:30:00").id());
        assertEquals("RB-2024-002", proposeAt("2024-01-02T00:30:00").id());
    }

    @Test
    void theCutoffIsSevenDaysInTheRegionsTimeZone() {
        // 2023-04-19 23:59:59 in Taipei is exactly 7 days before the meeting of 2023-04-26
        clock.set(Instant.parse("2023-04-19T15:59:59Z"));
        assertEquals(d("2023-04-26"), board.propose(Fixtures.WORKER, "kaohsiung", form("KHH-2023-000001", TransferDirection.FF_TO_CP)).meetingDate());
        // one second later it is 2023-04-20 in Taipei (still the 19th in UTC): six days before, the next meeting
        clock.set(Instant.parse("2023-04-19T16:00:00Z"));
        assertEquals(d("2023-05-26"), board.propose(Fixtures.WORKER, "kaohsiung", form("KHH-2023-000002", TransferDirection.FF_TO_CP)).meetingDate());
    }

    @Test
    void sixDaysBeforeGoesToTheNextMeeting() {
        assertEquals(d("2023-05-26"), proposeAt("2023-04-20T08:00:00").meetingDate());
        assertEquals(d("2023-05-26"), proposeAt("2023-04-26T08:00:00").meetingDate());
    }

    @Test
    void monthEnds() {
        board = board(Map.of("kaohsiung.meeting-day", "31"));
        assertEquals(d("2023-02-28"), proposeAt("2023-02-21T12:00:00").meetingDate());
        assertEquals(d("2023-03-31"), proposeAt("2023-02-22T12:00:00").meetingDate());
        assertEquals(d("2023-04-30"), proposeAt("2023-04-23T12:00:00").meetingDate());
        assertEquals(d("2024-02-29"), proposeAt("2024-02-22T12:00:00").meetingDate());
    }

    /**
     * The board's documented history (DOMAIN.md): 2023-02-21 with 2 proposals, held; 2023-03-30 with none, not held;
     * 2023-04-26 with 6 proposals, held. February and March met on moved days, April on the usual 26th.
     */
    @Test
    void theDocumentedHistory() {
        board = board(Map.of("kaohsiung.start", "2023-02-03", "kaohsiung.meeting-day", "26",
                "kaohsiung.meeting.2023-02", "21", "kaohsiung.meeting.2023-03", "30"));
        for (String at : List.of("2023-02-06T10:00:00", "2023-02-14T23:00:00")) {
            assertEquals(d("2023-02-21"), proposeAt(at).meetingDate());
        }
        // March: nothing by its cutoff (2023-03-23)
        clock.setTaipei("2023-03-23T12:00:00");
        assertEquals(MeetingStatus.SCHEDULED, meeting(d("2023-03-30")).status());
        clock.setTaipei("2023-03-24T00:00:00");
        assertEquals(MeetingStatus.NOT_HELD, meeting(d("2023-03-30")).status());
        for (String at : List.of("2023-03-24T09:00:00", "2023-03-31T09:00:00", "2023-04-06T09:00:00",
                "2023-04-12T09:00:00", "2023-04-18T09:00:00", "2023-04-19T23:00:00")) {
            assertEquals(d("2023-04-26"), proposeAt(at).meetingDate());
        }
        clock.setTaipei("2023-04-26T09:00:00");
        assertEquals(MeetingStatus.SCHEDULED, meeting(d("2023-04-26")).status(), "on its day the meeting is still on");

        clock.setTaipei("2023-05-01T09:00:00");
        List<ReferralMeeting> meetings = board.meetings(Fixtures.SUPERVISOR, "kaohsiung", d("2023-01-01"), d("2023-04-30"));
        assertEquals(List.of(d("2023-02-21"), d("2023-03-30"), d("2023-04-26")), meetings.stream().map(ReferralMeeting::date).toList());
        assertEquals(List.of(MeetingStatus.HELD, MeetingStatus.NOT_HELD, MeetingStatus.HELD), meetings.stream().map(ReferralMeeting::status).toList());
        assertEquals(List.of(2, 0, 6), meetings.stream().map(m -> m.agenda().size()).toList());
        assertEquals(List.of(d("2023-02-14"), d("2023-03-23"), d("2023-04-19")), meetings.stream().map(ReferralMeeting::cutoff).toList());
        // the agenda lists proposals in order of submission
        assertEquals(List.of("RB-2023-003", "RB-2023-004", "RB-2023-005", "RB-2023-006", "RB-2023-007", "RB-2023-008"),
                meetings.get(2).agenda().stream().map(SubmittedProposal::id).toList());
    }

    private ReferralMeeting meeting(LocalDate date) {
        return board.meetings(Fixtures.CHAIR, "kaohsiung", date, date).get(0);
    }

    @Test
    void meetingsWithoutProposalsAreScheduledThenNotHeld() {
        clock.setTaipei("2023-04-15T10:00:00");
        List<ReferralMeeting> meetings = board.meetings(Fixtures.WORKER, "kaohsiung", d("2023-03-01"), d("2023-05-31"));
        assertEquals(List.of(MeetingStatus.NOT_HELD, MeetingStatus.SCHEDULED, MeetingStatus.SCHEDULED),
                meetings.stream().map(ReferralMeeting::status).toList());
        assertTrue(meetings.stream().allMatch(m -> m.agenda().isEmpty()));
        assertTrue(meetings.stream().allMatch(m -> m.region().equals("kaohsiung")));
    }

    @Test
    void theNextMeetingSkipsMeetingsThatWillNotBeHeld() {
        // 2023-04-22: the agenda of 2023-04-26 closed empty on the 19th, so the next meeting is in May
        clock.setTaipei("2023-04-22T10:00:00");
        ReferralMeeting next = board.nextMeeting(Fixtures.WORKER, "kaohsiung");
        assertEquals(d("2023-05-26"), next.date());
        assertEquals(d("2023-05-19"), next.cutoff());
        assertEquals(MeetingStatus.SCHEDULED, next.status());

        SubmittedProposal p = proposeAt("2023-04-10T10:00:00");
        clock.setTaipei("2023-04-26T08:00:00");
        next = board.nextMeeting(Fixtures.CHAIR, "kaohsiung");
        assertEquals(d("2023-04-26"), next.date(), "on the meeting day the day's meeting is next");
        assertEquals(List.of(p.id()), next.agenda().stream().map(SubmittedProposal::id).toList());
        clock.setTaipei("2023-04-27T08:00:00");
        assertEquals(d("2023-05-26"), board.nextMeeting(Fixtures.CHAIR, "kaohsiung").date());
    }

    @Test
    void configurationChangesApplyWithoutARestart() {
        clock.setTaipei("2023-04-01T10:00:00");
        assertEquals(d("2023-04-26"), board.nextMeeting(Fixtures.WORKER, "kaohsiung").date());
        board.modified(Map.of("kaohsiung.meeting-day", "12"));
        assertEquals(d("2023-04-12"), board.nextMeeting(Fixtures.WORKER, "kaohsiung").date());
    }

    @Test
    void meetingRangesAreChecked() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> board.meetings(Fixtures.WORKER, "kaohsiung", d("2023-05-01"), d("2023-04-01")));
        assertEquals("before-from", e.errors().get(0).code());
        e = assertThrows(InvalidInputException.class,
                () -> board.meetings(Fixtures.WORKER, "kaohsiung", d("2000-01-01"), d("2023-04-01")));
        assertEquals("range-too-long", e.errors().get(0).code());
        // defaults: a year back and three months ahead
        clock.setTaipei("2023-04-15T10:00:00");
        List<ReferralMeeting> all = board.meetings(Fixtures.WORKER, "kaohsiung", null, null);
        assertEquals(d("2022-04-26"), all.get(0).date());
        assertEquals(d("2023-07-26"), all.get(all.size() - 1).date());
    }

    // ------------------------------------------------------------------ validation

    @Test
    void everyMissingFieldIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> board.propose(Fixtures.WORKER, "kaohsiung",
                new ReferralProposal(null, " ", null, null, "", null, null)));
        assertEquals(Set.of("proposingOffice", "district", "reportNumber", "childAge", "summary", "reason", "direction"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertTrue(e.errors().stream().allMatch(f -> f.code().equals("required")));
        assertEquals(0, board.meetings(Fixtures.WORKER, "kaohsiung", d("2023-01-01"), d("2023-12-31")).stream()
                .mapToInt(m -> m.agenda().size()).sum(), "nothing stored");
    }

    @Test
    void wrongValuesAreNamedWithoutEchoingThem() {
        String longText = "案主".repeat(1001);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> board.propose(Fixtures.WORKER, "kaohsiung",
                new ReferralProposal("no-such-office", "nowhere", "KHH-1", 18, longText, "ok", TransferDirection.FF_TO_CP)));
        Map<String, String> codes = e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::code));
        assertEquals(Map.of("proposingOffice", "unknown", "district", "unknown", "childAge", "out-of-range", "summary", "too-long"), codes);
        assertTrue(e.errors().stream().noneMatch(f -> f.message().contains("no-such-office") || f.message().contains("nowhere")));

        e = assertThrows(InvalidInputException.class, () -> board.propose(Fixtures.WORKER, "kaohsiung",
                new ReferralProposal("other-unit", "鳳山區", "KHH-1", 3, "ok", "ok", TransferDirection.FF_TO_CP)));
        assertEquals(List.of(new FieldError("proposingOffice", "not-a-member",
                "Only welfare service centres and protection-centre stations propose to the referral board")), e.errors());
    }

    @Test
    void aDistrictMayBeGivenByName() {
        clock.setTaipei("2023-04-01T10:00:00");
        SubmittedProposal p = board.propose(Fixtures.WORKER, "kaohsiung",
                new ReferralProposal("pc-fengshan", "鳳山區", "KHH-2023-000009", 0, "嬰兒，案母產後憂鬱。", "需脆家服務支持。", TransferDirection.CP_TO_FF));
        assertEquals("fengshan", p.proposal().district());
        assertEquals(0, p.proposal().childAge());
    }

    @Test
    void personalDataIsRefusedByKindAndNeverStoredOrAudited() {
        clock.setTaipei("2023-04-01T10:00:00");
        String summary = "案母手機0912-345-678，住鳳山區光復路二段120號";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> board.propose(Fixtures.WORKER, "kaohsiung",
                new ReferralProposal("swc-fengshan", "fengshan", "A123456789", 5, summary, "出生日期：2015-03-04", TransferDirection.FF_TO_CP)));
        Map<String, String> codes = e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::code));
        assertEquals(Map.of("reportNumber", "personal-data.taiwan-id", "summary", "personal-data.phone",
                "reason", "personal-data.date-of-birth"), codes);
        for (FieldError f : e.errors()) {
            assertFalse(f.message().contains("0912") || f.message().contains("A123456789") || f.message().contains("2015"), f.message());
        }
        AuditRecord refused = audit.byAction("referral.propose").get(0);
        assertEquals(AuditOutcome.REJECTED, refused.outcome());
        assertTrue(refused.detail().contains("summary:personal-data.phone"), refused.detail());
        for (AuditRecord r : audit.records()) {
            String all = r.action() + r.target() + r.detail();
            assertFalse(all.contains("0912") || all.contains("A123456789") || all.contains("光復路"), all);
        }
        assertTrue(board.meetings(Fixtures.WORKER, "kaohsiung", d("2023-04-01"), d("2023-04-30")).get(0).agenda().isEmpty());
    }

    // ------------------------------------------------------------------ permissions

    @Test
    void onlyMembersInTheirRegionsMayActAndRefusalsAreAudited() {
        clock.setTaipei("2023-04-01T10:00:00");
        ReferralProposal form = form("KHH-2023-000123", TransferDirection.FF_TO_CP);
        assertThrows(AccessDeniedException.class, () -> board.propose(Fixtures.CHAIR, "kaohsiung", form));
        assertThrows(AccessDeniedException.class, () -> board.propose(Fixtures.ANALYST, "kaohsiung", form));
        assertThrows(AccessDeniedException.class, () -> board.propose(Fixtures.HK_WORKER, "kaohsiung", form));
        assertThrows(AccessDeniedException.class, () -> board.propose(null, "kaohsiung", form));
        assertThrows(AccessDeniedException.class, () -> board.meetings(Fixtures.ANALYST, "kaohsiung", null, null));
        assertThrows(AccessDeniedException.class, () -> board.nextMeeting(Fixtures.CHAIR, "hong-kong"));
        assertThrows(NotFoundException.class, () -> board.meetings(Fixtures.WORKER, "atlantis", null, null));
        assertEquals(List.of(AuditOutcome.DENIED, AuditOutcome.DENIED, AuditOutcome.DENIED, AuditOutcome.DENIED),
                audit.byAction("referral.propose").stream().map(AuditRecord::outcome).toList());
        assertEquals("anonymous", audit.byAction("referral.propose").get(3).actor());

        // admin may propose; a worker and a supervisor of every region may too
        assertEquals(d("2023-04-26"), board.propose(Fixtures.ADMIN, "kaohsiung", form).meetingDate());
        // Hong Kong has no welfare centres or protection stations: nobody there can propose
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> board.propose(Fixtures.HK_WORKER, "hong-kong",
                new ReferralProposal("ifsc-tung-chung", "islands", "HK-1", 4, "ok", "ok", TransferDirection.FF_TO_CP)));
        assertEquals("not-a-member", e.errors().get(0).code());
    }
}
