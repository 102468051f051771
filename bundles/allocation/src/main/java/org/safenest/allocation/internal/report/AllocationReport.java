package org.safenest.allocation.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.safenest.api.error.SafenestException;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.allocation.PhaseInPlan;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.StoredPlan;

/**
 * What the publishable allocation report holds, gathered once so that the XLSX and the printable page show the same
 * figures: every installed strategy with its defaults side by side (as {@code POST compare} with an empty body), the
 * continuity-balance frontier (as {@code GET frontier}), the HKCSS phase-in (as {@code GET phase-in/hkcss}) and the current
 * assignment with the units' coordinates for the map. A part that cannot be computed (its strategy not installed) is left
 * out with the reason, never invented.
 *
 * @param region          the region
 * @param generatedAt     when
 * @param input           the data the strategies ran on (units, coordinates, current teams)
 * @param assignment      what the current assignment is: the adopted plan, or the initial synthetic pilot
 * @param comparison      the strategies side by side
 * @param frontier        the frontier, or null
 * @param frontierMissing why it is missing, or null
 * @param phaseIn         the HKCSS phasing, or null
 * @param phaseInMissing  why it is missing, or null
 */
public record AllocationReport(String region, Instant generatedAt, AllocationInput input, String assignment, PlanComparison comparison,
        Frontier frontier, String frontierMissing, PhaseInPlan phaseIn, String phaseInMissing) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The statement every part of the report carries. */
    public static final String SYNTHETIC_EN = "SYNTHETIC DATA: pupil numbers, cases in service, the operators and the current "
            + "assignment of teams are generated (fixed seed, calibrated on the pilot's published figures), not real; the "
            + "kindergartens, their districts and coordinates are real public data.";
    public static final String SYNTHETIC_ZH = "合成數據：學生人數、服務中個案、營辦機構及現時隊伍分配均為生成數據（固定種子，按試驗計劃公布的數字校準），並非真實資料；"
            + "幼稚園、所屬地區及座標為真實公開資料。";

    /** A term of the report, in both languages, and what it means. */
    public record Term(String en, String zh, String meaning) {
    }

    /** What each figure means (the explanation sheet and the printable page's glossary). */
    public static final List<Term> TERMS = List.of(
            new Term("units changing operator", "轉換營辦機構的單位", "Units served now whose set of operators differs under the plan "
                    + "(another operator, a consortium member more or less, a team to be tendered, or no team). A unit unserved now "
                    + "that gains a team is not counted: no family is in service there."),
            new Term("cases affected", "受影響個案", "Cases in service at those units: the families to consult and inform before a change."),
            new Term("teams", "隊伍", "Teams in the plan: full teams (16 units, 8 workers, 1 supervisor) and half teams (8 units, 4 workers)."),
            new Term("complete / incomplete teams", "完整／不完整隊伍", "Teams serving at least the units their kind is staffed for, and those serving fewer."),
            new Term("unserved units", "未獲服務的單位", "Units no team serves, with the reason the strategy gave: capacity (no room or too few "
                    + "workers), distance (beyond the strategy's reach), cost (the optimiser's weights make leaving it cheaper), "
                    + "scope (outside a phase-in stage), not given."),
            new Term("pupils per worker", "每名社工對學生人數", "A team's units' pupils divided by its workers: max, min and spread (max - min) "
                    + "over the teams; teams over ratio exceed the region's 400 pupils per worker."),
            new Term("workers", "社工人數", "The workers of all the plan's teams, by their kinds."),
            new Term("travel km", "路程（公里）", "Great-circle distance from a team's base to each unit it serves: mean over served units, and max."),
            new Term("hot-spot districts", "熱點地區", "Districts whose pupils per worker (each team's workers shared among its districts by pupils) exceed the ratio."),
            new Term("imbalance", "工作量不均", "The sum over teams of n^2/s (n units served, s units staffed for): smallest when every team "
                    + "serves units in proportion to its staffing."),
            new Term("frontier", "延續性與均衡的取捨", "The optimal strategy run with continuity weight 1 and a range of balance weights: each "
                    + "point is the exact optimum for its weights; the other strategies are shown beside them as points."),
            new Term("phase-in", "分階段推行", "The HKCSS phasing: stage 1 the regularised units with half teams, stage 2 every unit with "
                    + "half teams grown into full teams; each stage measured against today, and the move between stages costed."),
            new Term("map", "地圖", "Each unit drawn at its coordinates (longitude scaled by the cosine of the latitude), coloured by the team "
                    + "that serves it under the current assignment; squares are team bases, grey crosses unserved units."),
            new Term("synthetic", "合成數據", SYNTHETIC_EN));

    /** Gathers the report's parts from the service. */
    public static AllocationReport collect(AllocationService allocation, String region) {
        AllocationInput input = allocation.input(region);
        Optional<StoredPlan> adopted = allocation.current(region);
        String assignment = adopted.map(p -> "adopted plan " + p.id() + " (" + p.plan().strategy() + ", adopted " + p.adoptedAt() + ")")
                .orElse("the initial assignment (synthetic pilot)");
        PlanComparison comparison = allocation.compare(region, List.of());
        Frontier frontier = null;
        String frontierMissing = null;
        try {
            frontier = allocation.frontier(region, List.of());
        } catch (SafenestException e) {
            frontierMissing = e.getMessage();
        }
        PhaseInPlan phaseIn = null;
        String phaseInMissing = null;
        try {
            phaseIn = allocation.hkcssPhaseIn(region);
        } catch (SafenestException e) {
            phaseInMissing = e.getMessage();
        }
        return new AllocationReport(region, Instant.now(), input, assignment, comparison, frontier, frontierMissing, phaseIn, phaseInMissing);
    }

    /** The phase-in as rows under {@link #PHASE_IN_HEADER}. */
    public List<List<Object>> phaseInRows() {
        List<List<Object>> rows = new ArrayList<>();
        if (phaseIn == null) {
            return rows;
        }
        for (var s : phaseIn.stages()) {
            var m = s.plan().metrics();
            var t = s.fromPrevious();
            List<Object> row = new ArrayList<>(List.of(s.name(), s.unitsInScope(), m.teams().size(), m.workers(), m.unitsChangingOperator(),
                    m.casesAffected(), m.unservedUnits(), m.pupilsPerWorkerSpread()));
            row.add(t == null ? "" : t.unitsChangingOperator());
            row.add(t == null ? "" : t.casesAffected());
            row.add(t == null ? "" : t.unitsAdded());
            rows.add(row);
        }
        return rows;
    }

    public static final List<String> PHASE_IN_HEADER = List.of("stage", "units in scope", "teams", "workers",
            "units changing operator (from today)", "cases affected (from today)", "unserved units", "pupils per worker spread",
            "units changing operator (from previous stage)", "cases affected (from previous stage)", "units added");

    /** A table cell: a number when the text is one, so that spreadsheets can compute with it. */
    static Object cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (text.matches("-?\\d{1,15}")) {
            return Long.parseLong(text);
        }
        if (text.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(text);
        }
        return text;
    }
}
