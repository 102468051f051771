package org.safenest.reporting.internal.reports;

import static org.safenest.reporting.internal.reports.AggregateReport.count;
import static org.safenest.reporting.internal.reports.AggregateReport.month;
import static org.safenest.reporting.internal.reports.AggregateReport.share;
import static org.safenest.reporting.internal.reports.AggregateReport.text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.region.RegionService;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.reporting.internal.facts.FactStore;
import org.safenest.reporting.internal.reports.AggregateReport.Definition;
import org.safenest.reporting.internal.reports.AggregateReport.Dimension;

/**
 * The reports counted from the facts reporting collects from intake's events, each an {@link AggregateReport} of
 * one definition, registered as {@link Report} services while the fact store is there.
 */
@Component(service = {})
public class FactReports {

    private static final long DAY_MS = 86_400_000L;

    /**
     * Intake volume (通報量): accepted reports by month, case type, service line, district and office, and the share merged into existing cases (併案).
     */
    public static final Definition INTAKE_VOLUME = new Definition("intake-volume",
            "通報量統計",
            "Intake volume",
            "受理的通報件數，可依月份、案件類型、服務別、行政區及分派單位分組，並列出併入既有案件（併案）的比例。資料來自受案系統的事件。",
            "Accepted intake reports by month, case type, service line, district and office, with the share merged into existing cases. Counted from the intake events.",
            "RPT_INTAKE", "RECEIVED_DAY", null,
            List.of(month("RECEIVED_DAY"),
                text("caseType", "CASE_TYPE", "案件類型", "Case type", Names.Kind.CASE_TYPE),
                text("serviceLine", "SERVICE_LINE", "服務別", "Service line", Names.Kind.SERVICE_LINE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT),
                text("office", "OFFICE", "分派單位", "Office", Names.Kind.OFFICE)),
            today -> List.of("COUNT(*)", "SUM(MERGED)"),
            List.of(new ReportColumn("reports", "通報件數", "Reports", ColumnType.COUNT),
                new ReportColumn("merged", "併案件數", "Merged into a case", ColumnType.COUNT),
                new ReportColumn("mergedShare", "併案比例", "Share merged", ColumnType.PERCENT)),
            (v, raw, clock) -> Arrays.asList(count(v[0]), count(v[1]), share(v[1], v[0])));

    /**
     * Dispatch decisions (派案): per rule-set version, basis and office, how many went to the manual queue or were made by hand, and the time from receipt to dispatch.
     */
    public static final Definition DISPATCH_DECISIONS = new Definition("dispatch-decisions",
            "派案決定統計",
            "Dispatch decisions",
            "派案決定件數，可依月份、分派規則版本、依據、分派單位、案件類型及行政區分組；列出進入人工分派佇列及人工分派的件數，以及從受理到派案的平均與最長分鐘數（僅計受案時或自人工佇列派出的決定）。",
            "Dispatch decisions by month, rule-set version, basis, office, case type and district: how many went to the manual dispatch queue or were made by hand, and the mean and longest minutes from receipt to dispatch (decisions at intake or out of the manual queue).",
            "RPT_DISPATCH", "DECIDED_DAY", null,
            List.of(month("DECIDED_DAY"),
                new Dimension("ruleSetVersion", "RULE_SET_VERSION", "規則版本", "Rule-set version", ColumnType.INTEGER, null),
                text("basis", "BASIS", "派案依據", "Basis", Names.Kind.BASIS),
                text("office", "OFFICE", "分派單位", "Office", Names.Kind.OFFICE),
                text("caseType", "CASE_TYPE", "案件類型", "Case type", Names.Kind.CASE_TYPE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT)),
            today -> List.of("COUNT(*)", "SUM(MANUAL_QUEUE)", "SUM(CASE WHEN BASIS = 'BY_HAND' THEN 1 ELSE 0 END)",
                "AVG(CASE WHEN RECEIVED_AT IS NOT NULL THEN CAST(DECIDED_AT - RECEIVED_AT AS FLOAT) / 60000.0 END)",
                "MAX(CASE WHEN RECEIVED_AT IS NOT NULL THEN (DECIDED_AT - RECEIVED_AT) / 60000 END)"),
            List.of(new ReportColumn("decisions", "派案決定數", "Decisions", ColumnType.COUNT),
                new ReportColumn("toManualQueue", "進入人工分派佇列", "To the manual queue", ColumnType.COUNT),
                new ReportColumn("byHand", "人工分派", "By hand", ColumnType.COUNT),
                new ReportColumn("meanMinutes", "受理至派案平均分鐘", "Mean minutes from receipt", ColumnType.DECIMAL),
                new ReportColumn("maxMinutes", "受理至派案最長分鐘", "Longest minutes from receipt", ColumnType.INTEGER)),
            (v, raw, clock) -> Arrays.asList(count(v[0]), count(v[1]), count(v[2]), raw[3] instanceof Number n ? n.doubleValue() : null, raw[4] instanceof Number m ? m.longValue() : null));

    /**
     * The manual dispatch queue (人工分派佇列) today: cases no rule placed, waiting for a dispatcher, and how long the oldest waits.
     */
    public static final Definition MANUAL_QUEUE = new Definition("manual-queue",
            "人工分派佇列",
            "Manual dispatch queue",
            "目前在人工分派佇列中等待派案的案件（無適用分派規則），依案件類型、行政區或服務別分組，並列出最久等待天數。",
            "Cases waiting in the manual dispatch queue now (no dispatch rule matched), by case type, district or service line, "
                + "with the longest wait in days.",
            "RPT_CASE", null, "MANUAL_QUEUE = 1",
            List.of(text("caseType", "CASE_TYPE", "案件類型", "Case type", Names.Kind.CASE_TYPE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT),
                text("serviceLine", "SERVICE_LINE", "服務別", "Service line", Names.Kind.SERVICE_LINE)),
            today -> List.of("COUNT(*)", "MIN(QUEUED_AT)"),
            List.of(new ReportColumn("waiting", "等待派案件數", "Waiting", ColumnType.COUNT),
                new ReportColumn("longestWaitDays", "最久等待天數", "Longest wait (days)", ColumnType.INTEGER)),
            (v, raw, clock) -> {
                Long days = raw[1] instanceof Number oldest ? (clock.millis() - oldest.longValue()) / DAY_MS : null;
                return Arrays.asList(count(v[0]), days);
            });

    /**
     * Disputed dispatch decisions (派案爭議) and whether the coordination meeting resolved them.
     */
    public static final Definition DISPUTES = new Definition("dispatch-disputes",
            "派案爭議統計",
            "Dispatch disputes",
            "派案爭議件數及其結果（已於協調會議解決或仍待處理），可依月份、原分派單位及改派單位分組。",
            "Disputed dispatch decisions and their outcome (resolved at the coordination meeting or still open), by month, office disputed and office re-dispatched to.",
            "RPT_DISPUTE", "DISPUTED_DAY", null,
            List.of(month("DISPUTED_DAY"),
                text("fromOffice", "FROM_OFFICE", "原分派單位", "Office disputed", Names.Kind.OFFICE),
                text("toOffice", "TO_OFFICE", "改派單位", "Re-dispatched to", Names.Kind.OFFICE)),
            today -> List.of("COUNT(*)", "SUM(CASE WHEN RESOLVED_DAY IS NULL THEN 0 ELSE 1 END)"),
            List.of(new ReportColumn("disputes", "爭議件數", "Disputes", ColumnType.COUNT),
                new ReportColumn("resolved", "已於協調會議解決", "Resolved", ColumnType.COUNT),
                new ReportColumn("open", "待協調", "Open", ColumnType.COUNT)),
            (v, raw, clock) -> List.of(count(v[0]), count(v[1]), count(v[0] - v[1])));

    /**
     * Transfers (轉案) between child protection and fragile-family service, per direction and month.
     */
    public static final Definition TRANSFERS = new Definition("transfers",
            "兒少保護與脆弱家庭轉案統計",
            "Transfers between services",
            "兒少保護與脆弱家庭服務之間的轉案件數，可依月份、方向、理由、原分派單位及行政區分組。",
            "Transfers between child protection and fragile-family service by month, direction, ground, office before the transfer and district.",
            "RPT_TRANSFER", "TRANSFER_DAY", null,
            List.of(month("TRANSFER_DAY"),
                text("direction", "DIRECTION", "方向", "Direction", Names.Kind.DIRECTION),
                text("ground", "GROUND", "轉案理由", "Ground", Names.Kind.GROUND),
                text("fromOffice", "FROM_OFFICE", "原分派單位", "Office before", Names.Kind.OFFICE),
                text("district", "DISTRICT", "行政區", "District", Names.Kind.DISTRICT)),
            today -> List.of("COUNT(*)", "SUM(CASE WHEN DIRECTION = 'CP_TO_FF' THEN 1 ELSE 0 END)", "SUM(CASE WHEN DIRECTION = 'FF_TO_CP' THEN 1 ELSE 0 END)"),
            List.of(new ReportColumn("transfers", "轉案件數", "Transfers", ColumnType.COUNT),
                new ReportColumn("cpToFf", "兒少保護轉脆弱家庭", "Child protection to fragile family", ColumnType.COUNT),
                new ReportColumn("ffToCp", "脆弱家庭轉兒少保護", "Fragile family to child protection", ColumnType.COUNT)),
            (v, raw, clock) -> List.of(count(v[0]), count(v[1]), count(v[2])));

    /**
     * Investigation follow-ups (the 10-day rule, 10日內補送調查報告): those due in the period per office, completed on
     * time or late, overdue today, and still open but not yet due.
     */
    public static final Definition FOLLOW_UPS = new Definition("follow-ups",
            "調查追蹤（10日補送）統計",
            "Investigation follow-ups (10-day rule)",
            "尚無法確認受虐的調查須於10日內補送調查報告。依分派單位（或到期月份）列出期間內到期的件數、準時完成、逾期完成、今日已逾期及尚未到期的件數。",
            "An investigation that cannot yet confirm maltreatment owes a further report within 10 days. Per office (or due month): "
                + "follow-ups due in the period, completed on time, completed late, overdue today, and open but not yet due.",
            "RPT_FOLLOW_UP", "DUE_DAY", null,
            List.of(text("office", "OFFICE", "分派單位", "Office", Names.Kind.OFFICE), month("DUE_DAY")),
            today -> {
                // today comes from the clock as a LocalDate: a constant, never user input
                String t = "DATE('" + today + "')";
                return List.of("COUNT(*)",
                        "SUM(CASE WHEN COMPLETED_DAY IS NOT NULL AND COMPLETED_DAY <= DUE_DAY THEN 1 ELSE 0 END)",
                        "SUM(CASE WHEN COMPLETED_DAY IS NOT NULL AND COMPLETED_DAY > DUE_DAY THEN 1 ELSE 0 END)",
                        "SUM(CASE WHEN COMPLETED_DAY IS NULL AND DUE_DAY < " + t + " THEN 1 ELSE 0 END)",
                        "SUM(CASE WHEN COMPLETED_DAY IS NULL AND DUE_DAY >= " + t + " THEN 1 ELSE 0 END)");
            },
            List.of(new ReportColumn("due", "期間內到期", "Due in the period", ColumnType.COUNT),
                new ReportColumn("onTime", "準時完成", "Completed on time", ColumnType.COUNT),
                new ReportColumn("late", "逾期完成", "Completed late", ColumnType.COUNT),
                new ReportColumn("overdue", "已逾期未完成", "Overdue", ColumnType.COUNT),
                new ReportColumn("open", "未到期", "Open, not yet due", ColumnType.COUNT),
                new ReportColumn("overdueShare", "逾期比例", "Share overdue or late", ColumnType.PERCENT)),
            (v, raw, clock) -> Arrays.asList(count(v[0]), count(v[1]), count(v[2]), count(v[3]), count(v[4]), share(v[2] + v[3], v[0])));

    /**
     * Caseloads (社工案量) now: open, dispatched cases per office and per worker they are assigned to (CASE_ASSIGNED
     * events), and those without a worker. A case leaves the count when a closing disposition is recorded.
     */
    public static final Definition CASELOADS = new Definition("caseloads",
            "社工案量",
            "Caseloads",
            "目前承辦中的案件（已派案、未結案），依承辦單位及分派的社工分組，並列出尚未分派社工的件數。資料來自受案系統的分派事件。",
            "Open, dispatched cases now, by office and by the worker they are assigned to, with those not yet assigned to a worker. "
                + "Counted from the intake assignment events.",
            "RPT_CASE", null, "MANUAL_QUEUE = 0 AND (CLOSED IS NULL OR CLOSED = 0)",
            List.of(text("office", "OFFICE", "承辦單位", "Office", Names.Kind.OFFICE),
                new Dimension("worker", "COALESCE(WORKER, '')", "社工", "Worker", ColumnType.TEXT, null)),
            today -> List.of("COUNT(*)", "SUM(CASE WHEN WORKER IS NULL THEN 1 ELSE 0 END)"),
            List.of(new ReportColumn("openCases", "承辦中案件", "Open cases", ColumnType.COUNT),
                new ReportColumn("unassigned", "未分派社工", "Without a worker", ColumnType.COUNT)),
            (v, raw, clock) -> List.of(count(v[0]), count(v[1])));

    /** Every definition, in the order the reports are registered. */
    public static final List<Definition> ALL = List.of(INTAKE_VOLUME, DISPATCH_DECISIONS, MANUAL_QUEUE, DISPUTES, TRANSFERS, FOLLOW_UPS,
            CASELOADS);

    private final List<ServiceRegistration<Report>> registrations = new ArrayList<>();

    @Activate
    public FactReports(BundleContext context, @Reference FactStore store, @Reference RegionService regions, @Reference Names names) {
        for (Definition d : ALL) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Report.REPORT_PROPERTY, d.id());
            registrations.add(context.registerService(Report.class, new AggregateReport(store, regions, names, Clock.systemUTC(), d), props));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Report> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        registrations.clear();
    }
}
