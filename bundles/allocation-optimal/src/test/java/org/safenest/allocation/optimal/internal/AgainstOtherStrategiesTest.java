package org.safenest.allocation.optimal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.district.internal.DistrictStrategy;
import org.safenest.allocation.hkcss.internal.HkcssStrategy;
import org.safenest.allocation.needs.internal.NeedsWeightedStrategy;
import org.safenest.allocation.retain.internal.RetainStrategy;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.Plans;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;

/** Every strategy's Hong Kong plan scored by the optimiser's objective: the optimiser's is the lowest. */
class AgainstOtherStrategiesTest {

    @Test
    void theOptimiserScoresBestOnHongKong() {
        AllocationInput hk = HongKong.input();
        Objective.Weights w = new Objective.Weights(1, 1, 1, 100);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (AllocationStrategy s : List.of(new RetainStrategy(), new DistrictStrategy(), new HkcssStrategy(), new NeedsWeightedStrategy(),
                new OptimalStrategy())) {
            AllocationPlan plan = Plans.run(s, hk, Map.of());
            Objective.Score score = Objective.score(hk, plan.teams(), w);
            scores.put(s.id(), score.total());
            System.out.printf("%-15s %10.1f  %s  changing=%d cases=%d unserved=%d travelMean=%.2f ppwMax=%.1f spread=%.1f over=%d workers=%d%n", s.id(),
                    score.total(), score, plan.metrics().unitsChangingOperator(), plan.metrics().casesAffected(), plan.metrics().unservedUnits(),
                    plan.metrics().travelKmMean(), plan.metrics().pupilsPerWorkerMax(), plan.metrics().pupilsPerWorkerSpread(),
                    plan.metrics().teamsOverRatio(), plan.metrics().workers());
        }
        double optimal = scores.get("optimal");
        scores.forEach((id, s) -> assertTrue(optimal <= s + 1e-6, "optimal " + optimal + " vs " + id + " " + s));
    }

    @Test
    void theFrontierOnHongKongTradesCasesAffectedForBalance() {
        AllocationInput hk = HongKong.input();
        List<org.safenest.allocation.internal.Frontiers.Computed> points = org.safenest.allocation.internal.Frontiers.compute(hk,
                new OptimalStrategy(), List.of(new RetainStrategy(), new DistrictStrategy(), new HkcssStrategy(), new NeedsWeightedStrategy()),
                List.of());
        for (var c : points) {
            var p = c.point();
            System.out.printf("| %s | %d | %d | %.1f | %.1f | %d |%n", p.label(), p.unitsChangingOperator(), p.casesAffected(), p.imbalance(),
                    p.pupilsPerWorkerSpread(), p.workers());
        }
        // coverage first at every weight; more weight on balance never raises the imbalance of the optimum
        int n = org.safenest.allocation.internal.Frontiers.DEFAULT_GRID.size();
        for (int k = 0; k < n; k++) {
            assertEquals(0, points.get(k).point().unservedUnits(), "unserved at " + k);
            if (k > 0) {
                assertTrue(points.get(k).point().imbalance() <= points.get(k - 1).point().imbalance() + 1e-6, "imbalance at " + k);
            }
        }
    }
}
