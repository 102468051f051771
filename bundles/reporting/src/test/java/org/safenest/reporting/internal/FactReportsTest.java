package org.safenest.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.reporting.internal.reports.AggregateReport;
import org.safenest.reporting.internal.reports.FactReports;

/** The reports built from intake events, each checked against known synthetic events. */
class FactReportsTest {

    private final TestSupport t = new TestSupport();

    @AfterEach
    void close() {
        t.close();
    }

    private static ReportRequest request(String from, String to, String... group) {
        return new ReportRequest(TestSupport.REGION, LocalDate.parse(from), LocalDate.parse(to), List.of(group), 0, Map.of());
    }

    /** The rows as text, for compact assertions. */
    private static List<String> rows(ReportTable table) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            out.add(String.valueOf(row));
        }
        return out;
    }

    @Test
    void intakeVolumeCountsReportsByMonthWithEveryMonthOfThePeriod() {
        t.newCase("KH-1", "2026-01-05T09:00");
        t.newCase("KH-2", "2026-01-31T23:30"); // still January in Taipei
        t.receive("KH-1", "2026-03-02T10:00", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1", "JOINED_CASE_IN_SERVICE");
        t.receive("KH-3", "2026-03-03T10:00", "fragile-family", "FRAGILE_FAMILY", "fengshan", "C2", "NEW_CASE");
        t.receive("KH-9", "2025-12-31T10:00", "fragile-family", "FRAGILE_FAMILY", "fengshan", "C2", "NEW_CASE"); // before the period
        t.flush();
        AggregateReport report = t.report(FactReports.INTAKE_VOLUME);

        ReportTable table = report.compute(request("2026-01-01", "2026-03-31"));

        assertEquals(List.of("month", "reports", "merged", "mergedShare"), table.columns().stream().map(c -> c.key()).toList());
        assertEquals(List.of("[2026-01, 2, 0, 0.0]", "[2026-02, 0, 0, null]", "[2026-03, 2, 1, 0.5]"), rows(table));
        assertEquals(YearMonth.of(2026, 1), table.rows().get(0).get(0));
    }

    @Test
    void intakeVolumeGroupsByCaseTypeDistrictAndOfficeWithNames() {
        t.newCase("KH-1", "2026-02-05T09:00");
        t.newCase("KH-2", "2026-02-06T09:00");
        t.receive("KH-3", "2026-02-07T10:00", "fragile-family", "FRAGILE_FAMILY", "fengshan", "C2", "NEW_CASE");
        t.receive("KH-4", "2026-02-08T10:00", "fragile-family", "FRAGILE_FAMILY", "cijin", null, "NEW_CASE"); // manual queue
        t.flush();
        AggregateReport report = t.report(FactReports.INTAKE_VOLUME);

        ReportTable byOffice = report.compute(request("2026-02-01", "2026-02-28", "office"));
        assertEquals(List.of("[, 1, 0, 0.0]", "[C2, 1, 0, 0.0]", "[S1, 2, 0, 0.0]"), rows(byOffice));
        assertEquals("人工分派佇列", byOffice.display("office", "", "zh"));
        assertEquals("Fengshan centre", byOffice.display("office", "C2", "en"));

        ReportTable byTwo = report.compute(request("2026-02-01", "2026-02-28", "caseType", "district"));
        assertEquals(List.of("[child-protection, qianzhen, 2, 0, 0.0]", "[fragile-family, cijin, 1, 0, 0.0]",
                "[fragile-family, fengshan, 1, 0, 0.0]"), rows(byTwo));
        assertEquals("兒少保護", byTwo.display("caseType", "child-protection", "zh"));
        assertEquals("旗津區", byTwo.display("district", "cijin", "zh"));
    }

    @Test
    void aWrongGroupingNamesTheField() {
        AggregateReport report = t.report(FactReports.INTAKE_VOLUME);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> report.compute(request("2026-01-01", "2026-01-31", "colour")));
        assertEquals("group", e.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> report.compute(request("2026-01-01", "2026-01-31", "month", "month")));
        assertThrows(InvalidInputException.class,
                () -> report.compute(request("2026-01-01", "2026-01-31", "month", "district", "office", "caseType")));
    }

    @Test
    void dispatchDecisionsPerRuleSetVersionWithTheManualQueueAndTimeToDispatch() {
        t.newCase("KH-1", "2026-03-02T10:00"); // by rule, 1 minute after receipt
        t.receive("KH-2", "2026-03-02T11:00", "fragile-family", "FRAGILE_FAMILY", "cijin", null, "NEW_CASE"); // to the queue
        // the dispatcher places KH-2 by hand 2 hours after it was received
        t.post(IntakeEvents.CASE_DISPATCHED, "KH-2", "fragile-family", "FRAGILE_FAMILY", "cijin", "C1", Map.of(
                IntakeEvents.MANUAL_QUEUE, false, IntakeEvents.DECISION_BASIS, "BY_HAND", IntakeEvents.RULE_SET_VERSION, 0,
                IntakeEvents.DECIDED_AT, TestSupport.at("2026-03-02T13:00"), IntakeEvents.RECEIVED_AT, TestSupport.at("2026-03-02T11:00")));
        t.flush();
        AggregateReport report = t.report(FactReports.DISPATCH_DECISIONS);

        ReportTable byVersion = report.compute(request("2026-03-01", "2026-03-31", "ruleSetVersion"));
        // version 0 (by hand): 1 decision, 120 minutes; version 8: 2 decisions (one to the queue), 1 minute each
        assertEquals(List.of("[0, 1, 0, 1, 120.0, 120]", "[8, 2, 1, 0, 1.0, 1]"), rows(byVersion));

        ReportTable byBasis = report.compute(request("2026-03-01", "2026-03-31", "basis"));
        assertEquals(List.of("BY_HAND", "NO_RULE", "RULE"), byBasis.rows().stream().map(r -> r.get(0)).toList());
        assertEquals("人工分派", byBasis.display("basis", "BY_HAND", "zh"));
    }

    @Test
    void theManualQueueShowsCasesStillWaitingAndTheLongestWait() {
        t.receive("KH-1", "2026-03-10T12:00", "fragile-family", "FRAGILE_FAMILY", "cijin", null, "NEW_CASE");
        t.receive("KH-2", "2026-03-14T12:00", "fragile-family", "FRAGILE_FAMILY", "cijin", null, "NEW_CASE");
        t.receive("KH-3", "2026-03-14T12:00", "elder-protection", "ADULT_PROTECTION", "cijin", null, "NEW_CASE");
        t.post(IntakeEvents.CASE_DISPATCHED, "KH-3", "elder-protection", "ADULT_PROTECTION", "cijin", "S1", Map.of(
                IntakeEvents.MANUAL_QUEUE, false, IntakeEvents.DECISION_BASIS, "BY_HAND", IntakeEvents.DECIDED_AT,
                TestSupport.at("2026-03-14T15:00")));
        t.flush();
        AggregateReport report = t.report(FactReports.MANUAL_QUEUE);

        ReportTable table = report.compute(request("2026-01-01", "2026-01-31"));
        // KH-1 waits since 2026-03-10 12:01: 5 days before "now" (2026-03-15 12:00) less a minute, so 4 whole days
        assertEquals(List.of("[fragile-family, 2, 4]"), rows(table));
        assertTrue(table.notes().stream().anyMatch(n -> n.code().equals("as-of-today")));
    }

    @Test
    void transfersPerDirectionAndMonth() {
        t.newCase("KH-1", "2026-01-05T09:00");
        t.newCase("KH-2", "2026-01-06T09:00");
        Map<String, Object> cpToFf = new HashMap<>(Map.of(IntakeEvents.DIRECTION, "CP_TO_FF", IntakeEvents.GROUND, "PARENTAL_ACCIDENT",
                IntakeEvents.FROM_OFFICE, "S1", IntakeEvents.OCCURRED_AT, TestSupport.at("2026-02-10T10:00")));
        t.post(IntakeEvents.CASE_TRANSFERRED, "KH-1", "fragile-family", "FRAGILE_FAMILY", "qianzhen", "C1", cpToFf);
        t.post(IntakeEvents.CASE_TRANSFERRED, "KH-1", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1", Map.of(
                IntakeEvents.DIRECTION, "FF_TO_CP", IntakeEvents.GROUND, "STATUTORY_REPORT", IntakeEvents.FROM_OFFICE, "C1",
                IntakeEvents.OCCURRED_AT, TestSupport.at("2026-03-01T10:00")));
        cpToFf.put(IntakeEvents.OCCURRED_AT, TestSupport.at("2026-03-02T10:00"));
        t.post(IntakeEvents.CASE_TRANSFERRED, "KH-2", "fragile-family", "FRAGILE_FAMILY", "qianzhen", "C1", cpToFf);
        t.flush();
        AggregateReport report = t.report(FactReports.TRANSFERS);

        assertEquals(List.of("[2026-01, 0, 0, 0]", "[2026-02, 1, 1, 0]", "[2026-03, 2, 1, 1]"),
                rows(report.compute(request("2026-01-01", "2026-03-31"))));
        assertEquals(List.of("[CP_TO_FF, 2, 2, 0]", "[FF_TO_CP, 1, 0, 1]"),
                rows(report.compute(request("2026-01-01", "2026-03-31", "direction"))));
    }

    @Test
    void disputesAndWhetherTheyWereResolved() {
        t.newCase("KH-1", "2026-03-02T09:00");
        t.newCase("KH-2", "2026-03-02T09:30");
        for (String c : List.of("KH-1", "KH-2")) {
            t.post(IntakeEvents.DISPATCH_DISPUTED, c, "child-protection", "CHILD_PROTECTION", "qianzhen", "C1", Map.of(
                    IntakeEvents.DISPUTE_ID, c.equals("KH-1") ? 1L : 2L, IntakeEvents.FROM_OFFICE, "S1", IntakeEvents.OFFICE, "C1",
                    IntakeEvents.OCCURRED_AT, TestSupport.at("2026-03-03T10:00")));
        }
        t.post(IntakeEvents.DISPUTE_RESOLVED, "KH-1", "child-protection", "CHILD_PROTECTION", "qianzhen", "C1", Map.of(
                IntakeEvents.DISPUTE_ID, 1L, IntakeEvents.OCCURRED_AT, TestSupport.at("2026-03-10T10:00")));
        t.flush();
        AggregateReport report = t.report(FactReports.DISPUTES);

        assertEquals(List.of("[S1, C1, 2, 1, 1]"), rows(report.compute(request("2026-03-01", "2026-03-31", "fromOffice", "toOffice"))));
    }

    @Test
    void followUpsDueOnTimeLateOverdueAndOpenPerOffice() {
        String[] cases = {"KH-1", "KH-2", "KH-3", "KH-4"};
        String[] due = {"2026-03-05", "2026-03-06", "2026-03-10", "2026-03-20"};
        for (int i = 0; i < cases.length; i++) {
            t.newCase(cases[i], "2026-02-20T09:00");
            t.post(IntakeEvents.DISPOSITION_RECORDED, cases[i], "child-protection", "CHILD_PROTECTION", "qianzhen", "S1",
                    Map.of(IntakeEvents.DISPOSITION, "INVESTIGATION_PENDING", IntakeEvents.FOLLOW_UP_DUE, due[i]));
        }
        // KH-1 on time, KH-2 late; KH-3 overdue today (2026-03-15); KH-4 not yet due
        t.post(IntakeEvents.FOLLOW_UP_COMPLETED, "KH-1", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1",
                Map.of(IntakeEvents.FOLLOW_UP_DUE, "2026-03-05", IntakeEvents.OCCURRED_AT, TestSupport.at("2026-03-04T10:00")));
        t.post(IntakeEvents.FOLLOW_UP_COMPLETED, "KH-2", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1",
                Map.of(IntakeEvents.FOLLOW_UP_DUE, "2026-03-06", IntakeEvents.OCCURRED_AT, TestSupport.at("2026-03-09T10:00")));
        t.flush();
        AggregateReport report = t.report(FactReports.FOLLOW_UPS);

        ReportTable table = report.compute(request("2026-03-01", "2026-03-31"));
        assertEquals(List.of("[S1, 4, 1, 1, 1, 1, 0.5]"), rows(table));
        assertEquals(List.of("[S1, 2026-03, 4, 1, 1, 1, 1, 0.5]"), rows(report.compute(request("2026-03-01", "2026-03-31", "office", "month"))));
    }

    @Test
    void aRedeliveredEventCountsOnceAndAMalformedOneIsRefusedWithoutWritingAnything() {
        t.newCase("KH-1", "2026-03-02T09:00");
        Map<String, Object> p = new HashMap<>();
        p.put(IntakeEvents.REGION, TestSupport.REGION);
        p.put(IntakeEvents.CASE_NUMBER, "KH-2");
        p.put(IntakeEvents.REPORT_ID, "r-x");
        p.put(IntakeEvents.RECEIVED_AT, TestSupport.at("2026-03-03T09:00"));
        p.put(IntakeEvents.CASE_TYPE, "child-protection");
        p.put(IntakeEvents.SERVICE_LINE, "CHILD_PROTECTION");
        p.put(IntakeEvents.DISTRICT, "qianzhen");
        p.put(IntakeEvents.MERGE_RULE, "NEW_CASE");
        OutboxEvent once = t.deliver(IntakeEvents.CASE_RECEIVED, p);
        t.facts.apply(once); // delivered again after a crash: the same event id
        assertEquals(1, t.facts.duplicates());
        assertThrows(IllegalArgumentException.class, () -> t.deliver(IntakeEvents.CASE_RECEIVED, Map.of(IntakeEvents.REGION, TestSupport.REGION)));

        ReportTable table = t.report(FactReports.INTAKE_VOLUME).compute(request("2026-03-01", "2026-03-31"));
        assertEquals(List.of("[2026-03, 2, 0, 0.0]"), rows(table));
    }

    @Test
    void aRebuildDropsTheRegionsFiguresAndTheOutboxDeliversThemAgain() throws Exception {
        t.newCase("KH-1", "2026-03-02T09:00");
        t.newCase("KH-2", "2026-03-03T09:00");
        assertEquals(0, t.facts.rebuild(TestSupport.REGION)); // no capability keeps its events here: the outbox only
        t.facts.awaitPasses(java.time.Duration.ofSeconds(10));
        assertEquals(List.of("[2026-03, 0, 0, null]"), rows(t.report(FactReports.INTAKE_VOLUME).compute(request("2026-03-01", "2026-03-31"))));
        t.outbox.deliverTo(t.facts);
        assertEquals(List.of("[2026-03, 2, 0, 0.0]"), rows(t.report(FactReports.INTAKE_VOLUME).compute(request("2026-03-01", "2026-03-31"))));
    }

    /**
     * Issue 12: the outbox pruned the first case's events; a rebuild goes through the events intake keeps (here a list
     * with the same ids) and then the outbox's, and counts each report once.
     */
    @Test
    void aRebuildAfterPruningCountsFromTheEventsIntakeKeeps() throws Exception {
        t.newCase("KH-1", "2026-03-02T09:00");
        t.newCase("KH-2", "2026-03-03T09:00");
        List<OutboxEvent> kept = t.outbox.events();
        t.outbox.prune(2); // KH-1's received and dispatched events
        t.facts.catchUpWait(java.time.Duration.ZERO);
        t.facts.bindHistory(new org.safenest.api.outbox.EventHistory() {
            @Override
            public String topicPrefix() {
                return IntakeEvents.TOPIC_PREFIX;
            }

            @Override
            public long count(String region) {
                return kept.stream().filter(e -> region == null || region.equals(e.region())).count();
            }

            @Override
            public void replay(String region, int batchSize, java.util.function.Consumer<List<OutboxEvent>> batches) {
                List<OutboxEvent> mine = kept.stream().filter(e -> region == null || region.equals(e.region())).toList();
                for (int i = 0; i < mine.size(); i += batchSize) {
                    batches.accept(mine.subList(i, Math.min(mine.size(), i + batchSize)));
                }
            }
        });
        t.facts.awaitPasses(java.time.Duration.ofSeconds(10));

        assertEquals(4, t.facts.rebuild(TestSupport.REGION));
        t.facts.awaitPasses(java.time.Duration.ofSeconds(10));
        assertEquals(0, t.facts.historyWaiting());
        assertEquals(List.of("[2026-03, 2, 0, 0.0]"), rows(t.report(FactReports.INTAKE_VOLUME).compute(request("2026-03-01", "2026-03-31"))));
        long before = t.facts.duplicates();
        t.outbox.deliverTo(t.facts); // what the outbox still keeps, delivered again after the pass: recognised
        assertEquals(before + 2, t.facts.duplicates());
        assertEquals(List.of("[2026-03, 2, 0, 0.0]"), rows(t.report(FactReports.INTAKE_VOLUME).compute(request("2026-03-01", "2026-03-31"))));
    }

    @Test
    void caseloadsCountOpenCasesPerOfficeAndWorker() {
        t.newCase("KH-1", "2026-03-01T09:00");
        t.newCase("KH-2", "2026-03-02T09:00");
        t.newCase("KH-3", "2026-03-03T09:00");
        t.newCase("KH-4", "2026-03-04T09:00");
        t.receive("KH-5", "2026-03-05T12:00", "fragile-family", "FRAGILE_FAMILY", "cijin", null, "NEW_CASE"); // manual queue
        Map<String, Object> toWorker = Map.of(IntakeEvents.WORKER, "worker");
        t.post(IntakeEvents.CASE_ASSIGNED, "KH-1", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1", toWorker);
        t.post(IntakeEvents.CASE_ASSIGNED, "KH-2", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1", toWorker);
        t.post(IntakeEvents.CASE_ASSIGNED, "KH-3", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1", toWorker);
        // reassigned to another worker, then KH-3 closed by its disposition
        t.post(IntakeEvents.CASE_ASSIGNED, "KH-2", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1",
                Map.of(IntakeEvents.WORKER, "worker2", IntakeEvents.PREVIOUS_WORKER, "worker"));
        t.post(IntakeEvents.DISPOSITION_RECORDED, "KH-3", "child-protection", "CHILD_PROTECTION", "qianzhen", "S1",
                Map.of(IntakeEvents.DISPOSITION, "NOT_OPENED_DEATH", IntakeEvents.STATUS, "CLOSED"));
        t.flush();
        AggregateReport report = t.report(FactReports.CASELOADS);

        assertEquals(List.of("[S1, , 1, 1]", "[S1, worker, 1, 0]", "[S1, worker2, 1, 0]"),
                rows(report.compute(request("2026-01-01", "2026-03-31", "office", "worker"))));
        assertEquals(List.of("[S1, 3, 1]"), rows(report.compute(request("2026-01-01", "2026-03-31", "office"))));
    }
}
