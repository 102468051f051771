package org.safenest.reporting.internal.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.allocation.FrontierPoint;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.RegionService;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportLabel;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportParameter;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;

/**
 * The continuity-balance trade-off (配置方案取捨：服務延續性與工作量平衡): the optimiser over a grid of balance weights, each
 * point the exact optimum for its weights, with the other strategies beside it; one row per point, so that the dashboard
 * charts cases affected and workload imbalance point by point. Reads {@link AllocationService#frontier}.
 */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=" + AllocationFrontierReport.ID)
public class AllocationFrontierReport implements Report {

    public static final String ID = "allocation-frontier";
    public static final String BALANCE = "balance";

    private final AllocationService allocation;
    private final RegionService regions;
    private final Clock clock;

    @Activate
    public AllocationFrontierReport(@Reference AllocationService allocation, @Reference RegionService regions) {
        this(allocation, regions, Clock.systemUTC());
    }

    public AllocationFrontierReport(AllocationService allocation, RegionService regions, Clock clock) {
        this.allocation = allocation;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "配置方案取捨：服務延續性與工作量平衡";
    }

    @Override
    public String titleEn() {
        return "Allocation trade-off: continuity and workload balance";
    }

    @Override
    public String descriptionZh() {
        return "以不同的工作量平衡權重計算最佳配置（服務延續性權重為 1），每一點都是該組權重下的最佳解，並列出其他策略作比較：受影響個案數與團隊工作量不均度如何隨權重改變。";
    }

    @Override
    public String descriptionEn() {
        return "The optimal allocation for a range of workload-balance weights (continuity weight 1), each point the exact optimum "
                + "for its weights, with the other strategies beside them: how cases affected and workload imbalance move with the weights.";
    }

    @Override
    public List<String> groupings() {
        return List.of("point");
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter(BALANCE, "平衡權重（以逗號分隔）", "Balance weights (comma-separated)", false, null));
    }

    @Override
    public boolean appliesTo(String region) {
        return regions.region(region).map(r -> r.counts().preschools() > 0).orElse(false);
    }

    @Override
    public ReportTable compute(ReportRequest request) {
        List<Double> weights = new ArrayList<>();
        String given = request.parameters().get(BALANCE);
        if (given != null && !given.isBlank()) {
            for (String w : given.split(",")) {
                try {
                    weights.add(Double.parseDouble(w.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(BALANCE, "not-a-number", "Balance weights are numbers separated by commas");
                }
            }
        }
        Frontier f;
        try {
            f = allocation.frontier(request.region(), weights);
        } catch (NotFoundException e) {
            throw new InvalidInputException(BALANCE, "no-optimiser", e.getMessage());
        }
        List<ReportColumn> columns = List.of(
                new ReportColumn("point", "方案", "Point", ColumnType.TEXT),
                new ReportColumn("kind", "類別", "Kind", ColumnType.TEXT),
                new ReportColumn("casesAffected", "受影響個案", "Cases affected", ColumnType.INTEGER),
                new ReportColumn("imbalance", "工作量不均度（Σn²/s）", "Workload imbalance (sum n²/s)", ColumnType.DECIMAL),
                new ReportColumn("unitsChangingOperator", "更換營運機構的幼稚園", "Kindergartens changing operator", ColumnType.INTEGER),
                new ReportColumn("pupilsPerWorkerSpread", "每名社工學童數（差距）", "Pupils per worker (spread)", ColumnType.DECIMAL),
                new ReportColumn("unservedUnits", "未獲服務的幼稚園", "Unserved kindergartens", ColumnType.INTEGER),
                new ReportColumn("workers", "社工人數", "Workers", ColumnType.INTEGER));
        List<List<Object>> rows = new ArrayList<>();
        for (FrontierPoint p : f.points()) {
            rows.add(Arrays.asList(p.label(), p.optimised() ? "optimised" : "strategy", (long) p.casesAffected(), p.imbalance(),
                    (long) p.unitsChangingOperator(), p.pupilsPerWorkerSpread(), (long) p.unservedUnits(), (long) p.workers()));
        }
        List<ReportNote> notes = new ArrayList<>();
        if (f.synthetic()) {
            notes.add(new ReportNote(ReportNote.SYNTHETIC, "學童及個案數、營運機構及現行配置為合成資料（非真實個案），僅供比較方案之用。",
                    "Pupil and case figures, operators and the current assignment are synthetic (no real cases), for comparing plans only."));
        }
        notes.add(new ReportNote("method", "每個「最佳」點是該平衡權重下目標函數（受影響個案 + 平衡權重 × Σn²/s + 交通距離 + 未獲服務）的精確最小值。",
                "Each optimised point is the exact minimum of cases affected + balance weight x sum(n²/s) + travel km + unserved "
                        + "penalty for its balance weight."));
        return new ReportTable(ID, request, columns, rows, notes, Map.of("kind", Map.of(
                "optimised", new ReportLabel("最佳化（權重）", "Optimised (weights)"), "strategy", new ReportLabel("現有策略", "Strategy"))),
                Instant.now(clock));
    }
}
