package org.safenest.reporting.internal.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.DistrictLoad;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.StrategyDescription;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.allocation.UnservedReason;
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
 * Allocation plans side by side (社工團隊配置方案比較): continuity (kindergartens changing operator and the cases that
 * follow), workload per worker, hot-spot districts and unserved kindergartens; grouped by plan or by plan and
 * district. Reads the {@link AllocationService}: stored plans named in {@code plans}, or fresh plans of the
 * strategies named in {@code strategies}; without either, the adopted plan and the latest plan of every other
 * strategy, or, when none is stored yet, a fresh plan of every installed strategy.
 */
@Component(service = Report.class, property = Report.REPORT_PROPERTY + "=allocation-plans")
public class AllocationPlansReport implements Report {

    public static final String ID = "allocation-plans";
    public static final String PLANS = "plans";
    public static final String STRATEGIES = "strategies";

    private record Compared(String key, String strategy, String status, AllocationPlan plan) {
    }

    private final AllocationService allocation;
    private final RegionService regions;
    private final Names names;
    private final Clock clock;

    @Activate
    public AllocationPlansReport(@Reference AllocationService allocation, @Reference RegionService regions, @Reference Names names) {
        this(allocation, regions, names, Clock.systemUTC());
    }

    public AllocationPlansReport(AllocationService allocation, RegionService regions, Names names, Clock clock) {
        this.allocation = allocation;
        this.regions = regions;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "社工團隊配置方案比較";
    }

    @Override
    public String titleEn() {
        return "Allocation plans compared";
    }

    @Override
    public String descriptionZh() {
        return "並列比較社工團隊配置方案：服務延續性（更換營運機構的幼稚園及受影響個案數）、每名社工負責的學童數、超過比例的熱點地區及未獲服務的幼稚園。可依方案或依方案及地區分組。";
    }

    @Override
    public String descriptionEn() {
        return "Allocation plans side by side: continuity (kindergartens changing operator and the cases affected), pupils per "
                + "worker, hot-spot districts over the ratio and unserved kindergartens; by plan, or by plan and district.";
    }

    @Override
    public List<String> groupings() {
        return List.of("plan", "district");
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(
                new ReportParameter(PLANS, "方案編號（以逗號分隔）", "Plan ids (comma-separated)", false, null),
                new ReportParameter(STRATEGIES, "策略（以逗號分隔，即時計算）", "Strategies (comma-separated, computed now)", false, null));
    }

    @Override
    public boolean appliesTo(String region) {
        return regions.region(region).map(r -> r.counts().preschools() > 0).orElse(false);
    }

    @Override
    public ReportTable compute(ReportRequest request) {
        String region = request.region();
        boolean byDistrict = false;
        for (String g : request.grouping()) {
            if ("district".equals(g)) {
                byDistrict = true;
            } else if (!"plan".equals(g)) {
                throw new InvalidInputException("group", "unknown-grouping", "Report '" + ID + "' groups by plan or district");
            }
        }
        List<Compared> plans = plans(region, request.parameters());
        List<ReportColumn> columns = new ArrayList<>();
        columns.add(new ReportColumn("plan", "方案", "Plan", ColumnType.TEXT));
        columns.add(new ReportColumn("strategy", "策略", "Strategy", ColumnType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        Set<String> districts = new HashSet<>();
        if (!byDistrict) {
            columns.add(new ReportColumn("status", "狀態", "Status", ColumnType.TEXT));
            columns.add(new ReportColumn("unitsChangingOperator", "更換營運機構的幼稚園", "Kindergartens changing operator", ColumnType.INTEGER));
            columns.add(new ReportColumn("casesAffected", "受影響個案", "Cases affected", ColumnType.COUNT));
            columns.add(new ReportColumn("pupilsPerWorkerMax", "每名社工學童數（最高）", "Pupils per worker (max)", ColumnType.DECIMAL));
            columns.add(new ReportColumn("pupilsPerWorkerSpread", "每名社工學童數（差距）", "Pupils per worker (spread)", ColumnType.DECIMAL));
            columns.add(new ReportColumn("teamsOverRatio", "超過比例的團隊", "Teams over the ratio", ColumnType.INTEGER));
            columns.add(new ReportColumn("hotSpotDistricts", "熱點地區", "Hot-spot districts", ColumnType.INTEGER));
            columns.add(new ReportColumn("unservedUnits", "未獲服務的幼稚園", "Unserved kindergartens", ColumnType.INTEGER));
            columns.add(new ReportColumn("unservedWhy", "未獲服務原因", "Why unserved", ColumnType.TEXT));
            columns.add(new ReportColumn("workers", "社工人數", "Workers", ColumnType.INTEGER));
            columns.add(new ReportColumn("travelKmMean", "平均交通距離（公里）", "Mean travel (km)", ColumnType.DECIMAL));
            for (Compared c : plans) {
                PlanMetrics m = c.plan().metrics();
                long hotSpots = m.districts().stream().filter(DistrictLoad::overRatio).count();
                rows.add(Arrays.asList(c.key(), c.strategy(), c.status(), (long) m.unitsChangingOperator(), (long) m.casesAffected(),
                        m.pupilsPerWorkerMax(), m.pupilsPerWorkerSpread(), (long) m.teamsOverRatio(), hotSpots,
                        (long) m.unservedUnits(), unservedWhy(m), (long) m.workers(), m.travelKmMean()));
            }
        } else {
            columns.add(new ReportColumn("district", "地區", "District", ColumnType.TEXT));
            columns.add(new ReportColumn("units", "幼稚園", "Kindergartens", ColumnType.INTEGER));
            columns.add(new ReportColumn("unservedUnits", "未獲服務", "Unserved", ColumnType.INTEGER));
            columns.add(new ReportColumn("pupils", "學童", "Pupils", ColumnType.INTEGER));
            columns.add(new ReportColumn("workers", "社工人力", "Workers", ColumnType.DECIMAL));
            columns.add(new ReportColumn("pupilsPerWorker", "每名社工學童數", "Pupils per worker", ColumnType.DECIMAL));
            columns.add(new ReportColumn("overRatio", "熱點（超過比例）", "Hot spot (over the ratio)", ColumnType.TEXT));
            for (Compared c : plans) {
                for (DistrictLoad d : c.plan().metrics().districts()) {
                    districts.add(d.district());
                    rows.add(Arrays.asList(c.key(), c.strategy(), d.district(), (long) d.units(), (long) d.unservedUnits(),
                            (long) d.pupils(), d.workers(), d.pupilsPerWorker(), d.overRatio() ? "yes" : "no"));
                }
            }
        }
        Map<String, Map<String, ReportLabel>> labels = new LinkedHashMap<>();
        Map<String, ReportLabel> strategyNames = new LinkedHashMap<>();
        for (StrategyDescription s : allocation.strategies()) {
            strategyNames.put(s.id(), new ReportLabel(s.name(), s.name()));
        }
        labels.put("strategy", strategyNames);
        labels.put("status", Map.of(PlanStatus.ADOPTED.name(), new ReportLabel("已採用", "Adopted"),
                PlanStatus.PROPOSED.name(), new ReportLabel("提議中", "Proposed"),
                PlanStatus.SUPERSEDED.name(), new ReportLabel("已取代", "Superseded"),
                "COMPUTED", new ReportLabel("即時計算", "Computed now")));
        labels.put("overRatio", Map.of("yes", new ReportLabel("是", "Yes"), "no", new ReportLabel("否", "No")));
        if (byDistrict) {
            labels.put("district", names.of(region, Names.Kind.DISTRICT, districts));
        }
        List<ReportNote> notes = new ArrayList<>();
        if (plans.stream().anyMatch(c -> c.plan().synthetic())) {
            notes.add(new ReportNote(ReportNote.SYNTHETIC, "學童及個案數為合成資料（非真實個案），僅供比較方案之用。",
                    "Pupil and case figures are synthetic (no real cases), for comparing plans only."));
        }
        return new ReportTable(ID, request, columns, rows, notes, labels, Instant.now(clock));
    }

    private List<Compared> plans(String region, Map<String, String> parameters) {
        String planIds = parameters.get(PLANS);
        String strategies = parameters.get(STRATEGIES);
        List<Compared> out = new ArrayList<>();
        if (planIds != null && !planIds.isBlank()) {
            for (String id : list(planIds)) {
                StoredPlan p = allocation.plan(region, id).orElseThrow(() -> new InvalidInputException(PLANS, "unknown-plan",
                        "No plan '" + id + "' in region '" + region + "'"));
                out.add(new Compared(p.id(), p.plan().strategy(), p.status().name(), p.plan()));
            }
            return out;
        }
        if (strategies == null || strategies.isBlank()) {
            List<StoredPlan> stored = allocation.plans(region);
            Set<String> seen = new HashSet<>();
            stored.stream().filter(p -> p.status() == PlanStatus.ADOPTED).forEach(p -> {
                out.add(new Compared(p.id(), p.plan().strategy(), p.status().name(), p.plan()));
                seen.add(p.plan().strategy());
            });
            stored.stream().filter(p -> p.status() == PlanStatus.PROPOSED)
                    .sorted((a, b) -> b.plan().computedAt().compareTo(a.plan().computedAt()))
                    .filter(p -> seen.add(p.plan().strategy()))
                    .forEach(p -> out.add(new Compared(p.id(), p.plan().strategy(), p.status().name(), p.plan())));
            if (!out.isEmpty()) {
                return out;
            }
        }
        List<StrategyRun> runs = new ArrayList<>();
        List<String> ids = strategies == null || strategies.isBlank()
                ? allocation.strategies().stream().map(StrategyDescription::id).toList() : list(strategies);
        for (String id : ids) {
            runs.add(new StrategyRun(id, Map.of()));
        }
        try {
            for (AllocationPlan p : allocation.compare(region, runs).plans()) {
                out.add(new Compared(p.strategy(), p.strategy(), "COMPUTED", p));
            }
        } catch (NotFoundException e) {
            throw new InvalidInputException(STRATEGIES, "unknown-strategy", e.getMessage());
        }
        return out;
    }

    /** The unserved kindergartens by reason, as {@code capacity 86, distance 3}; {@code none} when every one is served. */
    static String unservedWhy(PlanMetrics m) {
        StringBuilder b = new StringBuilder();
        for (UnservedReason r : UnservedReason.values()) {
            long n = m.unserved(r);
            if (n > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append(' ').append(n);
            }
        }
        return b.length() == 0 ? (m.unservedUnits() == 0 ? "none" : "not-given " + m.unservedUnits()) : b.toString();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
