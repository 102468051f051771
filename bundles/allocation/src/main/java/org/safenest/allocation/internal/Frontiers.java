package org.safenest.allocation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.allocation.FrontierPoint;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.Team;
import org.safenest.api.error.InvalidInputException;

/**
 * The continuity-balance frontier: the optimiser ({@code optimal}) over a grid of balance weights with the continuity
 * weight fixed at 1 (only the ratio matters; travel keeps its default, 1 per km; unserved is the largest allowed, so that
 * every unit is served whenever the teams have room: coverage first), each run an exact minimum of its
 * weighted objective, so each point is optimal for its weights; the other strategies' plans are shown as points beside
 * them, measured the same way.
 */
public final class Frontiers {

    /** The balance weights traced when none are given. */
    public static final List<Double> DEFAULT_GRID = List.of(0.0, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0);

    /** The unserved weight of the frontier's runs: the largest allowed, so that coverage comes first at every balance weight. */
    public static final double UNSERVED_WEIGHT = 100_000;

    /** The optimiser's id. */
    public static final String OPTIMAL = "optimal";

    /** A point with the plan it was read from. */
    public record Computed(FrontierPoint point, AllocationPlan plan) {
    }

    private Frontiers() {
    }

    /** The points, the optimiser's first (in the order of the weights), then the others' in the order given. */
    public static List<Computed> compute(AllocationInput input, AllocationStrategy optimal, List<AllocationStrategy> others, List<Double> weights) {
        List<Double> grid = weights == null || weights.isEmpty() ? DEFAULT_GRID : weights;
        for (int i = 0; i < grid.size(); i++) {
            Double w = grid.get(i);
            if (w == null || w.isNaN() || w < 0 || w > 1000) {
                throw new InvalidInputException("balance[" + i + "]", "out-of-range", "A balance weight is a number from 0 to 1000");
            }
        }
        List<Computed> result = new ArrayList<>();
        for (double w : grid) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("weight.continuity", "1");
            params.put("weight.balance", format(w));
            params.put("weight.unserved", format(UNSERVED_WEIGHT));
            AllocationPlan plan = AllocationServiceImpl.run(optimal, input, params, List.of());
            result.add(new Computed(point("optimal balance=" + format(w), plan, input, true, 1, w), plan));
        }
        for (AllocationStrategy s : others) {
            AllocationPlan plan = AllocationServiceImpl.run(s, input, Map.of(), List.of());
            result.add(new Computed(point(s.id(), plan, input, false, Double.NaN, Double.NaN), plan));
        }
        return result;
    }

    /** As the service answers it. */
    public static Frontier frontier(AllocationInput input, List<Computed> computed) {
        List<String> notes = new ArrayList<>();
        if (input.synthetic()) {
            notes.add(AllocationServiceImpl.SYNTHETIC_NOTE);
        }
        if (input.catchmentsSynthetic()) {
            notes.add(AllocationServiceImpl.SYNTHETIC_CATCHMENTS_NOTE);
        }
        notes.add("Each optimal point is the exact minimum of 1 x cases affected + balance x sum(n^2/s) + travel (1 per km) + "
                + "unserved (100,000 per unit: coverage first) for its balance weight; the other strategies are shown with their defaults. Imbalance = "
                + "sum over teams of n^2/s (n units served, s staffed for).");
        return new Frontier(input.region(), computed.stream().map(Computed::point).toList(), input.synthetic(), notes, Instant.now());
    }

    /** The workload imbalance of teams: sum of n^2/s. */
    public static double imbalance(AllocationInput input, List<Team> teams) {
        double sum = 0;
        for (Team t : teams) {
            double n = t.units().size();
            sum += n * n / input.staffing().size(t.kind()).units();
        }
        return sum;
    }

    private static FrontierPoint point(String label, AllocationPlan plan, AllocationInput input, boolean optimised, double wc, double wb) {
        PlanMetrics m = plan.metrics();
        return new FrontierPoint(label, plan.strategy(), plan.parameters(), optimised, wc, wb, m.unitsChangingOperator(), m.casesAffected(),
                PlanMeasures.round(imbalance(input, plan.teams())), m.pupilsPerWorkerSpread(), m.travelKmMean(), m.unservedUnits(), m.workers());
    }

    static String format(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.format(Locale.ROOT, "%s", w);
    }
}
