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

/** Disputed dispatch decisions (派案爭議) and whether the coordination meeting resolved them. */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=dispatch-disputes")
public class DisputesReport extends AggregateReport {

    public static final String ID = "dispatch-disputes";

    @Activate
    public DisputesReport(@Reference FactStore store, @Reference RegionService regions, @Reference Names names) {
        this(store, regions, names, Clock.systemUTC());
    }

    public DisputesReport(Transactions tx, RegionService regions, Names names, Clock clock) {
        super(tx, regions, names, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "派案爭議統計";
    }

    @Override
    public String titleEn() {
        return "Dispatch disputes";
    }

    @Override
    public String descriptionZh() {
        return "派案爭議件數及其結果（已於協調會議解決或仍待處理），可依月份、原分派單位及改派單位分組。";
    }

    @Override
    public String descriptionEn() {
        return "Disputed dispatch decisions and their outcome (resolved at the coordination meeting or still open), by month, office disputed and office re-dispatched to.";
    }

    @Override
    protected String table() {
        return "RPT_DISPUTE";
    }

    @Override
    protected String dayColumn() {
        return "DISPUTED_DAY";
    }

    @Override
    protected List<Dimension> dimensions() {
        return List.of(month("DISPUTED_DAY"),
                text("fromOffice", "FROM_OFFICE", "原分派單位", "Office disputed", Names.Kind.OFFICE),
                text("toOffice", "TO_OFFICE", "改派單位", "Re-dispatched to", Names.Kind.OFFICE));
    }

    @Override
    protected List<String> aggregates(LocalDate today) {
        return List.of("COUNT(*)", "SUM(CASE WHEN RESOLVED_DAY IS NULL THEN 0 ELSE 1 END)");
    }

    @Override
    protected List<ReportColumn> measureColumns() {
        return List.of(new ReportColumn("disputes", "爭議件數", "Disputes", ColumnType.COUNT),
                new ReportColumn("resolved", "已於協調會議解決", "Resolved", ColumnType.COUNT),
                new ReportColumn("open", "待協調", "Open", ColumnType.COUNT));
    }

    @Override
    protected List<Object> measures(long[] v, Object[] raw) {
        return List.of(count(v[0]), count(v[1]), count(v[0] - v[1]));
    }
}
