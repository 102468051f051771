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

/** Intake volume (通報量): accepted reports by month, case type, service line, district and office, and the share merged into existing cases (併案). */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=intake-volume")
public class IntakeVolumeReport extends AggregateReport {

    public static final String ID = "intake-volume";

    @Activate
    public IntakeVolumeReport(@Reference FactStore store, @Reference RegionService regions, @Reference Names names) {
        this(store, regions, names, Clock.systemUTC());
    }

    public IntakeVolumeReport(Transactions tx, RegionService regions, Names names, Clock clock) {
        super(tx, regions, names, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "通報量統計";
    }

    @Override
    public String titleEn() {
        return "Intake volume";
    }

    @Override
    public String descriptionZh() {
        return "受理的通報件數，可依月份、案件類型、服務別、行政區及分派單位分組，並列出併入既有案件（併案）的比例。資料來自受案系統的事件。";
    }

    @Override
    public String descriptionEn() {
        return "Accepted intake reports by month, case type, service line, district and office, with the share merged into existing cases. Counted from the intake events.";
    }

    @Override
    protected String table() {
        return "RPT_INTAKE";
    }

    @Override
    protected String dayColumn() {
        return "RECEIVED_DAY";
    }

    @Override
    protected List<Dimension> dimensions() {
        return List.of(month("RECEIVED_DAY"),
                text("caseType", "CASE_TYPE", "案件類型", "Case type", Names.Kind.CASE_TYPE),
                text("serviceLine", "SERVICE_LINE", "服務別", "Service line", Names.Kind.SERVICE_LINE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT),
                text("office", "OFFICE", "分派單位", "Office", Names.Kind.OFFICE));
    }

    @Override
    protected List<String> aggregates(LocalDate today) {
        return List.of("COUNT(*)", "SUM(MERGED)");
    }

    @Override
    protected List<ReportColumn> measureColumns() {
        return List.of(new ReportColumn("reports", "通報件數", "Reports", ColumnType.COUNT),
                new ReportColumn("merged", "併案件數", "Merged into a case", ColumnType.COUNT),
                new ReportColumn("mergedShare", "併案比例", "Share merged", ColumnType.PERCENT));
    }

    @Override
    protected List<Object> measures(long[] v, Object[] raw) {
        return java.util.Arrays.asList(count(v[0]), count(v[1]), share(v[1], v[0]));
    }
}
