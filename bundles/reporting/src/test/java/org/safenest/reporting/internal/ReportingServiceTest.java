package org.safenest.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportDescription;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportParameter;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.reporting.internal.reports.FactReports;

/** The reporting service: roles, regions, the default period, suppression and audit; and plugins coming and going. */
class ReportingServiceTest {

    private final TestSupport t = new TestSupport();
    private final ReportingServiceImpl service = new ReportingServiceImpl(t.regions, t.auditLog, t.clock, Map.of());

    @AfterEach
    void close() {
        t.close();
    }

    /** A plugin report with fixed rows: counts 0, 3, 5 and 12, each with a share and an average. */
    static final class FixedReport implements Report {
        private final String id;
        ReportRequest seen;

        FixedReport(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String titleZh() {
            return "固定";
        }

        @Override
        public String titleEn() {
            return "Fixed";
        }

        @Override
        public String descriptionZh() {
            return "測試用";
        }

        @Override
        public String descriptionEn() {
            return "For tests";
        }

        @Override
        public List<String> groupings() {
            return List.of("office");
        }

        @Override
        public List<ReportParameter> parameters() {
            return List.of();
        }

        @Override
        public boolean appliesTo(String region) {
            return !"hk".equals(region);
        }

        @Override
        public ReportTable compute(ReportRequest request) {
            seen = request;
            List<List<Object>> rows = new ArrayList<>();
            long[] counts = {0, 3, 5, 12};
            for (long c : counts) {
                rows.add(Arrays.asList("O" + c, c, 7L, 0.25, 1.5));
            }
            return new ReportTable(id, request, List.of(new ReportColumn("office", "單位", "Office", ColumnType.TEXT),
                    new ReportColumn("n", "件數", "Count", ColumnType.COUNT), new ReportColumn("id", "代號", "Number", ColumnType.INTEGER),
                    new ReportColumn("share", "比例", "Share", ColumnType.PERCENT),
                    new ReportColumn("mean", "平均", "Mean", ColumnType.DECIMAL)), rows, List.of(), Map.of(), Instant.now());
        }
    }

    @Test
    void smallCountsAreSuppressedWithTheirSharesAndTheTableSaysSo() {
        FixedReport fixed = new FixedReport("fixed");
        service.addReport(fixed);

        ReportTable table = service.run(TestSupport.ANALYST, "fixed", new ReportRequest("kh", null, null, List.of(), 0, Map.of()));

        assertEquals(Arrays.asList("O0", 0L, 7L, 0.25, 1.5), table.rows().get(0)); // zero identifies no one
        assertEquals(Arrays.asList("O3", "<5", 7L, null, null), table.rows().get(1)); // INTEGER stays, shares go
        assertEquals(Arrays.asList("O5", 5L, 7L, 0.25, 1.5), table.rows().get(2));
        assertTrue(table.notes().stream().anyMatch(n -> n.code().equals(ReportNote.SUPPRESSED)));
        assertEquals(5, table.request().suppressionThreshold());
    }

    @Test
    void aRequestMayRaiseTheThresholdButNotLowerIt() {
        service.addReport(new FixedReport("fixed"));
        ReportTable raised = service.run(TestSupport.ANALYST, "fixed", new ReportRequest("kh", null, null, List.of(), 10, Map.of()));
        assertEquals("<10", raised.rows().get(2).get(1));
        assertEquals(12L, raised.rows().get(3).get(1));
        ReportTable lowered = service.run(TestSupport.ANALYST, "fixed", new ReportRequest("kh", null, null, List.of(), 1, Map.of()));
        assertEquals("<5", lowered.rows().get(1).get(1));
    }

    @Test
    void theConfiguredThresholdAppliesAndABadValueKeepsThePreviousOne() {
        service.addReport(new FixedReport("fixed"));
        service.modified(Map.of(ReportingServiceImpl.THRESHOLD, "3"));
        assertEquals(3L, service.run(TestSupport.ANALYST, "fixed", new ReportRequest("kh", null, null, List.of(), 0, Map.of())).rows().get(1).get(1));
        service.modified(Map.of(ReportingServiceImpl.THRESHOLD, "many"));
        assertEquals(3, service.threshold());
        service.modified(Map.of(ReportingServiceImpl.THRESHOLD, "0"));
        ReportTable none = service.run(TestSupport.ANALYST, "fixed", new ReportRequest("kh", null, null, List.of(), 0, Map.of()));
        assertTrue(none.notes().isEmpty());
    }

    @Test
    void theDefaultPeriodIsTheLastTwelveMonthsAndABackwardPeriodIsRefused() {
        FixedReport fixed = new FixedReport("fixed");
        service.addReport(fixed);
        service.run(TestSupport.SUPERVISOR, "fixed", new ReportRequest("kh", null, null, List.of(), 0, Map.of()));
        assertEquals(LocalDate.of(2025, 4, 1), fixed.seen.from());
        assertEquals(LocalDate.of(2026, 3, 15), fixed.seen.to());
        assertEquals(List.of("office"), fixed.seen.grouping()); // the report's first grouping

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.run(TestSupport.ANALYST, "fixed",
                new ReportRequest("kh", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), List.of(), 0, Map.of())));
        assertEquals("to", e.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> service.run(TestSupport.ANALYST, "fixed",
                new ReportRequest("kh", LocalDate.of(2000, 1, 1), LocalDate.of(2026, 2, 1), List.of(), 0, Map.of())));
    }

    @Test
    void onlyAnalystsSupervisorsAndAdministratorsOfTheRegionRunReportsAndEveryRunIsAudited() {
        service.addReport(new FixedReport("fixed"));
        ReportRequest kh = new ReportRequest("kh", null, null, List.of(), 0, Map.of());
        assertThrows(AccessDeniedException.class, () -> service.run(TestSupport.WORKER, "fixed", kh));
        assertThrows(AccessDeniedException.class, () -> service.run(TestSupport.caller("hk-analyst",
                org.safenest.api.security.Role.ANALYST, "hk"), "fixed", kh));
        service.run(TestSupport.ADMIN, "fixed", kh);
        assertThrows(NotFoundException.class, () -> service.run(TestSupport.ANALYST, "nothing", kh));
        assertThrows(NotFoundException.class, () -> service.run(TestSupport.ANALYST, "fixed",
                new ReportRequest("hk", null, null, List.of(), 0, Map.of()))); // does not apply there

        List<AuditOutcome> outcomes = t.auditLog.records().stream().map(a -> a.outcome()).toList();
        assertEquals(List.of(AuditOutcome.DENIED, AuditOutcome.DENIED, AuditOutcome.SUCCESS, AuditOutcome.REJECTED, AuditOutcome.REJECTED),
                outcomes);
        assertTrue(t.auditLog.records().get(2).detail().contains("2025-04-01..2026-03-15 by office"), t.auditLog.records().get(2).detail());
    }

    @Test
    void pluginsComeAndGoAndOnlyThoseThatApplyAreListed() {
        FixedReport fixed = new FixedReport("fixed");
        service.addReport(fixed);
        service.addReport(t.report(FactReports.INTAKE_VOLUME));
        assertEquals(List.of("fixed", "intake-volume"), service.reports("kh").stream().map(ReportDescription::id).toList());
        assertEquals(List.of("intake-volume"), service.reports("hk").stream().map(ReportDescription::id).toList());

        FixedReport twin = new FixedReport("fixed");
        service.addReport(twin); // the same id again: the first stays
        service.removeReport(twin);
        assertEquals(2, service.reports("kh").size());
        service.removeReport(fixed);
        assertEquals(List.of("intake-volume"), service.reports("kh").stream().map(ReportDescription::id).toList());
        assertThrows(NotFoundException.class, () -> service.reports("nowhere"));
    }

    @Test
    void suppressionLeavesATableWithoutSmallCountsUntouched() {
        FixedReport fixed = new FixedReport("fixed");
        ReportTable table = fixed.compute(new ReportRequest("kh", LocalDate.MIN, LocalDate.MAX, List.of(), 0, Map.of()));
        assertSame(table, Suppression.apply(table, 3));
        assertSame(table, Suppression.apply(table, 1));
        assertNull(Suppression.apply(table, 4).rows().get(1).get(4));
    }
}
