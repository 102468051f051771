package org.safenest.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safenest.allocation.district.internal.DistrictStrategy;
import org.safenest.allocation.hkcss.internal.HkcssStrategy;
import org.safenest.allocation.needs.internal.NeedsWeightedStrategy;
import org.safenest.allocation.optimal.internal.Objective;
import org.safenest.allocation.optimal.internal.OptimalStrategy;
import org.safenest.allocation.retain.internal.RetainStrategy;
import org.safenest.allocation.testing.HongKong;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.StrategyParameter;

/**
 * Each allocation strategy's run time on the Hong Kong instance (1,040 kindergartens, synthetic pupils and
 * pilot assignment) and on a synthetic instance ten times larger, and every plan scored by the optimiser's
 * objective with its default weights, so that the optimiser can be compared with the best of the others.
 * A plain timing harness (3 warm-up runs, then the median of 5): the runs take milliseconds to seconds.
 * Run from bundles/allocation (the fixture reads the Hong Kong region files relative to it); see BENCHMARKS.md.
 * {@code -Dbenchmark.strategies=optimal} and {@code -Dbenchmark.factors=10} run a part (the ratio to the best of the
 * others needs them all).
 */
public final class AllocationBenchmark {

    private AllocationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-results");
        Files.createDirectories(out);
        Map<String, AllocationStrategy> strategies = new LinkedHashMap<>();
        List<String> only = List.of(System.getProperty("benchmark.strategies", "retain,district,hkcss,needs-weighted,optimal").split(","));
        for (AllocationStrategy s : List.of(new RetainStrategy(), new DistrictStrategy(), new HkcssStrategy(),
                new NeedsWeightedStrategy(), new OptimalStrategy())) {
            if (only.contains(s.id())) {
                strategies.put(s.id(), s);
            }
        }
        Map<String, String> defaults = new HashMap<>();
        for (StrategyParameter p : new OptimalStrategy().parameters()) {
            defaults.put(p.key(), p.defaultValue());
        }
        Objective.Weights weights = new Objective.Weights(number(defaults, "weight.continuity"), number(defaults, "weight.travel"),
                number(defaults, "weight.balance"), number(defaults, "weight.unserved"));

        List<String> lines = new ArrayList<>();
        lines.add("Allocation strategies, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; pupils and the current assignment are SYNTHETIC; objective = optimal's default weights " + weights);
        int[] factors = java.util.Arrays.stream(System.getProperty("benchmark.factors", "1,10").split(",")).mapToInt(Integer::parseInt).toArray();
        for (int factor : factors) {
            AllocationInput input = factor == 1 ? HongKong.input() : HongKong.scaled(factor);
            lines.add(String.format(Locale.ROOT, "%s: %,d units", factor == 1 ? "Hong Kong" : "Hong Kong x" + factor, input.units().size()));
            double best = Double.MAX_VALUE;
            double optimal = Double.NaN;
            for (AllocationStrategy s : strategies.values()) {
                long[] times = new long[5];
                AllocationPlan plan = null;
                int warmups = factor == 1 ? 3 : 1;
                for (int i = 0; i < warmups; i++) {
                    s.plan(input, Map.of());
                }
                for (int i = 0; i < times.length; i++) {
                    long t0 = System.nanoTime();
                    plan = s.plan(input, Map.of());
                    times[i] = System.nanoTime() - t0;
                }
                Arrays.sort(times);
                double score = Objective.score(input, plan.teams(), weights).total();
                if (s.id().equals("optimal")) {
                    optimal = score;
                } else {
                    best = Math.min(best, score);
                }
                lines.add(String.format(Locale.ROOT, "  %-15s median %9.1f ms  (min %9.1f ms)  teams %5d  unserved %5d  objective %,14.1f",
                        s.id(), times[2] / 1e6, times[0] / 1e6, plan.teams().size(), plan.unservedUnits().size(), score));
            }
            if (best < Double.MAX_VALUE && !Double.isNaN(optimal)) {
                lines.add(String.format(Locale.ROOT, "  optimal objective / best of the others: %.3f (lower is better; at most 1 expected)", optimal / best));
            }
        }
        lines.forEach(System.out::println);
        Files.write(out.resolve("allocation.txt"), lines);
    }

    private static double number(Map<String, String> defaults, String key) {
        String v = defaults.get(key);
        if (v == null) {
            throw new IllegalStateException("optimal strategy has no default for " + key);
        }
        return Double.parseDouble(v);
    }
}
