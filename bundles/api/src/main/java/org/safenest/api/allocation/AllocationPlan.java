package org.safenest.api.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A strategy's answer: teams and the units they serve.
 *
 * @param strategy      the id of the strategy that computed it
 * @param parameters    the parameters it ran with
 * @param teams         the teams
 * @param unservedUnits codes of the units no team serves
 * @param metrics       the plan's metrics; null as returned by a strategy, filled in by the allocation service
 * @param synthetic     true when computed from synthetic data; every output shows it
 * @param notes         how the strategy chose, where the reader needs to know ({@code each catchment given to
 *                      the operator already serving most of its units})
 * @param computedAt    when it was computed
 * @param unservedReasons why the strategy leaves each unit it leaves (since 1.2); a unit of {@code unservedUnits}
 *                      without an entry here is measured as {@link UnservedReason#NOT_GIVEN}
 */
public record AllocationPlan(String strategy, Map<String, String> parameters, List<Team> teams,
        List<String> unservedUnits, PlanMetrics metrics, boolean synthetic, List<String> notes, Instant computedAt,
        List<UnservedUnit> unservedReasons) {
    public AllocationPlan {
        parameters = Map.copyOf(parameters);
        teams = List.copyOf(teams);
        unservedUnits = List.copyOf(unservedUnits);
        notes = List.copyOf(notes);
        // a plan stored before 1.2 has no reasons
        unservedReasons = unservedReasons == null ? List.of() : List.copyOf(unservedReasons);
    }

    /** A plan without reasons for the units it leaves (the form before 1.2; strategies that leave none may keep it). */
    public AllocationPlan(String strategy, Map<String, String> parameters, List<Team> teams, List<String> unservedUnits,
            PlanMetrics metrics, boolean synthetic, List<String> notes, Instant computedAt) {
        this(strategy, parameters, teams, unservedUnits, metrics, synthetic, notes, computedAt, List.of());
    }

    /** This plan with the metrics given. */
    public AllocationPlan withMetrics(PlanMetrics newMetrics) {
        return new AllocationPlan(strategy, parameters, teams, unservedUnits, newMetrics, synthetic, notes,
                computedAt, unservedReasons);
    }
}
