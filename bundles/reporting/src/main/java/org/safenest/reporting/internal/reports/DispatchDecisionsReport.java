package org.safenest.reporting.internal.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.region.RegionService;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.reporting.internal.facts.FactStore;
import org.safenest.reporting.internal.facts.Transactions;

/** Dispatch decisions (派案): per rule-set version, basis and office, how many went to the manual queue or were made by hand, and the time from receipt to dispatch. */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=dispatch-decisions")
public class DispatchDecisionsReport extends AggregateReport {

    public static final String ID = "dispatch-decisions";

    @Activate
    public DispatchDecisionsReport(@Reference FactStore store, @Reference RegionService regions, @Reference Names names) {
        this(store, regions, names, Clock.systemUTC());
    }

    public DispatchDecisionsReport(Transactions tx, RegionService regions, Names names, Clock clock) {
        super(tx, regions, names, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "派案決定統計";
    }

    @Override
    public String titleEn() {
        return "Dispatch decisions";
    }

    @Override
    public String descriptionZh() {
        return "派案決定件數，可依月份、分派規則版本、依據、分派單位、案件類型及行政區分組；列出進入人工分派佇列及人工分派的件數，以及從受理到派案的平均與最長分鐘數（僅計受案時或自人工佇列派出的決定）。";
    }

    @Override
    public String descriptionEn() {
        return "Dispatch decisions by month, rule-set version, basis, office, case type and district: how many went to the manual dispatch queue or were made by hand, and the mean and longest minutes from receipt to dispatch (decisions at intake or out of the manual queue).";
    }

    @Override
    protected String table() {
        return "RPT_DISPATCH";
    }

    @Override
    protected String dayColumn() {
        return "DECIDED_DAY";
    }

    @Override
    protected List<Dimension> dimensions() {
        return List.of(month("DECIDED_DAY"),
                new Dimension("ruleSetVersion", "RULE_SET_VERSION", "規則版本", "Rule-set version", ColumnType.INTEGER, null),
                text("basis", "BASIS", "派案依據", "Basis", Names.Kind.BASIS),
                text("office", "OFFICE", "分派單位", "Office", Names.Kind.OFFICE),
                text("caseType", "CASE_TYPE", "案件類型", "Case type", Names.Kind.CASE_TYPE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT));
    }

    @Override
    protected List<String> aggregates(LocalDate today) {
        return List.of("COUNT(*)", "SUM(MANUAL_QUEUE)", "SUM(CASE WHEN BASIS = 'BY_HAND' THEN 1 ELSE 0 END)",
                "AVG(CASE WHEN RECEIVED_AT IS NOT NULL THEN CAST(DECIDED_AT - RECEIVED_AT AS DOUBLE) / 60000.0 END)",
                "MAX(CASE WHEN RECEIVED_AT IS NOT NULL THEN (DECIDED_AT - RECEIVED_AT) / 60000 END)");
    }

    @Override
    protected List<ReportColumn> measureColumns() {
        return List.of(new ReportColumn("decisions", "派案決定數", "Decisions", ColumnType.COUNT),
                new ReportColumn("toManualQueue", "進入人工分派佇列", "To the manual queue", ColumnType.COUNT),
                new ReportColumn("byHand", "人工分派", "By hand", ColumnType.COUNT),
                new ReportColumn("meanMinutes", "受理至派案平均分鐘", "Mean minutes from receipt", ColumnType.DECIMAL),
                new ReportColumn("maxMinutes", "受理至派案最長分鐘", "Longest minutes from receipt", ColumnType.INTEGER));
    }

    @Override
    protected List<Object> measures(long[] v, Object[] raw) {
        return java.util.Arrays.asList(count(v[0]), count(v[1]), count(v[2]), raw[3] instanceof Number n ? n.doubleValue() : null, raw[4] instanceof Number m ? m.longValue() : null);
    }
}
