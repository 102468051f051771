package org.safenest.allocation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safenest.allocation.support.AllocationIndex;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.PhaseInPlan;
import org.safenest.api.allocation.PhaseInStage;
import org.safenest.api.allocation.PhaseInStagePlan;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.StageTransition;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.allocation.UnservedUnit;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;

/**
 * Phase-in plans: stages computed one after another. A stage's strategy sees the stage's units only, with the stage's
 * staffing, and the previous stage's teams (cut to the stage's units) as the current assignment; the first stage starts
 * from the region's current assignment. Each stage's plan is then measured like any plan, over every unit of the region
 * against the region's current assignment, the units outside the stage unserved for {@link UnservedReason#SCOPE}. The
 * move from the previous stage is costed as continuity is: units served before whose set of operators changes (or that
 * lose their team), with their cases; units newly served change no operator.
 */
public final class PhaseIns {

    /** The share of Hong Kong's units regularised first in the HKCSS phasing: about 780 of 1,040. */
    static final double HKCSS_FIRST_SHARE = 780.0 / 1040.0;

    private PhaseIns() {
    }

    /** Computes the stages; {@link InvalidInputException} naming {@code stages[i]...} for a wrong stage. */
    public static PhaseInPlan compute(AllocationInput base, String name, List<PhaseInStage> stages, Map<String, AllocationStrategy> installed,
            List<String> notes) {
        if (stages == null || stages.isEmpty()) {
            throw new InvalidInputException("stages", "required", "A phase-in has at least one stage");
        }
        AllocationIndex index = new AllocationIndex(base);
        List<AllocationStrategy> strategies = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            PhaseInStage s = stages.get(i);
            if (s == null || s.run() == null || s.run().strategy() == null || s.run().strategy().isBlank()) {
                throw new InvalidInputException("stages[" + i + "].run.strategy", "required", "Each stage names a strategy");
            }
            AllocationStrategy st = installed.get(s.run().strategy());
            if (st == null) {
                throw new NotFoundException("strategy", s.run().strategy());
            }
            for (String u : s.units()) {
                if (!index.has(u)) {
                    throw new InvalidInputException("stages[" + i + "].units", "unknown-unit", "The region has no unit '" + u + "'");
                }
            }
            strategies.add(st);
        }
        List<PhaseInStagePlan> result = new ArrayList<>();
        List<Team> previous = base.currentTeams();
        for (int i = 0; i < stages.size(); i++) {
            PhaseInStage stage = stages.get(i);
            Set<String> scope = stage.units().isEmpty() ? null : new HashSet<>(stage.units());
            Staffing staffing = stage.staffing() == null ? base.staffing() : stage.staffing();
            AllocationInput stageInput = restrict(base, scope, previous, staffing);
            AllocationPlan raw = strategies.get(i).plan(stageInput, stage.run().parameters());
            if (raw == null) {
                throw new IllegalStateException("Strategy '" + stage.run().strategy() + "' returned no plan");
            }
            AllocationInput full = withStaffing(base, staffing, base.currentTeams());
            List<UnservedUnit> reasons = new ArrayList<>(raw.unservedReasons());
            if (scope != null) {
                for (AllocationUnit u : base.units()) {
                    if (!scope.contains(u.code())) {
                        reasons.add(new UnservedUnit(u.code(), u.preschool().district(), UnservedReason.SCOPE,
                                "outside stage '" + stage.name() + "'"));
                    }
                }
            }
            List<String> stageNotes = new ArrayList<>();
            if (base.synthetic()) {
                stageNotes.add(AllocationServiceImpl.SYNTHETIC_NOTE);
            }
            if (base.catchmentsSynthetic()) {
                stageNotes.add(AllocationServiceImpl.SYNTHETIC_CATCHMENTS_NOTE);
            }
            stageNotes.addAll(raw.notes());
            AllocationPlan plan = PlanMeasures.measure(full, new AllocationPlan(stage.run().strategy(), stage.run().parameters(), raw.teams(),
                    raw.unservedUnits(), null, raw.synthetic() || base.synthetic(), stageNotes,
                    raw.computedAt() == null ? Instant.now() : raw.computedAt(), reasons));
            List<String> withCoverage = new ArrayList<>(plan.notes());
            withCoverage.add(Math.min(withCoverage.size(), (base.synthetic() ? 1 : 0) + (base.catchmentsSynthetic() ? 1 : 0)),
                    PlanMeasures.coverageNote(full, plan.metrics()));
            plan = new AllocationPlan(plan.strategy(), plan.parameters(), plan.teams(), plan.unservedUnits(), plan.metrics(), plan.synthetic(),
                    withCoverage, plan.computedAt(), plan.unservedReasons());
            result.add(new PhaseInStagePlan(stage.name(), scope == null ? base.units().size() : scope.size(), staffing, plan,
                    transition(base, previous, plan.teams())));
            previous = plan.teams();
        }
        return new PhaseInPlan(base.region(), name, result, base.synthetic(), notes, Instant.now());
    }

    /** The cost of moving from the teams {@code before} to the teams {@code after}, over the input's units. */
    public static StageTransition transition(AllocationInput base, List<Team> before, List<Team> after) {
        PlanMetrics m = PlanMeasures.metrics(withStaffing(base, base.staffing(), before), after);
        Set<String> servedBefore = new HashSet<>();
        before.forEach(t -> servedBefore.addAll(t.units()));
        int added = 0;
        for (Team t : after) {
            for (String u : t.units()) {
                added += servedBefore.contains(u) ? 0 : 1;
            }
        }
        return new StageTransition(m.unitsChangingOperator(), m.casesAffected(), added, m.affectedUnits());
    }

    /** The input cut to the units in scope (null: all), the teams cut to them (teams left with none dropped). */
    static AllocationInput restrict(AllocationInput base, Set<String> scope, List<Team> teams, Staffing staffing) {
        if (scope == null) {
            return withStaffing(base, staffing, teams);
        }
        List<AllocationUnit> units = base.units().stream().filter(u -> scope.contains(u.code())).toList();
        List<Team> cut = new ArrayList<>();
        for (Team t : teams) {
            List<String> kept = t.units().stream().filter(scope::contains).toList();
            if (!kept.isEmpty()) {
                cut.add(new Team(t.id(), t.operators(), t.kind(), kept, t.base()));
            }
        }
        Map<String, String> catchments = new HashMap<>();
        base.catchments().forEach((u, c) -> {
            if (scope.contains(u)) {
                catchments.put(u, c);
            }
        });
        return new AllocationInput(base.region(), units, base.operators(), cut, staffing, base.indicators(), catchments,
                base.synthetic(), base.catchmentsSynthetic());
    }

    private static AllocationInput withStaffing(AllocationInput base, Staffing staffing, List<Team> current) {
        return new AllocationInput(base.region(), base.units(), base.operators(), current, staffing, base.indicators(), base.catchments(),
                base.synthetic(), base.catchmentsSynthetic());
    }

    /**
     * The HKCSS phasing (2022-10-07): stage 1, the regularised units (about 780 of 1,040: here the units served now and
     * the unserved units nearest to a current team's base, up to that share), allocated by {@code hkcss} with new half
     * teams kept as half teams; stage 2, every unit (about 300 of them non-subsidised), {@code hkcss} growing new half
     * teams into full teams in pairs.
     */
    public static List<PhaseInStage> hkcssStages(AllocationInput base) {
        AllocationIndex index = new AllocationIndex(base);
        Set<String> first = new LinkedHashSet<>();
        base.units().stream().filter(u -> index.servedNow(u.code())).forEach(u -> first.add(u.code()));
        int target = (int) Math.round(HKCSS_FIRST_SHARE * base.units().size());
        List<AllocationUnit> unserved = new ArrayList<>(index.unservedNow());
        Map<String, Double> km = new HashMap<>();
        for (AllocationUnit u : unserved) {
            double best = Double.MAX_VALUE;
            for (Team t : base.currentTeams()) {
                if (t.base() != null) {
                    best = Math.min(best, t.base().distanceKm(u.preschool().location()));
                }
            }
            km.put(u.code(), best);
        }
        unserved.sort(Comparator.comparingDouble((AllocationUnit u) -> km.get(u.code())).thenComparing(AllocationUnit::code));
        for (AllocationUnit u : unserved) {
            if (first.size() >= target) {
                break;
            }
            first.add(u.code());
        }
        return List.of(
                new PhaseInStage("1. Regularised units (" + first.size() + "): teams keep their units, half teams for the rest",
                        List.copyOf(first), null, new StrategyRun("hkcss", Map.of("stage", "all", "grow-to-full", "false"))),
                new PhaseInStage("2. All " + base.units().size() + " units, the non-subsidised included: half teams grown into full teams",
                        List.of(), null, new StrategyRun("hkcss", Map.of("stage", "all", "grow-to-full", "true"))));
    }

    /** What the HKCSS example assumes, for its notes. */
    public static List<String> hkcssNotes(List<PhaseInStage> stages, int units) {
        return List.of("The HKCSS phasing (2022-10-07): half teams as a phase, first the regularised units, then every kindergarten "
                + "(including about 300 non-subsidised ones), half teams grown into full teams in stages.",
                "SYNTHETIC SCOPE: which units are regularised is not in the region's files; stage 1 takes the units served now and "
                        + "the unserved units nearest to a current team, " + stages.get(0).units().size() + " of " + units + " ("
                        + Math.round(HKCSS_FIRST_SHARE * 100) + "%, the paper's 780 of 1,040).");
    }
}
