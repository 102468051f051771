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

/** Transfers (轉案) between child protection and fragile-family service, per direction and month. */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=transfers")
public class TransfersReport extends AggregateReport {

    public static final String ID = "transfers";

    @Activate
    public TransfersReport(@Reference FactStore store, @Reference RegionService regions, @Reference Names names) {
        this(store, regions, names, Clock.systemUTC());
    }

    public TransfersReport(Transactions tx, RegionService regions, Names names, Clock clock) {
        super(tx, regions, names, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "兒少保護與脆弱家庭轉案統計";
    }

    @Override
    public String titleEn() {
        return "Transfers between services";
    }

    @Override
    public String descriptionZh() {
        return "兒少保護與脆弱家庭服務之間的轉案件數，可依月份、方向、理由、原分派單位及行政區分組。";
    }

    @Override
    public String descriptionEn() {
        return "Transfers between child protection and fragile-family service by month, direction, ground, office before the transfer and district.";
    }

    @Override
    protected String table() {
        return "RPT_TRANSFER";
    }

    @Override
    protected String dayColumn() {
        return "TRANSFER_DAY";
    }

    @Override
    protected List<Dimension> dimensions() {
        return List.of(month("TRANSFER_DAY"),
                text("direction", "DIRECTION", "方向", "Direction", Names.Kind.DIRECTION),
                text("ground", "GROUND", "轉案理由", "Ground", Names.Kind.GROUND),
                text("fromOffice", "FROM_OFFICE", "原分派單位", "Office before", Names.Kind.OFFICE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT));
    }

    @Override
    protected List<String> aggregates(LocalDate today) {
        return List.of("COUNT(*)", "SUM(CASE WHEN DIRECTION = 'CP_TO_FF' THEN 1 ELSE 0 END)", "SUM(CASE WHEN DIRECTION = 'FF_TO_CP' THEN 1 ELSE 0 END)");
    }

    @Override
    protected List<ReportColumn> measureColumns() {
        return List.of(new ReportColumn("transfers", "轉案件數", "Transfers", ColumnType.COUNT),
                new ReportColumn("cpToFf", "兒少保護轉脆弱家庭", "Child protection to fragile family", ColumnType.COUNT),
                new ReportColumn("ffToCp", "脆弱家庭轉兒少保護", "Fragile family to child protection", ColumnType.COUNT));
    }

    @Override
    protected List<Object> measures(long[] v, Object[] raw) {
        return List.of(count(v[0]), count(v[1]), count(v[2]));
    }
}
