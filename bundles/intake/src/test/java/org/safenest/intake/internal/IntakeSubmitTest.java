package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.NOW;
import static org.safenest.intake.internal.TestSupport.childReport;
import static org.safenest.intake.internal.TestSupport.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.MergeRule;
import org.safenest.api.intake.ReportedChild;

/** Recording reports: idempotency, merge rules, case numbers, the manual queue. */
class IntakeSubmitTest {

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
    void aNewReportOpensADispatchedCase() {
        IntakeReceipt r = t.service.submit(INTAKE, "kaohsiung", report("k1", "child-protection", "meinong", null, null, 8));
        assertEquals("KH-2026-000001", r.caseNumber());
        assertEquals(MergeRule.NEW_CASE, r.mergeRule());
        assertFalse(r.replay());
        assertEquals(NOW, r.recordedAt());
        assertEquals("pc-qishan", r.dispatch().office());
        assertEquals(DecisionBasis.RULE, r.dispatch().basis());
        assertEquals(8, r.dispatch().ruleSetVersion());
        // dispatched by the rules in force at the received time
        assertEquals(NOW.minusSeconds(3600), t.dispatch.calls.get(0).receivedAt());

        CaseView view = t.service.caseView(INTAKE, "kaohsiung", r.caseNumber());
        assertEquals(CaseStatus.ASSESSING, view.status());
        assertEquals("pc-qishan", view.office());
        assertEquals(1, view.reports().size());
        assertEquals("Synthetic report for a test, no personal data.", view.reports().get(0).report().summary());
        assertEquals(List.of(new ReportedChild(8, null)), view.reports().get(0).report().children());
        assertEquals("intake", view.reports().get(0).recordedBy());
        assertEquals(List.of(r.dispatch()), view.decisions());
        assertEquals(List.of(CaseHistoryKind.RECEIVED, CaseHistoryKind.DISPATCHED),
                view.history().stream().map(h -> h.kind()).toList());
        assertTrue(view.history().get(1).detail().contains("pc-qishan"));
        assertEquals(1, t.audit.byAction("case.report").size());
        assertEquals(r.caseNumber(), t.audit.byAction("case.report").get(0).target());
    }

    @Test
    void theSameReportIdAgainAnswersTheFirstReceiptAndWritesNothing() {
        IntakeReport report = report("dup-1", "fragile-family", "lingya", null, null, 3);
        IntakeReceipt first = t.service.submit(INTAKE, "kaohsiung", report);
        long rows = t.rows();
        int events = t.events.posted.size();
        t.clock.advance(java.time.Duration.ofHours(1));
        IntakeReceipt again = t.service.submit(INTAKE, "kaohsiung", report);
        assertTrue(again.replay());
        assertEquals(first.caseNumber(), again.caseNumber());
        assertEquals(first.mergeRule(), again.mergeRule());
        assertEquals(first.dispatch(), again.dispatch());
        assertEquals(first.recordedAt(), again.recordedAt());
        assertEquals(rows, t.rows(), "a replay writes nothing");
        assertEquals(events, t.events.posted.size(), "a replay publishes nothing");

        // the key is per region: the same id in Hong Kong is another report
        IntakeReceipt hk = t.service.submit(INTAKE, "hong-kong", report("dup-1", "fragile-family", "islands", null, null, 3));
        assertFalse(hk.replay());
        assertEquals("HK-2026-000001", hk.caseNumber());
    }

    @Test
    void concurrentSubmitsOfOneReportIdRecordItOnce() throws Exception {
        IntakeReport report = report("race-1", "fragile-family", "sanmin", null, null, 3);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IntakeReceipt>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return t.service.submit(INTAKE, "kaohsiung", report);
            }));
        }
        start.countDown();
        List<IntakeReceipt> receipts = new ArrayList<>();
        for (Future<IntakeReceipt> f : futures) {
            receipts.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, receipts.stream().filter(r -> !r.replay()).count(), receipts.toString());
        Set<String> numbers = receipts.stream().map(IntakeReceipt::caseNumber).collect(Collectors.toSet());
        assertEquals(1, numbers.size(), "every submit answers with the one case");
        assertEquals(1, t.count("ReportEntity"));
        assertEquals(1, t.count("CaseEntity"));
        // the numbers the losers had taken were given back: the next seven cases fill 1..8 without a gap
        for (int i = 0; i < threads - 1; i++) {
            numbers.add(t.service.submit(INTAKE, "kaohsiung", report("race-next-" + i, "fragile-family", "sanmin", null, null, 3))
                    .caseNumber());
        }
        assertEquals(IntStream.rangeClosed(1, threads).mapToObj(i -> String.format("KH-2026-%06d", i)).collect(Collectors.toSet()),
                numbers);
    }

    @Test
    void aReportAboutAChildInACaseInServiceJoinsThatCase() {
        IntakeReceipt first = t.service.submit(INTAKE, "kaohsiung", childReport("m1", "child-protection", "sanmin", "HH-1", "C-1", 6));
        int calls = t.dispatch.calls.size();
        // the rules changed since: a merged report keeps the case's decision
        t.dispatch.stations.put("sanmin", "pc-fengshan");
        t.clock.advance(java.time.Duration.ofMinutes(10));
        IntakeReceipt same = t.service.submit(INTAKE, "kaohsiung", childReport("m2", "child-protection", "sanmin", "HH-1", "C-1", 6));
        assertEquals(MergeRule.JOINED_CASE_IN_SERVICE, same.mergeRule());
        assertEquals(first.caseNumber(), same.caseNumber());
        assertEquals(first.dispatch(), same.dispatch());
        assertTrue(t.dispatch.calls.size() <= calls + 1);

        CaseView view = t.service.caseView(INTAKE, "kaohsiung", first.caseNumber());
        assertEquals(2, view.reports().size());
        assertEquals(1, view.decisions().size(), "a merged report is not dispatched again");
        assertEquals("pc-hq", view.office());
        assertEquals(MergeRule.JOINED_CASE_IN_SERVICE, view.reports().get(1).mergeRule());
        assertEquals(CaseHistoryKind.MERGED, view.history().get(view.history().size() - 1).kind());
        assertEquals(1, t.count("CaseEntity"));
    }

    @Test
    void aReportAboutASiblingMergesIntoTheHouseholdsCase() {
        IntakeReceipt first = t.service.submit(INTAKE, "kaohsiung", childReport("s1", "child-protection", "sanmin", "HH-2", "C-1", 6));
        IntakeReceipt sibling = t.service.submit(INTAKE, "kaohsiung", childReport("s2", "child-protection", "sanmin", "HH-2", "C-2", 9));
        assertEquals(MergeRule.MERGED_SIBLING_CASE, sibling.mergeRule());
        assertEquals(first.caseNumber(), sibling.caseNumber());
        // a report without child references about the household merges as a sibling too
        IntakeReceipt anonymous = t.service.submit(INTAKE, "kaohsiung", report("s3", "child-drug", "sanmin", null, "HH-2", 4));
        assertEquals(MergeRule.MERGED_SIBLING_CASE, anonymous.mergeRule());
        assertEquals(first.caseNumber(), anonymous.caseNumber());
        // now C-2 is in the case: a report about C-2 joins it
        IntakeReceipt c2 = t.service.submit(INTAKE, "kaohsiung", childReport("s4", "child-protection", "sanmin", "HH-2", "C-2", 9));
        assertEquals(MergeRule.JOINED_CASE_IN_SERVICE, c2.mergeRule());
        CaseView view = t.service.caseView(INTAKE, "kaohsiung", first.caseNumber());
        assertEquals(4, view.reports().size());
        assertEquals(1, t.count("CaseEntity"));
        assertEquals(4, t.service.cases(INTAKE, "kaohsiung", CaseFilter.all(10)).get(0).reportCount());
    }

    @Test
    void anotherServiceLineOrAClosedCaseOpensANewCase() {
        IntakeReceipt cp = t.service.submit(INTAKE, "kaohsiung", childReport("l1", "child-protection", "sanmin", "HH-3", "C-1", 6));
        IntakeReceipt ff = t.service.submit(INTAKE, "kaohsiung", childReport("l2", "fragile-family", "sanmin", "HH-3", "C-1", 6));
        assertEquals(MergeRule.NEW_CASE, ff.mergeRule());
        assertNotEquals(cp.caseNumber(), ff.caseNumber());
        assertEquals("swc-sanmin", ff.dispatch().office());
        IntakeReceipt dv = t.service.submit(INTAKE, "kaohsiung", childReport("l3", "domestic-violence", "sanmin", "HH-3", "C-1", 6));
        assertEquals(MergeRule.NEW_CASE, dv.mergeRule());

        // without a household reference the child reference alone does not merge
        IntakeReceipt noHousehold = t.service.submit(INTAKE, "kaohsiung", childReport("l4", "child-protection", "sanmin", null, "C-1", 6));
        assertEquals(MergeRule.NEW_CASE, noHousehold.mergeRule());

        // a closed case is no longer in service
        t.service.recordDisposition(TestSupport.WORKER, "kaohsiung", cp.caseNumber(),
                new org.safenest.api.intake.DispositionRequest(org.safenest.api.intake.Disposition.NOT_OPENED_DEATH, null, null, null));
        IntakeReceipt after = t.service.submit(INTAKE, "kaohsiung", childReport("l5", "child-protection", "sanmin", "HH-3", "C-1", 6));
        assertEquals(MergeRule.NEW_CASE, after.mergeRule());
        assertNotEquals(cp.caseNumber(), after.caseNumber());

        // a case waiting in the manual queue is not in service either
        IntakeReceipt queued = t.service.submit(INTAKE, "kaohsiung", childReport("l6", "fragile-family", "namaxia", "HH-4", "C-9", 2));
        assertEquals(CaseStatus.AWAITING_DISPATCH, t.service.caseView(INTAKE, "kaohsiung", queued.caseNumber()).status());
        assertEquals(MergeRule.NEW_CASE,
                t.service.submit(INTAKE, "kaohsiung", childReport("l7", "fragile-family", "namaxia", "HH-4", "C-9", 2)).mergeRule());
    }

    @Test
    void caseNumbersAreReadableAndSequentialPerRegionAndYear() {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            numbers.add(t.service.submit(INTAKE, "kaohsiung", report("y" + i, "fragile-family", "sanmin", null, null, 5)).caseNumber());
        }
        assertEquals(List.of("KH-2026-000001", "KH-2026-000002", "KH-2026-000003"), numbers);
        assertEquals("HK-2026-000001", t.service.submit(INTAKE, "hong-kong", report("h1", "child-protection", "islands", null, null, 5))
                .caseNumber());
        // the year of the received time in the region's time zone: 2025-12-31 23:30 in Taipei is 2025
        assertEquals("KH-2025-000001", t.service.submit(INTAKE, "kaohsiung",
                at(report("old-1", "fragile-family", "sanmin", null, null, 5), Instant.parse("2025-12-31T15:30:00Z"))).caseNumber());
        // and 2025-12-31 16:30 UTC is already 2026 there
        assertEquals("KH-2026-000004", t.service.submit(INTAKE, "kaohsiung",
                at(report("new-1", "fragile-family", "sanmin", null, null, 5), Instant.parse("2025-12-31T16:30:00Z"))).caseNumber());
        assertEquals("KH-2025-000002", t.service.submit(INTAKE, "kaohsiung",
                at(report("old-2", "fragile-family", "sanmin", null, null, 5), Instant.parse("2025-06-01T00:00:00Z"))).caseNumber());
    }

    @Test
    void caseNumbersStayUniqueUnderConcurrentSubmits() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<IntakeReceipt>>> futures = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            int thread = th;
            futures.add(pool.submit(() -> {
                start.await();
                List<IntakeReceipt> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String type = i % 2 == 0 ? "fragile-family" : "child-protection";
                    mine.add(t.service.submit(INTAKE, "kaohsiung", report("c-" + thread + "-" + i, type, "lingya", null, null, 7)));
                }
                return mine;
            }));
        }
        start.countDown();
        Set<String> numbers = new HashSet<>();
        for (Future<List<IntakeReceipt>> f : futures) {
            for (IntakeReceipt r : f.get(120, TimeUnit.SECONDS)) {
                assertTrue(numbers.add(r.caseNumber()), "duplicate " + r.caseNumber());
                assertFalse(r.replay());
            }
        }
        pool.shutdown();
        Set<String> expected = IntStream.rangeClosed(1, threads * perThread)
                .mapToObj(i -> String.format("KH-2026-%06d", i)).collect(Collectors.toSet());
        assertEquals(expected, numbers, "no gap, no duplicate");
        assertEquals(threads * perThread, t.count("CaseEntity"));
        assertEquals(threads * perThread, t.service.countCases(INTAKE, "kaohsiung", CaseFilter.all(10)));
    }

    @Test
    void aReportNoRuleMatchesWaitsInTheManualQueue() {
        IntakeReceipt r = t.service.submit(INTAKE, "kaohsiung", report("q1", "fragile-family", "fengshan", null, null, 4));
        assertTrue(r.dispatch().manualQueue());
        assertNull(r.dispatch().office());
        t.service.submit(INTAKE, "kaohsiung", report("q2", "fragile-family", "sanmin", null, null, 4));
        var queue = t.service.cases(TestSupport.DISPATCHER, "kaohsiung",
                new CaseFilter(null, null, null, null, null, false, true, null, null, 0, 50));
        assertEquals(List.of(r.caseNumber()), queue.stream().map(c -> c.caseNumber()).toList());
        assertEquals(CaseStatus.AWAITING_DISPATCH, queue.get(0).status());
        assertNull(queue.get(0).office());
        assertEquals(1, t.service.countCases(TestSupport.DISPATCHER, "kaohsiung",
                new CaseFilter(null, null, null, null, null, false, true, null, null, 0, 50)));
    }

    @Test
    void casesAreListedNewestFirstAndFiltered() {
        t.service.submit(INTAKE, "kaohsiung", report("f1", "fragile-family", "sanmin", null, null, 4));
        t.service.submit(INTAKE, "kaohsiung", report("f2", "child-protection", "meinong", null, null, 4));
        t.service.submit(INTAKE, "kaohsiung", report("f3", "fragile-family", "meinong", null, null, 4));
        t.service.submit(INTAKE, "hong-kong", report("f4", "fragile-family", "islands", null, null, 4));
        assertEquals(List.of("KH-2026-000003", "KH-2026-000002", "KH-2026-000001"),
                t.service.cases(INTAKE, "kaohsiung", CaseFilter.all(10)).stream().map(c -> c.caseNumber()).toList());
        assertEquals(List.of("KH-2026-000003", "KH-2026-000002"), t.service.cases(INTAKE, "kaohsiung",
                new CaseFilter(null, null, "美濃區", null, null, false, false, null, null, 0, 10)).stream().map(c -> c.caseNumber()).toList());
        assertEquals(List.of("KH-2026-000002"), t.service.cases(INTAKE, "kaohsiung",
                new CaseFilter(null, null, null, "pc-qishan", null, false, false, null, null, 0, 10)).stream().map(c -> c.caseNumber()).toList());
        assertEquals(List.of("KH-2026-000003", "KH-2026-000001"), t.service.cases(INTAKE, "kaohsiung",
                new CaseFilter("fragile-family", null, null, null, CaseStatus.ASSESSING, false, false, null, null, 0, 10))
                .stream().map(c -> c.caseNumber()).toList());
        assertEquals(List.of("KH-2026-000002"), t.service.cases(INTAKE, "kaohsiung",
                new CaseFilter(null, null, null, null, null, false, false, null, null, 1, 1)).stream().map(c -> c.caseNumber()).toList());
        assertEquals(3, t.service.countCases(INTAKE, "kaohsiung", new CaseFilter(null, null, null, null, null, false, false,
                null, null, 1, 1)));
        assertEquals(0, t.service.cases(INTAKE, "kaohsiung", new CaseFilter(null, null, null, null, null, false, false,
                NOW, null, 0, 10)).size());
    }

    private static IntakeReport at(IntakeReport r, Instant receivedAt) {
        return new IntakeReport(r.reportId(), receivedAt, r.caseType(), r.district(), r.districtPart(), r.children(), r.householdRef(),
                r.summary(), r.source());
    }
}
