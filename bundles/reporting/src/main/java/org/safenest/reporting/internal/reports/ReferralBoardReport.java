package org.safenest.reporting.internal.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.referral.FollowUpStatus;
import org.safenest.api.referral.MeetingStatus;
import org.safenest.api.referral.ReferralBoard;
import org.safenest.api.referral.ReferralDecision;
import org.safenest.api.referral.ReferralMeeting;
import org.safenest.api.referral.ReferralOutcome;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportLabel;
import org.safenest.api.reporting.ReportParameter;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

/**
 * The referral board (轉介溝通平台) per meeting: proposals on the agenda, whether the meeting was held, decisions by
 * outcome and decisions not yet carried out. Read through the {@link ReferralBoard} service (as reporting's own
 * identity, limited to the region; only counts leave this class), never through its tables.
 */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=referral-board")
public class ReferralBoardReport implements Report {

    public static final String ID = "referral-board";
    /** The identity reporting reads the board as; the board's audit names it. */
    static final String READER = "system:reporting";

    private static final Map<String, ReportLabel> STATUS = Map.of(
            MeetingStatus.SCHEDULED.name(), new ReportLabel("尚未召開", "Scheduled"),
            MeetingStatus.HELD.name(), new ReportLabel("已召開", "Held"),
            MeetingStatus.NOT_HELD.name(), new ReportLabel("未召開（無提案）", "Not held (no proposals)"));

    private final ReferralBoard board;
    private final Clock clock;

    @Activate
    public ReferralBoardReport(@Reference ReferralBoard board) {
        this(board, Clock.systemUTC());
    }

    public ReferralBoardReport(ReferralBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "轉介溝通平台會議統計";
    }

    @Override
    public String titleEn() {
        return "Referral board meetings";
    }

    @Override
    public String descriptionZh() {
        return "期間內每次轉介溝通平台會議：是否召開、提案數、各決議結果的件數，以及決議後尚未執行（轉案未完成）的件數。";
    }

    @Override
    public String descriptionEn() {
        return "Each referral board meeting in the period: whether it was held, proposals on its agenda, decisions by outcome, "
                + "and decisions not yet carried out (a transfer still pending).";
    }

    @Override
    public List<String> groupings() {
        return List.of("meeting");
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of();
    }

    @Override
    public ReportTable compute(ReportRequest request) {
        for (String g : request.grouping()) {
            if (!"meeting".equals(g)) {
                throw new InvalidInputException("group", "unknown-grouping", "Report '" + ID + "' groups by meeting only");
            }
        }
        Caller reader = new Caller(READER, Set.of(Role.SUPERVISOR), Set.of(request.region()));
        List<ReferralMeeting> meetings = board.meetings(reader, request.region(), request.from(), request.to());
        List<ReportColumn> columns = List.of(
                new ReportColumn("meeting", "會議日期", "Meeting", ColumnType.DATE),
                new ReportColumn("status", "狀態", "Status", ColumnType.TEXT),
                new ReportColumn("proposals", "提案數", "Proposals", ColumnType.COUNT),
                new ReportColumn("decided", "已決議", "Decided", ColumnType.COUNT),
                new ReportColumn("ffKeeps", "脆弱家庭續處", "Fragile family keeps", ColumnType.COUNT),
                new ReportColumn("cpTakes", "兒少保護接案", "Child protection takes", ColumnType.COUNT),
                new ReportColumn("joint", "共同服務", "Joint service", ColumnType.COUNT),
                new ReportColumn("other", "其他", "Other", ColumnType.COUNT),
                new ReportColumn("notCarriedOut", "決議尚未執行", "Not yet carried out", ColumnType.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        for (ReferralMeeting m : meetings) {
            Map<ReferralOutcome, Long> outcomes = new EnumMap<>(ReferralOutcome.class);
            long decided = 0;
            long pending = 0;
            for (SubmittedProposal p : m.agenda()) {
                ReferralDecision d = p.decision();
                if (d == null) {
                    continue;
                }
                decided++;
                outcomes.merge(d.outcome(), 1L, Long::sum);
                if (d.followUp() == FollowUpStatus.PENDING) {
                    pending++;
                }
            }
            rows.add(List.of(m.date(), m.status().name(), (long) m.agenda().size(), decided,
                    outcomes.getOrDefault(ReferralOutcome.FF_KEEPS, 0L), outcomes.getOrDefault(ReferralOutcome.CP_TAKES, 0L),
                    outcomes.getOrDefault(ReferralOutcome.JOINT, 0L), outcomes.getOrDefault(ReferralOutcome.OTHER, 0L), pending));
        }
        Map<String, Map<String, ReportLabel>> labels = new LinkedHashMap<>();
        labels.put("status", STATUS);
        return new ReportTable(ID, request, columns, rows, List.of(), labels, Instant.now(clock));
    }
}
