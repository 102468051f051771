package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.NOW;
import static org.safenest.intake.internal.TestSupport.SUPERVISOR;
import static org.safenest.intake.internal.TestSupport.WORKER;
import static org.safenest.intake.internal.TestSupport.report;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.DispatchedReport;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.MergeRule;

/** The reports that opened the cases of a period, with what they were dispatched on: the input of a rule-set preview. */
class DispatchedReportsTest {

    private TestSupport t;

    @BeforeEach
    void open() {
        t = new TestSupport();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void theReportsThatOpenedCasesWithTheirDispatch() {
        IntakeReceipt cp = t.service.submit(INTAKE, "kaohsiung", report("k1", "child-protection", "meinong", null, null, 8));
        IntakeReceipt ff = t.service.submit(INTAKE, "kaohsiung", report("k2", "fragile-family", "meinong", null, "H-SYN-1", 5));
        IntakeReceipt merged = t.service.submit(INTAKE, "kaohsiung", report("k3", "fragile-family", "meinong", null, "H-SYN-1", 6));
        assertEquals(MergeRule.MERGED_SIBLING_CASE, merged.mergeRule());

        List<DispatchedReport> all = t.service.dispatchedReports(SUPERVISOR, "kaohsiung", NOW.minusSeconds(7200), NOW, 0, 10);
        assertEquals(List.of(
                new DispatchedReport(cp.caseNumber(), NOW.minusSeconds(3600), "child-protection", "meinong", null, cp.dispatch().office(),
                        cp.dispatch().ruleSetVersion()),
                new DispatchedReport(ff.caseNumber(), NOW.minusSeconds(3600), "fragile-family", "meinong", null, ff.dispatch().office(),
                        ff.dispatch().ruleSetVersion())), all);
        assertEquals(List.of(all.get(1)), t.service.dispatchedReports(SUPERVISOR, "kaohsiung", NOW.minusSeconds(7200), NOW, 1, 1));
        // the period's end is excluded
        assertEquals(List.of(), t.service.dispatchedReports(SUPERVISOR, "kaohsiung", NOW.minusSeconds(7200), NOW.minusSeconds(3600), 0, 10));
        assertEquals(3, t.audit.byAction("case.dispatch-replay").size());

        assertThrows(AccessDeniedException.class, () -> t.service.dispatchedReports(WORKER, "kaohsiung", NOW.minusSeconds(7200), NOW, 0, 10));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> t.service.dispatchedReports(SUPERVISOR, "kaohsiung", NOW, NOW.minusSeconds(7200), 0, 10));
        assertEquals("to", e.errors().get(0).field());
    }
}
