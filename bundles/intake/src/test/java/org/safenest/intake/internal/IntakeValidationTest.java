package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.NOW;
import static org.safenest.intake.internal.TestSupport.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.ReportedChild;

/** Bad reports are refused field by field, all at once, and write nothing. */
class IntakeValidationTest {

    private TestSupport t;

    @BeforeEach
    void open() {
        t = new TestSupport();
    }

    @AfterEach
    void close() {
        t.close();
    }

    /** field -> code of every error of the refused report; asserts nothing was written. */
    private Map<String, String> refused(IntakeReport report) {
        long before = t.rows();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.service.submit(INTAKE, "kaohsiung", report));
        assertEquals(before, t.rows(), "an invalid report writes nothing");
        Map<String, String> fields = new TreeMap<>();
        for (FieldError f : e.errors()) {
            fields.put(f.field(), f.code());
            assertTrue(f.message() != null && !f.message().isBlank());
        }
        assertEquals(e.errors().size(), fields.size(), "one error per field: " + e.errors());
        return fields;
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        Map<String, String> fields = refused(new IntakeReport(null, null, null, null, null, null, null, null, null));
        assertEquals(Map.of("reportId", "required", "receivedAt", "required", "caseType", "required", "district", "required",
                "children", "required", "summary", "required", "source", "required"), fields);
        assertEquals(0, t.dispatch.calls.size(), "nothing is dispatched");
        assertEquals(0, t.events.posted.size(), "no event for a refused report");
    }

    @Test
    void unknownValuesImpossibleAgesAndFutureDatesTogether() {
        List<ReportedChild> children = new ArrayList<>();
        children.add(new ReportedChild(-3, null));
        children.add(new ReportedChild(18, "C-1"));
        children.add(new ReportedChild(null, null));
        children.add(null);
        IntakeReport r = new IntakeReport("x".repeat(101), NOW.plus(Duration.ofDays(2)), "alien-abduction", "atlantis", "north",
                children, "H".repeat(101), "s".repeat(4001), " ");
        Map<String, String> fields = refused(r);
        // the unknown case type cannot tell child from adult: 18 passes the 0..120 check, -3 does not
        Map<String, String> expected = new TreeMap<>(Map.of("reportId", "too-long", "receivedAt", "in-the-future",
                "caseType", "unknown", "district", "unknown", "children[0].age", "negative", "children[2].age", "required",
                "children[3]", "required", "householdRef", "too-long", "summary", "too-long", "source", "required"));
        assertEquals(expected, fields);
    }

    @Test
    void childCaseTypesTakeAgesUpTo17AndOthersUpTo120() {
        assertEquals(Map.of("children[1].age", "out-of-range"),
                refused(report("a1", "child-protection", "sanmin", null, null, 17, 18)));
        assertEquals(Map.of("children[0].age", "out-of-range"),
                refused(report("a2", "fragile-family", "sanmin", null, null, 30)));
        assertEquals(Map.of("children[0].age", "out-of-range"),
                refused(report("a3", "child-drug", "sanmin", null, null, 18)));
        assertEquals(Map.of("children[0].age", "out-of-range"),
                refused(report("a4", "elder-protection", "sanmin", null, null, 121)));
        IntakeReceipt elder = t.service.submit(INTAKE, "kaohsiung", report("a5", "elder-protection", "sanmin", null, null, 88));
        assertEquals("pc-hq", elder.dispatch().office());
        t.service.submit(INTAKE, "kaohsiung", report("a6", "child-protection", "sanmin", null, null, 0, 17));
        assertEquals(2, t.count("CaseEntity"));
    }

    @Test
    void receivedTimesMayBeAFewMinutesAheadButNotBefore2000() {
        IntakeReport ahead = withReceivedAt(report("t1", "fragile-family", "sanmin", null, null, 5), NOW.plus(Duration.ofMinutes(4)));
        t.service.submit(INTAKE, "kaohsiung", ahead);
        assertEquals(Map.of("receivedAt", "in-the-future"),
                refused(withReceivedAt(report("t2", "fragile-family", "sanmin", null, null, 5), NOW.plus(Duration.ofMinutes(6)))));
        assertEquals(Map.of("receivedAt", "too-early"),
                refused(withReceivedAt(report("t3", "fragile-family", "sanmin", null, null, 5), Instant.parse("1999-12-31T00:00:00Z"))));
        // 2000-01-01 00:30 in Taipei is still 1999 in UTC, and accepted
        t.service.submit(INTAKE, "kaohsiung",
                withReceivedAt(report("t4", "fragile-family", "sanmin", null, null, 5), Instant.parse("1999-12-31T16:30:00Z")));
        assertEquals(2, t.count("ReportEntity"));
    }

    @Test
    void districtPartsMustBelongToTheDistrict() {
        assertEquals(Map.of("districtPart", "not-split"), refused(report("p1", "fragile-family", "sanmin", "north", null, 5)));
        assertEquals(Map.of("districtPart", "unknown"), refused(report("p2", "fragile-family", "fengshan", "east", null, 5)));
        IntakeReceipt north = t.service.submit(INTAKE, "kaohsiung", report("p3", "fragile-family", "fengshan", "North", null, 5));
        assertEquals("swc-fengshan", north.dispatch().office());
        CaseView view = t.service.caseView(INTAKE, "kaohsiung", north.caseNumber());
        assertEquals("north", view.districtPart(), "the part's code is stored");
    }

    @Test
    void districtsByChineseOrEnglishNameAreStoredByCode() {
        IntakeReceipt zh = t.service.submit(INTAKE, "kaohsiung", report("n1", "fragile-family", "苓雅區", null, null, 5));
        IntakeReceipt en = t.service.submit(INTAKE, "kaohsiung", report("n2", "fragile-family", "Zuoying District", null, null, 5));
        assertEquals("lingya", t.service.caseView(INTAKE, "kaohsiung", zh.caseNumber()).district());
        assertEquals("lingya", t.service.caseView(INTAKE, "kaohsiung", zh.caseNumber()).reports().get(0).report().district());
        assertEquals("zuoying", t.service.caseView(INTAKE, "kaohsiung", en.caseNumber()).district());
        assertEquals("swc-lingya", zh.dispatch().office());
    }

    @Test
    void anUnknownRegionIs404AndTheWrongRoleOrRegion403() {
        long before = t.rows();
        assertThrows(NotFoundException.class, () -> t.service.submit(INTAKE, "atlantis", report("r1", "fragile-family", "sanmin", null, null, 5)));
        assertThrows(AccessDeniedException.class, () -> t.service.submit(TestSupport.ANALYST, "kaohsiung",
                report("r2", "fragile-family", "sanmin", null, null, 5)));
        assertThrows(AccessDeniedException.class, () -> t.service.submit(TestSupport.caller("hk", org.safenest.api.security.Role.INTAKE,
                "hong-kong"), "kaohsiung", report("r3", "fragile-family", "sanmin", null, null, 5)));
        assertEquals(before, t.rows());
        assertEquals(AuditOutcome.DENIED, t.audit.byAction("case.report").get(1).outcome());
    }

    @Test
    void aRefusedReportIsAuditedWithTheFieldNamesOnly() {
        refused(new IntakeReport("bad-1", NOW, "fragile-family", "atlantis", null, List.of(new ReportedChild(3, "CHILD-REF-9")),
                "HOUSEHOLD-REF-9", "Synthetic summary", "school"));
        var record = t.audit.byAction("case.report").get(0);
        assertEquals(AuditOutcome.REJECTED, record.outcome());
        assertEquals("invalid: district", record.detail());
        assertTrue(Collections.disjoint(List.of(record.toString()), List.of("HOUSEHOLD-REF-9")));
        assertTrue(!record.toString().contains("HOUSEHOLD-REF-9") && !record.toString().contains("Synthetic summary"));
    }

    private static IntakeReport withReceivedAt(IntakeReport r, Instant at) {
        return new IntakeReport(r.reportId(), at, r.caseType(), r.district(), r.districtPart(), r.children(), r.householdRef(),
                r.summary(), r.source());
    }
}
