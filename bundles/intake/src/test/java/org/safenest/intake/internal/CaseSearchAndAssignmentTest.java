package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safenest.intake.internal.TestSupport.ADMIN;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.SUPERVISOR;
import static org.safenest.intake.internal.TestSupport.WORKER;
import static org.safenest.intake.internal.TestSupport.childReport;
import static org.safenest.intake.internal.TestSupport.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.AssignmentRequest;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.Disposition;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.OfficeCaseload;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.WorkerCaseload;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

/** The case search (references, number, filters, sort) and assignment to workers with caseloads. All data synthetic. */
class CaseSearchAndAssignmentTest {

    private static final Caller WORKER2 = TestSupport.caller("worker2", Role.SOCIAL_WORKER);
    private static final Caller OTHER_SUPERVISOR = TestSupport.caller("supervisor2", Role.SUPERVISOR);

    private TestSupport t;

    @BeforeEach
    void open() {
        t = new TestSupport();
        // synthetic staff: worker and worker2 in the Sanmin centre, supervisor over it; supervisor2 over Lingya
        t.service.staff = new StaffDirectory(Map.of("worker.worker", "kaohsiung/swc-sanmin", "worker.worker2",
                "kaohsiung/swc-sanmin, kaohsiung/swc-lingya", "supervisor.supervisor", "kaohsiung/swc-sanmin",
                "supervisor.supervisor2", "kaohsiung/swc-lingya"));
    }

    @AfterEach
    void close() {
        t.close();
    }

    private static CaseFilter search(String caseNumber, String household, String child, String office, CaseStatus status,
            String sort) {
        return new CaseFilter(null, null, null, office, status, false, false, null, null, 0, 50, caseNumber, household, child, null,
                sort);
    }

    private List<String> numbers(CaseFilter f) {
        return t.service.cases(INTAKE, "kaohsiung", f).stream().map(CaseSummary::caseNumber).toList();
    }

    private static Map<String, String> fields(Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        Map<String, String> fields = new TreeMap<>();
        for (FieldError f : e.errors()) {
            fields.put(f.field(), f.code());
        }
        return fields;
    }

    @Test
    void searchByReferencesNumberOfficeAndStatusSorted() {
        String a = t.service.submit(INTAKE, "kaohsiung", childReport("s1", "fragile-family", "sanmin", "H-SYN-1", "C-SYN-1", 4)).caseNumber();
        String b = t.service.submit(INTAKE, "kaohsiung", childReport("s2", "child-protection", "lingya", "H-SYN-2", "C-SYN-2", 7)).caseNumber();
        String c = t.service.submit(INTAKE, "kaohsiung", report("s3", "fragile-family", "lingya", null, "H-SYN-3", 9)).caseNumber();
        // a second report joins the household's case in service and brings another child reference to it
        t.service.submit(INTAKE, "kaohsiung", childReport("s4", "fragile-family", "sanmin", "H-SYN-1", "C-SYN-4", 2));
        t.service.submit(INTAKE, "hong-kong", childReport("s5", "fragile-family", "islands", "H-SYN-1", "C-SYN-1", 4));

        assertEquals(List.of(a), numbers(search(null, "H-SYN-1", null, null, null, null)));
        assertEquals(List.of(a), numbers(search(null, null, "C-SYN-4", null, null, null)), "a child of a later report");
        assertEquals(List.of(b), numbers(search(null, null, "C-SYN-2", null, null, null)));
        assertEquals(List.of(), numbers(search(null, null, "C-SYN", null, null, null)), "references match whole");
        assertEquals(List.of(b), numbers(search(b.toLowerCase(), null, null, null, null, null)), "a whole number, any case");
        assertEquals(List.of(c, b, a), numbers(search("KH-2026-", null, null, null, null, null)), "the beginning of numbers");
        assertEquals(List.of(), numbers(search("KH-2026-%", null, null, null, null, null)), "% is not a wildcard");
        assertEquals(List.of(c), numbers(search(null, null, null, "swc-lingya", CaseStatus.ASSESSING, null)));
        assertEquals(List.of(), numbers(search(null, null, null, "swc-lingya", CaseStatus.IN_SERVICE, null)));
        assertEquals(List.of(a, b, c), numbers(search(null, null, null, null, null, "caseNumber")));
        assertEquals(List.of(c, b, a), numbers(search(null, null, null, null, null, "-caseNumber")));
        assertEquals(List.of(b, c, a), numbers(search(null, null, null, null, null, "office")), "pc-hq, swc-lingya, swc-sanmin");
        assertEquals(1, t.service.countCases(INTAKE, "kaohsiung", search(null, "H-SYN-1", null, null, null, null)));
        assertEquals(Map.of("sort", "unknown"), fields(() -> t.service.cases(INTAKE, "kaohsiung",
                search(null, null, null, null, null, "summary"))));
        // the household reference is on the line, for whoever may read the case
        assertEquals("H-SYN-1", t.service.cases(INTAKE, "kaohsiung", search(a, null, null, null, null, null)).get(0).householdRef());
    }

    @Test
    void childReferencesOfOlderReportsAreIndexedOnce() {
        String a = t.service.submit(INTAKE, "kaohsiung", childReport("o1", "fragile-family", "sanmin", "H-SYN-9", "C-SYN-9", 4)).caseNumber();
        // as a database of release 0.1 has it: the reference in the report's column only
        t.db.required(em -> em.createQuery("DELETE FROM CaseChildEntity x").executeUpdate());
        assertEquals(List.of(), numbers(search(null, null, "C-SYN-9", null, null, null)));
        t.service.indexOldChildRefs();
        assertEquals(List.of(a), numbers(search(null, null, "C-SYN-9", null, null, null)));
        t.service.indexOldChildRefs();
        assertEquals(1, t.count("CaseChildEntity"));
    }

    @Test
    void aSupervisorAssignsWithinTheirOfficeAndReassignsWithAReason() {
        String n = t.service.submit(INTAKE, "kaohsiung", report("a1", "fragile-family", "sanmin", null, "H-SYN-5", 4)).caseNumber();
        // not a supervisor, not of this office, not a worker of the office
        assertThrows(AccessDeniedException.class, () -> t.service.assign(WORKER, "kaohsiung", n, new AssignmentRequest("worker", null)));
        assertThrows(AccessDeniedException.class, () -> t.service.assign(OTHER_SUPERVISOR, "kaohsiung", n,
                new AssignmentRequest("worker", null)));
        assertThrows(AccessDeniedException.class, () -> t.service.assign(TestSupport.caller("supervisor", Role.SUPERVISOR, "hong-kong"),
                "kaohsiung", n, new AssignmentRequest("worker", null)), "a region the supervisor may not see");
        assertEquals(Map.of("worker", "not-in-office"), fields(() -> t.service.assign(SUPERVISOR, "kaohsiung", n,
                new AssignmentRequest("hkworker", null))));
        assertEquals(Map.of("worker", "required"), fields(() -> t.service.assign(SUPERVISOR, "kaohsiung", n,
                new AssignmentRequest(" ", null))));

        CaseView v = t.service.assign(SUPERVISOR, "kaohsiung", n, new AssignmentRequest("worker", null));
        assertEquals("worker", v.assignedTo());
        assertEquals(1, v.assignments().size());
        assertEquals(CaseHistoryKind.ASSIGNED, v.history().get(v.history().size() - 1).kind());
        assertEquals(Map.of("worker", "unchanged"), fields(() -> t.service.assign(SUPERVISOR, "kaohsiung", n,
                new AssignmentRequest("worker", "again"))));
        assertEquals(Map.of("reason", "required"), fields(() -> t.service.assign(SUPERVISOR, "kaohsiung", n,
                new AssignmentRequest("worker2", null))));
        v = t.service.assign(SUPERVISOR, "kaohsiung", n, new AssignmentRequest("worker2", "Synthetic: balancing caseloads"));
        assertEquals("worker2", v.assignedTo());
        assertEquals("worker", v.assignments().get(1).previousWorker());
        assertEquals("Synthetic: balancing caseloads", v.assignments().get(1).reason());

        List<OutboxEvent> events = t.outbox.byTopic(IntakeEvents.CASE_ASSIGNED);
        assertEquals(2, events.size());
        assertEquals("worker2", events.get(1).properties().get(IntakeEvents.WORKER));
        assertEquals("worker", events.get(1).properties().get(IntakeEvents.PREVIOUS_WORKER));
        assertEquals("swc-sanmin", events.get(1).properties().get(IntakeEvents.OFFICE));
        assertTrue(events.stream().noneMatch(e -> e.properties().containsValue("Synthetic: balancing caseloads")), "no reason in events");
        assertEquals(2, t.audit.byAction("case.assign").stream().filter(r -> r.outcome() == AuditOutcome.SUCCESS).count());
        assertEquals(7, t.audit.byAction("case.assign").stream().filter(r -> r.outcome() != AuditOutcome.SUCCESS).count(),
                "refusals are audited too");
        // an administrator may assign in any office
        assertEquals("worker", t.service.assign(ADMIN, "kaohsiung", n, new AssignmentRequest("worker", "Synthetic: back")).assignedTo());
    }

    @Test
    void aCaseInTheQueueOrClosedIsNotAssigned() {
        String queued = t.service.submit(INTAKE, "kaohsiung", report("q1", "fragile-family", "namaxia", null, null, 4)).caseNumber();
        assertThrows(ConflictException.class, () -> t.service.assign(ADMIN, "kaohsiung", queued, new AssignmentRequest("worker", null)));
        String n = t.service.submit(INTAKE, "kaohsiung", report("q2", "fragile-family", "sanmin", null, null, 4)).caseNumber();
        t.service.recordDisposition(WORKER, "kaohsiung", n, new DispositionRequest(Disposition.NOT_OPENED_DEATH, null, null, null));
        assertThrows(ConflictException.class, () -> t.service.assign(SUPERVISOR, "kaohsiung", n, new AssignmentRequest("worker", null)));
    }

    @Test
    void aCaseThatMovesOfficeLeavesItsWorker() {
        String n = t.service.submit(INTAKE, "kaohsiung", report("m1", "fragile-family", "sanmin", null, null, 4)).caseNumber();
        t.service.assign(SUPERVISOR, "kaohsiung", n, new AssignmentRequest("worker", null));
        t.service.dispute(TestSupport.DISPATCHER, "kaohsiung", n, new HandDispatch("swc-lingya", "Synthetic: served by Lingya"));
        CaseView v = t.service.caseView(INTAKE, "kaohsiung", n);
        assertNull(v.assignedTo());
        assertEquals(2, v.assignments().size());
        assertNull(t.outbox.byTopic(IntakeEvents.CASE_ASSIGNED).get(1).properties().get(IntakeEvents.WORKER));
        assertEquals(List.of(), t.service.caseload(WORKER, "kaohsiung", null));
    }

    @Test
    void myCasesShowWhatIsDueFirstAndSupervisorsSeeTheirWorkers() {
        String plain = t.service.submit(INTAKE, "kaohsiung", report("c1", "fragile-family", "sanmin", null, null, 4)).caseNumber();
        String early = t.service.submit(INTAKE, "kaohsiung", report("c2", "fragile-family", "sanmin", null, null, 5)).caseNumber();
        String later = t.service.submit(INTAKE, "kaohsiung", report("c3", "fragile-family", "sanmin", null, null, 6)).caseNumber();
        String unassigned = t.service.submit(INTAKE, "kaohsiung", report("c4", "fragile-family", "sanmin", null, null, 7)).caseNumber();
        for (String n : List.of(plain, early, later)) {
            t.service.assign(SUPERVISOR, "kaohsiung", n, new AssignmentRequest("worker", null));
        }
        t.service.recordDisposition(WORKER, "kaohsiung", early, new DispositionRequest(Disposition.INVESTIGATION_CONTINUING, null, null, null));
        t.clock.advance(Duration.ofDays(5));
        t.service.recordDisposition(WORKER, "kaohsiung", later, new DispositionRequest(Disposition.INVESTIGATION_CONTINUING, null, null, null));
        t.clock.advance(Duration.ofDays(6)); // early's follow-up (due 2026-03-12) is overdue now, later's is due 2026-03-17

        List<CaseSummary> mine = t.service.caseload(WORKER, "kaohsiung", null);
        assertEquals(List.of(early, later, plain), mine.stream().map(CaseSummary::caseNumber).toList());
        assertTrue(mine.get(0).overdue());
        assertEquals(LocalDate.of(2026, 3, 17), mine.get(1).followUpDue());
        assertEquals(List.of(), t.service.caseload(WORKER2, "kaohsiung", null));
        // a worker sees only their own; a supervisor the workers of their offices
        assertThrows(AccessDeniedException.class, () -> t.service.caseload(WORKER, "kaohsiung", "worker2"));
        assertThrows(AccessDeniedException.class, () -> t.service.caseload(OTHER_SUPERVISOR, "kaohsiung", "worker"));
        assertEquals(3, t.service.caseload(SUPERVISOR, "kaohsiung", "worker").size());
        assertEquals(3, t.service.cases(INTAKE, "kaohsiung", new CaseFilter(null, null, null, null, null, false, false, null, null, 0,
                10, null, null, null, "worker", null)).size());

        List<OfficeCaseload> loads = t.service.caseloads(SUPERVISOR, "kaohsiung", null);
        assertEquals(1, loads.size());
        OfficeCaseload sanmin = loads.get(0);
        assertEquals("swc-sanmin", sanmin.office());
        assertEquals(1, sanmin.unassigned(), unassigned + " has no worker");
        assertEquals(List.of(new WorkerCaseload("worker", "swc-sanmin", 3, 2, 1, LocalDate.of(2026, 3, 12)),
                new WorkerCaseload("worker2", "swc-sanmin", 0, 0, 0, null)), sanmin.workers());
        assertThrows(AccessDeniedException.class, () -> t.service.caseloads(SUPERVISOR, "kaohsiung", "swc-lingya"));
        assertThrows(AccessDeniedException.class, () -> t.service.caseloads(WORKER, "kaohsiung", null));
        assertEquals(List.of("swc-lingya", "swc-sanmin"), t.service.caseloads(ADMIN, "kaohsiung", null).stream()
                .map(OfficeCaseload::office).toList());
        assertEquals(ServiceLine.FRAGILE_FAMILY, mine.get(0).serviceLine());
    }

    @Test
    void demoCasesGiveTheDemoWorkerAnOverdueFollowUp() {
        t.service.staff = new StaffDirectory(Map.of("worker.worker", "kaohsiung/swc-fengshan, kaohsiung/swc-fengshan-wujia",
                "supervisor.supervisor", "kaohsiung/swc-fengshan"));
        DemoCases demo = new DemoCases(t.service, t.clock);
        List<String> lines = demo.load(ADMIN);
        assertEquals(4, lines.size(), lines.toString());
        List<CaseSummary> mine = t.service.caseload(WORKER, "kaohsiung", null);
        assertEquals(3, mine.size(), lines.toString());
        assertTrue(mine.get(0).overdue(), "the overdue follow-up first");
        assertTrue(mine.get(1).followUpDue() != null && !mine.get(1).overdue());
        assertTrue(mine.stream().allMatch(c -> c.householdRef().startsWith(DemoCases.PREFIX)));
        assertEquals(1, t.service.caseloads(SUPERVISOR, "kaohsiung", null).get(0).unassigned());
        assertTrue(demo.load(ADMIN).stream().allMatch(l -> l.endsWith("already loaded")));
        assertEquals(4, t.count("CaseEntity"));
        // only demo cases have their due date set back
        String real = t.service.submit(INTAKE, "kaohsiung", report("r1", "fragile-family", "sanmin", null, "H-SYN-7", 4)).caseNumber();
        t.service.recordDisposition(WORKER, "kaohsiung", real, new DispositionRequest(Disposition.INVESTIGATION_CONTINUING, null, null, null));
        assertThrows(ConflictException.class, () -> t.service.demoFollowUpDue(ADMIN, "kaohsiung", real, LocalDate.of(2026, 1, 1)));
    }
}
