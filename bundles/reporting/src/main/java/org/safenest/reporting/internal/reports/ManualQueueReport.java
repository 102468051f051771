package org.safenest.reporting.internal.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
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

/** The manual dispatch queue (人工分派佇列) today: cases no rule placed, waiting for a dispatcher, and how long the oldest waits. */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=manual-queue")
public class ManualQueueReport extends AggregateReport {

    public static final String ID = "manual-queue";
    private static final long DAY_MS = 86_400_000L;

    @Activate
    public ManualQueueReport(@Reference FactStore store, @Reference RegionService regions, @Reference Names names) {
        this(store, regions, names, Clock.systemUTC());
    }

    public ManualQueueReport(Transactions tx, RegionService regions, Names names, Clock clock) {
        super(tx, regions, names, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "人工分派佇列";
    }

    @Override
    public String titleEn() {
        return "Manual dispatch queue";
    }

    @Override
    public String descriptionZh() {
        return "目前在人工分派佇列中等待派案的案件（無適用分派規則），依案件類型、行政區或服務別分組，並列出最久等待天數。";
    }

    @Override
    public String descriptionEn() {
        return "Cases waiting in the manual dispatch queue now (no dispatch rule matched), by case type, district or service line, "
                + "with the longest wait in days.";
    }

    @Override
    protected String table() {
        return "RPT_CASE";
    }

    @Override
    protected String dayColumn() {
        return null;
    }

    @Override
    protected String condition() {
        return "MANUAL_QUEUE = 1";
    }

    @Override
    protected List<Dimension> dimensions() {
        return List.of(text("caseType", "CASE_TYPE", "案件類型", "Case type", Names.Kind.CASE_TYPE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT),
                text("serviceLine", "SERVICE_LINE", "服務別", "Service line", Names.Kind.SERVICE_LINE));
    }

    @Override
    protected List<String> aggregates(LocalDate today) {
        return List.of("COUNT(*)", "MIN(QUEUED_AT)");
    }

    @Override
    protected List<ReportColumn> measureColumns() {
        return List.of(new ReportColumn("waiting", "等待派案件數", "Waiting", ColumnType.COUNT),
                new ReportColumn("longestWaitDays", "最久等待天數", "Longest wait (days)", ColumnType.INTEGER));
    }

    @Override
    protected List<Object> measures(long[] v, Object[] raw) {
        Long days = raw[1] instanceof Number oldest ? (clock().millis() - oldest.longValue()) / DAY_MS : null;
        return Arrays.asList(count(v[0]), days);
    }
}
