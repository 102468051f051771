package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safenest.intake.internal.TestSupport.ADMIN;
import static org.safenest.intake.internal.TestSupport.ANALYST;
import static org.safenest.intake.internal.TestSupport.DISPATCHER;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.NOW;
import static org.safenest.intake.internal.TestSupport.SUPERVISOR;
import static org.safenest.intake.internal.TestSupport.WORKER;
import static org.safenest.intake.internal.TestSupport.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseHistoryEntry;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.Disposition;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.Transfer;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.intake.TransferRequest;

/** Dispositions, follow-ups, transfers, the manual queue and disputes. */
class CaseLifecycleTest {

    private TestSupport t;

    @BeforeEach
    void open() {
        t = new TestSupport();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private String newCase(String id, String type, String district) {
        return t.service.submit(INTAKE, "kaohsiung", report(id, type, district, null, null, 6)).caseNumber();
    }

    private CaseView dispose(String caseNumber, Disposition d) {
        return t.service.recordDisposition(WORKER, "kaohsiung", caseNumber, new DispositionRequest(d, null, null, null));
    }

    private static Map<String, String> fields(Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        Map<String, String> fields = new TreeMap<>();
        for (FieldError f : e.errors()) {
            fields.put(f.field(), f.code());
        }
        return fields;
    }

    private static ConflictException conflict(Supplier<?> s) {
        return assertThrows(ConflictException.class, s::get);
    }

    @Test
    void dispositionsMoveTheCase() {
        for (Disposition d : List.of(Disposition.CASE_MANAGEMENT, Disposition.SHORT_TERM_SERVICE)) {
            assertEquals(CaseStatus.IN_SERVICE, dispose(newCase("d-" + d, "child-protection", "sanmin"), d).status(), d.name());
        }
        for (Disposition d : List.of(Disposition.NOT_OPENED_DEATH, Disposition.NOT_OPENED_LEFT_COUNTRY,
                Disposition.NOT_OPENED_NO_INFORMATION, Disposition.NOT_OPENED_NOT_AS_REPORTED)) {
            CaseView v = dispose(newCase("d-" + d, "fragile-family", "sanmin"), d);
            assertEquals(CaseStatus.CLOSED, v.status(), d.name());
            assertEquals(CaseHistoryKind.CLOSED, v.history().get(v.history().size() - 1).kind());
        }
        CaseView brief = t.service.recordDisposition(WORKER, "kaohsiung", newCase("d-brief", "fragile-family", "sanmin"),
                new DispositionRequest(Disposition.BRIEF_SERVICE, "One call, synthetic note.", null, null));
        assertEquals(CaseStatus.IN_SERVICE, brief.status());
        assertEquals("One call, synthetic note.", brief.dispositions().get(0).note());
        assertEquals("worker", brief.dispositions().get(0).by());
        CaseView referred = t.service.recordDisposition(SUPERVISOR, "kaohsiung", newCase("d-refer", "fragile-family", "sanmin"),
                new DispositionRequest(Disposition.REFER_TO_UNIT, null, "Synthetic NGO unit", true));
        assertEquals(CaseStatus.CLOSED, referred.status());
        assertEquals("Synthetic NGO unit", referred.dispositions().get(0).unit());
        assertTrue(referred.dispositions().get(0).unitConfirmed());
        // a protection case confirmed as a protection matter goes into treatment
        assertEquals(CaseStatus.IN_SERVICE, dispose(newCase("d-cp", "child-protection", "sanmin"), Disposition.REPORT_CHILD_PROTECTION)
                .status());
        assertEquals(9, t.events.of(org.safenest.api.intake.IntakeEvents.DISPOSITION_RECORDED).size());
    }

    @Test
    void dispositionsAreCheckedFieldByField() {
        String n = newCase("v1", "fragile-family", "sanmin");
        long rows = t.rows();
        assertEquals(Map.of("disposition", "required"), fields(() -> t.service.recordDisposition(WORKER, "kaohsiung", n,
                new DispositionRequest(null, null, null, null))));
        assertEquals(Map.of("note", "required"), fields(() -> t.service.recordDisposition(WORKER, "kaohsiung", n,
                new DispositionRequest(Disposition.BRIEF_SERVICE, " ", null, null))));
        assertEquals(Map.of("note", "required"), fields(() -> t.service.recordDisposition(WORKER, "kaohsiung", n,
                new DispositionRequest(Disposition.NOT_OPENED_OTHER, null, null, null))));
        assertEquals(Map.of("unit", "required", "unitConfirmed", "required"), fields(() -> t.service.recordDisposition(WORKER,
                "kaohsiung", n, new DispositionRequest(Disposition.NOTIFY_SERVING_UNIT, null, null, null))));
        assertEquals(Map.of("unitConfirmed", "required"), fields(() -> t.service.recordDisposition(WORKER, "kaohsiung", n,
                new DispositionRequest(Disposition.REFER_TO_UNIT, null, "Synthetic unit", false))));
        assertEquals(rows, t.rows());
        assertThrows(NotFoundException.class, () -> dispose("KH-2026-999999", Disposition.CASE_MANAGEMENT));
        assertThrows(AccessDeniedException.class, () -> t.service.recordDisposition(INTAKE, "kaohsiung", n,
                new DispositionRequest(Disposition.CASE_MANAGEMENT, null, null, null)));
        // closed cases and cases in the manual queue take no disposition
        dispose(n, Disposition.NOT_OPENED_DEATH);
        conflict(() -> dispose(n, Disposition.CASE_MANAGEMENT));
        String queued = newCase("v2", "fragile-family", "namaxia");
        conflict(() -> dispose(queued, Disposition.CASE_MANAGEMENT));
    }

    @Test
    void anInvestigationThatCannotConfirmGetsAFollowUpDueIn10Days() {
        String n = newCase("f1", "child-protection", "sanmin");
        // 2026-03-02 23:30 in Taipei (15:30 UTC): the date is the region's
        t.clock.set(java.time.Instant.parse("2026-03-02T15:30:00Z"));
        CaseView v = dispose(n, Disposition.INVESTIGATION_CONTINUING);
        assertEquals(CaseStatus.ASSESSING, v.status());
        assertEquals(LocalDate.of(2026, 3, 12), v.followUp().due());
        assertNull(v.followUp().completedAt());
        String other = newCase("f2", "child-protection", "lingya");
        t.clock.advance(Duration.ofDays(1));
        assertEquals(LocalDate.of(2026, 3, 13), dispose(other, Disposition.INVESTIGATION_CONTINUING).followUp().due());
        // one at a time
        conflict(() -> dispose(n, Disposition.INVESTIGATION_CONTINUING));

        CaseFilter overdue = CaseFilter.overdue(50);
        assertEquals(List.of(), t.service.cases(WORKER, "kaohsiung", overdue));
        // the due day itself is not overdue
        t.clock.set(java.time.Instant.parse("2026-03-12T15:59:00Z"));
        assertEquals(List.of(), t.service.cases(WORKER, "kaohsiung", overdue));
        // the day after is (16:00 UTC is midnight in Taipei)
        t.clock.set(java.time.Instant.parse("2026-03-12T16:00:00Z"));
        List<CaseSummary> late = t.service.cases(WORKER, "kaohsiung", overdue);
        assertEquals(List.of(n), late.stream().map(CaseSummary::caseNumber).toList());
        assertTrue(late.get(0).overdue());
        assertEquals(LocalDate.of(2026, 3, 12), late.get(0).followUpDue());
        assertEquals(1, t.service.countCases(WORKER, "kaohsiung", overdue));
        t.clock.advance(Duration.ofDays(1));
        assertEquals(2, t.service.cases(WORKER, "kaohsiung", overdue).size());

        // filing the record takes the case off the list
        CaseView filed = t.service.completeFollowUp(WORKER, "kaohsiung", n, "Further record filed (synthetic).");
        assertNotNull(filed.followUp().completedAt());
        assertEquals("worker", filed.followUp().completedBy());
        assertEquals(CaseHistoryKind.FOLLOW_UP_COMPLETED, filed.history().get(filed.history().size() - 1).kind());
        assertEquals(List.of(other), t.service.cases(WORKER, "kaohsiung", overdue).stream().map(CaseSummary::caseNumber).toList());
        assertFalse(t.service.cases(WORKER, "kaohsiung", CaseFilter.all(10)).stream()
                .filter(c -> c.caseNumber().equals(n)).findFirst().orElseThrow().overdue());
        // nothing open any more
        conflict(() -> t.service.completeFollowUp(WORKER, "kaohsiung", n, null));
        // a further INVESTIGATION_CONTINUING opens a new one, 10 days from today
        assertEquals(t.clock.today().plusDays(10), dispose(n, Disposition.INVESTIGATION_CONTINUING).followUp().due());
        // a conclusive disposition closes the open follow-up
        CaseView concluded = dispose(other, Disposition.CASE_MANAGEMENT);
        assertNotNull(concluded.followUp().completedAt());
        assertEquals(CaseStatus.IN_SERVICE, concluded.status());
        assertEquals(List.of(), t.service.cases(WORKER, "kaohsiung", overdue).stream().filter(c -> c.caseNumber().equals(other)).toList());
    }

    @Test
    void aChildProtectionCaseInTreatmentCannotGoToFragileFamilyService() {
        String n = newCase("x1", "child-protection", "meinong");
        TransferRequest toFf = new TransferRequest(TransferDirection.CP_TO_FF, TransferGround.MINOR_INJURY_LOW_RISK, null, null, null);
        // before the investigation report
        assertTrue(conflict(() -> t.service.transfer(WORKER, "kaohsiung", n, toFf)).getMessage()
                .contains("investigation report has not been filed"));
        dispose(n, Disposition.CASE_MANAGEMENT);
        ConflictException refused = conflict(() -> t.service.transfer(WORKER, "kaohsiung", n, toFf));
        assertTrue(refused.getMessage().contains("active treatment"), refused.getMessage());
        CaseView unchanged = t.service.caseView(WORKER, "kaohsiung", n);
        assertEquals("child-protection", unchanged.caseType());
        assertEquals(List.of(), unchanged.transfers());
        assertEquals(org.safenest.api.audit.AuditOutcome.REJECTED, t.audit.byAction("case.transfer").get(1).outcome());
    }

    @Test
    void afterTheInvestigationReportAChildProtectionCaseMovesToFragileFamilyService() {
        String n = newCase("x2", "child-protection", "meinong");
        dispose(n, Disposition.INVESTIGATION_CONTINUING);
        t.clock.advance(Duration.ofDays(2));
        int calls = t.dispatch.calls.size();
        CaseView moved = t.service.transfer(WORKER, "kaohsiung", n,
                new TransferRequest(TransferDirection.CP_TO_FF, TransferGround.MINOR_INJURY_LOW_RISK, null, "Synthetic reason", null));
        assertEquals(n, moved.caseNumber());
        assertEquals("fragile-family", moved.caseType());
        assertEquals(ServiceLine.FRAGILE_FAMILY, moved.serviceLine());
        assertEquals("swc-qishan", moved.office());
        assertEquals(CaseStatus.ASSESSING, moved.status());
        // dispatched again for the new service, at the transfer time
        assertEquals(calls + 1, t.dispatch.calls.size());
        assertEquals(t.clock.instant(), t.dispatch.calls.get(calls).receivedAt());
        assertEquals("fragile-family", t.dispatch.calls.get(calls).caseType());
        Transfer tr = moved.transfers().get(0);
        assertEquals(TransferDirection.CP_TO_FF, tr.direction());
        assertEquals("child-protection", tr.fromCaseType());
        assertEquals("fragile-family", tr.toCaseType());
        assertEquals("pc-qishan", tr.fromOffice());
        assertEquals("swc-qishan", tr.dispatch().office());
        assertEquals(2, moved.decisions().size());
        assertEquals(tr.dispatch(), moved.decisions().get(1));
        // the CP follow-up ends with the transfer, the history stays
        assertNotNull(moved.followUp().completedAt());
        List<CaseHistoryKind> kinds = moved.history().stream().map(h -> h.kind()).toList();
        assertEquals(List.of(CaseHistoryKind.RECEIVED, CaseHistoryKind.DISPATCHED, CaseHistoryKind.DISPOSITION_RECORDED,
                CaseHistoryKind.FOLLOW_UP_COMPLETED, CaseHistoryKind.TRANSFERRED, CaseHistoryKind.DISPATCHED), kinds);
        // it is a fragile-family case now: another CP_TO_FF is refused
        conflict(() -> t.service.transfer(WORKER, "kaohsiung", n,
                new TransferRequest(TransferDirection.CP_TO_FF, TransferGround.PARENTAL_ACCIDENT, null, null, null)));
        var events = t.events.of(org.safenest.api.intake.IntakeEvents.CASE_TRANSFERRED);
        assertEquals(1, events.size());
        assertEquals("CP_TO_FF", events.get(0).getProperty("direction"));
        assertEquals("pc-qishan", events.get(0).getProperty("fromOffice"));
        assertEquals("fragile-family", events.get(0).getProperty("caseType"));
    }

    @Test
    void aStatutoryReportMovesAFragileFamilyCaseToChildProtection() {
        String n = newCase("x3", "fragile-family", "lingya");
        CaseView v = dispose(n, Disposition.REPORT_CHILD_PROTECTION);
        assertEquals("child-protection", v.caseType());
        assertEquals(ServiceLine.CHILD_PROTECTION, v.serviceLine());
        assertEquals("pc-hq", v.office());
        assertEquals(CaseStatus.ASSESSING, v.status());
        assertEquals(TransferDirection.FF_TO_CP, v.transfers().get(0).direction());
        assertEquals(TransferGround.STATUTORY_REPORT, v.transfers().get(0).ground());
        assertEquals("swc-lingya", v.transfers().get(0).fromOffice());
        // the CP side has not filed its own investigation report yet
        assertTrue(conflict(() -> t.service.transfer(WORKER, "kaohsiung", n, new TransferRequest(TransferDirection.CP_TO_FF,
                TransferGround.MINOR_INJURY_LOW_RISK, null, null, null))).getMessage().contains("investigation report"));

        // and by the transfer action, with a named case type
        String other = newCase("x4", "fragile-family", "sanmin");
        CaseView moved = t.service.transfer(SUPERVISOR, "kaohsiung", other,
                new TransferRequest(TransferDirection.FF_TO_CP, TransferGround.STATUTORY_REPORT, "child-drug", null, null));
        assertEquals("child-drug", moved.caseType());
        assertEquals("pc-hq", moved.office());
    }

    @Test
    void transferRequestsAreChecked() {
        String ff = newCase("x5", "fragile-family", "sanmin");
        String dv = newCase("x6", "domestic-violence", "sanmin");
        assertEquals(Map.of("direction", "required", "ground", "required"),
                fields(() -> t.service.transfer(WORKER, "kaohsiung", ff, new TransferRequest(null, null, null, null, null))));
        assertEquals(Map.of("ground", "wrong-direction"), fields(() -> t.service.transfer(WORKER, "kaohsiung", ff,
                new TransferRequest(TransferDirection.FF_TO_CP, TransferGround.PARENTAL_ACCIDENT, null, null, null))));
        assertEquals(Map.of("reason", "required"), fields(() -> t.service.transfer(WORKER, "kaohsiung", ff,
                new TransferRequest(TransferDirection.FF_TO_CP, TransferGround.OTHER, null, null, null))));
        assertEquals(Map.of("caseType", "wrong-service-line"), fields(() -> t.service.transfer(WORKER, "kaohsiung", ff,
                new TransferRequest(TransferDirection.FF_TO_CP, TransferGround.STATUTORY_REPORT, "fragile-family", null, null))));
        assertEquals(Map.of("caseType", "unknown"), fields(() -> t.service.transfer(WORKER, "kaohsiung", ff,
                new TransferRequest(TransferDirection.FF_TO_CP, TransferGround.STATUTORY_REPORT, "nope", null, null))));
        // a case must be in the direction's source service
        conflict(() -> t.service.transfer(WORKER, "kaohsiung", dv,
                new TransferRequest(TransferDirection.FF_TO_CP, TransferGround.STATUTORY_REPORT, null, null, null)));
        conflict(() -> t.service.transfer(WORKER, "kaohsiung", ff,
                new TransferRequest(TransferDirection.CP_TO_FF, TransferGround.REFERRAL_BOARD_DECISION, null, null, "RB-1")));
        assertThrows(AccessDeniedException.class, () -> t.service.transfer(DISPATCHER, "kaohsiung", ff,
                new TransferRequest(TransferDirection.FF_TO_CP, TransferGround.STATUTORY_REPORT, null, null, null)));
        assertEquals(0, t.count("TransferEntity"));
    }

    @Test
    void aDispatcherDispatchesTheManualQueueByHand() {
        String n = newCase("h1", "fragile-family", "fengshan");
        assertEquals(CaseStatus.AWAITING_DISPATCH, t.service.caseView(DISPATCHER, "kaohsiung", n).status());
        assertEquals(Map.of("office", "unknown", "reason", "required"),
                fields(() -> t.service.dispatchByHand(DISPATCHER, "kaohsiung", n, new HandDispatch("swc-nowhere", " "))));
        assertThrows(AccessDeniedException.class, () -> t.service.dispatchByHand(WORKER, "kaohsiung", n,
                new HandDispatch("swc-fengshan-wujia", "South of Guotai Road (synthetic).")));
        CaseView v = t.service.dispatchByHand(DISPATCHER, "kaohsiung", n,
                new HandDispatch("swc-fengshan-wujia", "South of Guotai Road (synthetic)."));
        assertEquals(CaseStatus.ASSESSING, v.status());
        assertEquals("swc-fengshan-wujia", v.office());
        var hand = v.decisions().get(1);
        assertEquals(DecisionBasis.BY_HAND, hand.basis());
        assertEquals("dispatcher", hand.decidedBy());
        assertEquals("South of Guotai Road (synthetic).", hand.explanation());
        assertFalse(hand.manualQueue());
        assertEquals(CaseHistoryKind.DISPATCHED_BY_HAND, v.history().get(v.history().size() - 1).kind());
        // no longer in the queue
        conflict(() -> t.service.dispatchByHand(DISPATCHER, "kaohsiung", n, new HandDispatch("swc-fengshan", "again")));
        assertEquals(0, t.service.cases(DISPATCHER, "kaohsiung",
                new CaseFilter(null, null, null, null, null, false, true, null, null, 0, 10)).size());
        var dispatched = t.events.of(org.safenest.api.intake.IntakeEvents.CASE_DISPATCHED);
        assertEquals("BY_HAND", dispatched.get(dispatched.size() - 1).getProperty("decisionBasis"));
        assertTrue(t.audit.byAction("case.dispatch").get(t.audit.byAction("case.dispatch").size() - 1).detail().contains("swc-fengshan-wujia"));
    }

    @Test
    void aDisputedDecisionGoesToTheCoordinationMeetingAndTheCaseIsRedispatched() {
        String n = newCase("p1", "fragile-family", "meinong");
        long rows = t.rows();
        assertEquals(Map.of("office", "unchanged"), fields(() -> t.service.dispute(DISPATCHER, "kaohsiung", n,
                new HandDispatch("swc-qishan", "Same office (synthetic)."))));
        assertEquals(Map.of("reason", "required"), fields(() -> t.service.dispute(DISPATCHER, "kaohsiung", n,
                new HandDispatch("swc-jiaxian", null))));
        assertEquals(rows, t.rows());
        DispatchDispute d = t.service.dispute(DISPATCHER, "kaohsiung", n,
                new HandDispatch("swc-jiaxian", "Family moved within the area (synthetic)."));
        assertEquals(DisputeStatus.OPEN, d.status());
        assertEquals("swc-qishan", d.disputed().office());
        assertEquals("swc-jiaxian", d.redispatchedTo());
        assertEquals("dispatcher", d.raisedBy());
        CaseView v = t.service.caseView(WORKER, "kaohsiung", n);
        assertEquals("swc-jiaxian", v.office());
        assertEquals(List.of(d), v.disputes());
        assertEquals(DecisionBasis.BY_HAND, v.decisions().get(1).basis());
        assertEquals(List.of(d), t.service.disputes(DISPATCHER, "kaohsiung", DisputeStatus.OPEN));
        assertEquals(List.of(), t.service.disputes(DISPATCHER, "kaohsiung", DisputeStatus.RESOLVED));
        assertEquals(List.of(), t.service.disputes(DISPATCHER, "hong-kong", null));

        // a case in the queue has nothing to dispute
        String queued = newCase("p2", "fragile-family", "namaxia");
        conflict(() -> t.service.dispute(DISPATCHER, "kaohsiung", queued, new HandDispatch("swc-jiaxian", "x")));

        assertThrows(AccessDeniedException.class, () -> t.service.resolveDispute(DISPATCHER, "kaohsiung", d.id(), "Outcome"));
        assertEquals(Map.of("outcome", "required"), fields(() -> t.service.resolveDispute(SUPERVISOR, "kaohsiung", d.id(), " ")));
        assertThrows(NotFoundException.class, () -> t.service.resolveDispute(SUPERVISOR, "hong-kong", d.id(), "Outcome"));
        assertThrows(NotFoundException.class, () -> t.service.resolveDispute(SUPERVISOR, "kaohsiung", 9999, "Outcome"));
        DispatchDispute resolved = t.service.resolveDispute(SUPERVISOR, "kaohsiung", d.id(), "Jiaxian keeps the case (synthetic).");
        assertEquals(DisputeStatus.RESOLVED, resolved.status());
        assertEquals("supervisor", resolved.resolvedBy());
        assertEquals("Jiaxian keeps the case (synthetic).", resolved.outcome());
        assertNotNull(resolved.resolvedAt());
        conflict(() -> t.service.resolveDispute(ADMIN, "kaohsiung", d.id(), "Again"));
        assertEquals(List.of(resolved), t.service.disputes(SUPERVISOR, "kaohsiung", DisputeStatus.RESOLVED));
        // the history carries codes the page renders in the user's language: offices, districts, rule, dispute number;
        // the resolution is its own kind (issue 17: it showed as "Dispatch disputed")
        List<CaseHistoryEntry> history = t.service.caseView(WORKER, "kaohsiung", n).history();
        assertEquals(Map.of("event", "opened", "caseType", "fragile-family", "district", "meinong"), history.get(0).params());
        assertEquals("rule", history.get(1).params().get("event"));
        assertEquals("swc-qishan", history.get(1).params().get("office"));
        assertNotNull(history.get(1).params().get("ruleId"));
        assertNotNull(history.get(1).params().get("version"));
        CaseHistoryEntry raised = history.stream().filter(h -> h.kind() == CaseHistoryKind.DISPUTED).findFirst().orElseThrow();
        assertEquals(Map.of("event", "raised", "fromOffice", "swc-qishan", "office", "swc-jiaxian", "dispute", Long.toString(d.id())),
                raised.params());
        CaseHistoryEntry last = history.get(history.size() - 1);
        assertEquals(CaseHistoryKind.DISPUTE_RESOLVED, last.kind());
        assertEquals(Map.of("event", "resolved", "dispute", Long.toString(d.id())), last.params());
        assertTrue(history.stream().allMatch(h -> !h.params().isEmpty() && !h.params().containsValue(null)), history.toString());
        assertTrue(history.stream().noneMatch(h -> h.params().toString().contains("synthetic")), "no free text in the codes");

        var disputed = t.events.of(org.safenest.api.intake.IntakeEvents.DISPATCH_DISPUTED);
        assertEquals(1, disputed.size());
        assertEquals(d.id(), disputed.get(0).getProperty("disputeId"));
        assertEquals("swc-qishan", disputed.get(0).getProperty("fromOffice"));
        assertEquals(1, t.events.of(org.safenest.api.intake.IntakeEvents.DISPUTE_RESOLVED).size());
        assertEquals(n, t.audit.byAction("case.dispute").get(t.audit.byAction("case.dispute").size() - 2).target());
        var resolves = t.audit.byAction("dispute.resolve");
        assertEquals(n, resolves.get(resolves.size() - 2).target());
        assertEquals(org.safenest.api.audit.AuditOutcome.SUCCESS, resolves.get(resolves.size() - 2).outcome());
        assertEquals("dispute/" + d.id(), resolves.get(resolves.size() - 1).target());
    }

    @Test
    void everyRoleButAnalystReadsCasesAndEveryReadIsAudited() {
        String n = newCase("r1", "child-protection", "sanmin");
        for (var caller : List.of(INTAKE, DISPATCHER, WORKER, SUPERVISOR, ADMIN, TestSupport.caller("chair",
                org.safenest.api.security.Role.BOARD_CHAIR))) {
            assertEquals(n, t.service.caseView(caller, "kaohsiung", n).caseNumber());
        }
        assertThrows(AccessDeniedException.class, () -> t.service.caseView(ANALYST, "kaohsiung", n));
        assertThrows(AccessDeniedException.class, () -> t.service.cases(ANALYST, "kaohsiung", CaseFilter.all(10)));
        assertThrows(AccessDeniedException.class, () -> t.service.caseView(TestSupport.caller("hkworker",
                org.safenest.api.security.Role.SOCIAL_WORKER, "hong-kong"), "kaohsiung", n));
        assertThrows(NotFoundException.class, () -> t.service.caseView(WORKER, "kaohsiung", "KH-2026-000999"));
        assertThrows(NotFoundException.class, () -> t.service.caseView(WORKER, "hong-kong", n));
        var reads = t.audit.byAction("case.read");
        assertEquals(10, reads.size());
        assertEquals(6, reads.stream().filter(r -> r.outcome() == org.safenest.api.audit.AuditOutcome.SUCCESS).count());
        assertEquals(2, reads.stream().filter(r -> r.outcome() == org.safenest.api.audit.AuditOutcome.DENIED).count());
        for (var r : reads) {
            assertEquals(r.outcome() == org.safenest.api.audit.AuditOutcome.SUCCESS ? n : r.target(), r.target());
            assertTrue(r.detail() == null || !r.detail().contains("Synthetic report"));
        }
    }

    @Test
    void eventsCarryIdentifiersAndCodesOnly() {
        String summary = "Synthetic report for a test, no personal data.";
        var first = t.service.submit(INTAKE, "kaohsiung", TestSupport.childReport("e1", "child-protection", "sanmin", "HH-SECRET",
                "CHILD-SECRET", 6));
        t.service.submit(INTAKE, "kaohsiung", TestSupport.childReport("e2", "child-protection", "sanmin", "HH-SECRET", "CHILD-SECRET-2", 4));
        dispose(first.caseNumber(), Disposition.INVESTIGATION_CONTINUING);
        t.service.completeFollowUp(WORKER, "kaohsiung", first.caseNumber(), "NOTE-SECRET");
        t.service.transfer(WORKER, "kaohsiung", first.caseNumber(),
                new TransferRequest(TransferDirection.CP_TO_FF, TransferGround.OTHER, null, "REASON-SECRET", null));
        t.service.dispute(DISPATCHER, "kaohsiung", first.caseNumber(), new HandDispatch("swc-lingya", "DISPUTE-SECRET"));

        Set<String> topics = new java.util.TreeSet<>();
        Set<String> allowed = Set.of("region", "caseNumber", "actor", "reportId", "receivedAt", "caseType", "serviceLine", "district",
                "districtPart", "mergeRule", "office", "fromOffice", "manualQueue", "decisionBasis", "ruleSetVersion", "ruleId",
                "decidedAt", "direction", "ground", "disputeId", "disposition", "followUpDue", "occurredAt", "event.topics", "status", "worker",
                "previousWorker");
        for (var e : t.events.posted) {
            topics.add(e.getTopic());
            for (String key : e.getPropertyNames()) {
                assertTrue(allowed.contains(key), "unexpected property " + key);
                Object value = e.getProperty(key);
                assertTrue(value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long,
                        key + " is " + value.getClass());
                String text = String.valueOf(value);
                for (String secret : List.of(summary, "HH-SECRET", "CHILD-SECRET", "NOTE-SECRET", "REASON-SECRET", "DISPUTE-SECRET")) {
                    assertFalse(text.contains(secret), e.getTopic() + " " + key + " carries free text");
                }
            }
            assertEquals("kaohsiung", e.getProperty("region"));
            assertEquals(first.caseNumber(), e.getProperty("caseNumber"));
            assertNotNull(e.getProperty("actor"));
            assertNotNull(e.getProperty("caseType"));
            assertNotNull(e.getProperty("serviceLine"));
            assertNotNull(e.getProperty("district"));
        }
        assertEquals(new java.util.TreeSet<>(List.of("org/safenest/intake/CASE_RECEIVED", "org/safenest/intake/CASE_DISPATCHED",
                "org/safenest/intake/CASE_MERGED", "org/safenest/intake/DISPOSITION_RECORDED", "org/safenest/intake/FOLLOW_UP_COMPLETED",
                "org/safenest/intake/CASE_TRANSFERRED", "org/safenest/intake/DISPATCH_DISPUTED")), topics);
        var received = t.events.of(org.safenest.api.intake.IntakeEvents.CASE_RECEIVED);
        assertEquals(List.of("NEW_CASE", "MERGED_SIBLING_CASE"), received.stream().map(e -> e.getProperty("mergeRule")).toList());
        assertEquals("e1", received.get(0).getProperty("reportId"));
        assertEquals(NOW.minusSeconds(3600).toEpochMilli(), received.get(0).getProperty("receivedAt"));
        var dispatched = t.events.of(org.safenest.api.intake.IntakeEvents.CASE_DISPATCHED).get(0);
        assertEquals("pc-hq", dispatched.getProperty("office"));
        assertEquals(Boolean.FALSE, dispatched.getProperty("manualQueue"));
        assertEquals(8, dispatched.getProperty("ruleSetVersion"));
        assertEquals("RULE", dispatched.getProperty("decisionBasis"));
        assertEquals("P-sanmin", dispatched.getProperty("ruleId"));
        assertEquals("2026-03-12", t.events.of(org.safenest.api.intake.IntakeEvents.DISPOSITION_RECORDED).get(0).getProperty("followUpDue"));
        assertEquals(1, t.events.of(org.safenest.api.intake.IntakeEvents.CASE_MERGED).size());
    }

    @Test
    void aDisputeThatChangesTheServiceLineNeedsAnExplicitConfirmation() {
        String cp = newCase("sl1", "child-protection", "sanmin");
        assertEquals("pc-hq", t.service.caseView(WORKER, "kaohsiung", cp).office());
        long rows = t.rows();
        // a child-protection case to a welfare service centre (fragile families): refused without the confirmation
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> t.service.dispute(DISPATCHER, "kaohsiung", cp,
                new HandDispatch("swc-sanmin", "Synthetic: the family needs welfare services.")));
        assertEquals(List.of("serviceLineChangeConfirmed"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("confirmation-required", refused.errors().get(0).code());
        assertTrue(refused.errors().get(0).message().contains("another service line"), refused.errors().get(0).message());
        assertEquals(Map.of("serviceLineChangeConfirmed", "confirmation-required"), fields(() -> t.service.dispute(DISPATCHER, "kaohsiung",
                cp, new HandDispatch("swc-sanmin", "Synthetic.", false))));
        assertEquals(rows, t.rows());
        assertEquals("pc-hq", t.service.caseView(WORKER, "kaohsiung", cp).office());
        // another protection station: the same service line, nothing to confirm
        DispatchDispute sameLine = t.service.dispute(DISPATCHER, "kaohsiung", cp, new HandDispatch("pc-qishan", "Synthetic: the station of the area."));
        assertEquals("pc-qishan", sameLine.redispatchedTo());
        // confirmed: the case goes to the welfare centre and its history says the change was confirmed
        DispatchDispute moved = t.service.dispute(DISPATCHER, "kaohsiung", cp,
                new HandDispatch("swc-sanmin", "Synthetic: moves to fragile-family services, no protection concern.", true));
        assertEquals("swc-sanmin", moved.redispatchedTo());
        CaseView v = t.service.caseView(WORKER, "kaohsiung", cp);
        assertEquals("swc-sanmin", v.office());
        assertTrue(v.history().stream().anyMatch(h -> h.kind() == CaseHistoryKind.DISPUTED && h.detail().contains("service line")),
                v.history().toString());
        assertTrue(t.audit.byAction("case.dispute").get(t.audit.byAction("case.dispute").size() - 1).detail()
                .contains("service line change confirmed"));

        // the reverse: a fragile-family case to a protection station
        String ff = newCase("sl2", "fragile-family", "sanmin");
        assertEquals(Map.of("serviceLineChangeConfirmed", "confirmation-required"), fields(() -> t.service.dispute(DISPATCHER, "kaohsiung",
                ff, new HandDispatch("pc-hq", "Synthetic."))));
        // a welfare centre to another welfare centre needs none
        assertEquals("swc-lingya", t.service.dispute(DISPATCHER, "kaohsiung", ff, new HandDispatch("swc-lingya", "Synthetic.")).redispatchedTo());
    }
}
