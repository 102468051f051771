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

/**
 * Investigation follow-ups (the 10-day rule, 10日內補送調查報告): those due in the period per office, completed on
 * time or late, overdue today, and still open but not yet due.
 */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=follow-ups")
public class FollowUpsReport extends AggregateReport {

    public static final String ID = "follow-ups";

    @Activate
    public FollowUpsReport(@Reference FactStore store, @Reference RegionService regions, @Reference Names names) {
        this(store, regions, names, Clock.systemUTC());
    }

    public FollowUpsReport(Transactions tx, RegionService regions, Names names, Clock clock) {
        super(tx, regions, names, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "調查追蹤（10日補送）統計";
    }

    @Override
    public String titleEn() {
        return "Investigation follow-ups (10-day rule)";
    }

    @Override
    public String descriptionZh() {
        return "尚無法確認受虐的調查須於10日內補送調查報告。依分派單位（或到期月份）列出期間內到期的件數、準時完成、逾期完成、今日已逾期及尚未到期的件數。";
    }

    @Override
    public String descriptionEn() {
        return "An investigation that cannot yet confirm maltreatment owes a further report within 10 days. Per office (or due month): "
                + "follow-ups due in the period, completed on time, completed late, overdue today, and open but not yet due.";
    }

    @Override
    protected String table() {
        return "RPT_FOLLOW_UP";
    }

    @Override
    protected String dayColumn() {
        return "DUE_DAY";
    }

    @Override
    protected List<Dimension> dimensions() {
        return List.of(text("office", "OFFICE", "分派單位", "Office", Names.Kind.OFFICE), month("DUE_DAY"));
    }

    @Override
    protected List<String> aggregates(LocalDate today) {
        // today comes from the clock as a LocalDate: a constant, never user input
        String t = "DATE('" + today + "')";
        return List.of("COUNT(*)",
                "SUM(CASE WHEN COMPLETED_DAY IS NOT NULL AND COMPLETED_DAY <= DUE_DAY THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN COMPLETED_DAY IS NOT NULL AND COMPLETED_DAY > DUE_DAY THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN COMPLETED_DAY IS NULL AND DUE_DAY < " + t + " THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN COMPLETED_DAY IS NULL AND DUE_DAY >= " + t + " THEN 1 ELSE 0 END)");
    }

    @Override
    protected List<ReportColumn> measureColumns() {
        return List.of(new ReportColumn("due", "期間內到期", "Due in the period", ColumnType.COUNT),
                new ReportColumn("onTime", "準時完成", "Completed on time", ColumnType.COUNT),
                new ReportColumn("late", "逾期完成", "Completed late", ColumnType.COUNT),
                new ReportColumn("overdue", "已逾期未完成", "Overdue", ColumnType.COUNT),
                new ReportColumn("open", "未到期", "Open, not yet due", ColumnType.COUNT),
                new ReportColumn("overdueShare", "逾期比例", "Share overdue or late", ColumnType.PERCENT));
    }

    @Override
    protected List<Object> measures(long[] v, Object[] raw) {
        return java.util.Arrays.asList(count(v[0]), count(v[1]), count(v[2]), count(v[3]), count(v[4]), share(v[2] + v[3], v[0]));
    }
}
