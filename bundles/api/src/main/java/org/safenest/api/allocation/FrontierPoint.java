package org.safenest.api.allocation;

import java.util.Map;

/**
 * One point of the continuity-balance trade-off: a plan of the optimiser for one pair of weights, or a strategy's plan
 * shown beside them.
 *
 * @param label                 what the point is ({@code optimal balance=2}, {@code district})
 * @param strategy              the strategy that computed it
 * @param parameters            its parameters
 * @param optimised             true for the optimiser's points (each the minimum of its weighted objective)
 * @param continuityWeight      the continuity weight (optimiser's points; NaN for the others)
 * @param balanceWeight         the balance weight (optimiser's points; NaN for the others)
 * @param unitsChangingOperator units whose operators change
 * @param casesAffected         cases at those units: the continuity measure
 * @param imbalance             the workload imbalance: the sum over teams of n^2/s (n units served, s staffed for)
 * @param pupilsPerWorkerSpread highest minus lowest pupils per worker of a team
 * @param travelKmMean          mean km from a team's base to its units
 * @param unservedUnits         units no team serves
 * @param workers               the plan's workers
 */
public record FrontierPoint(String label, String strategy, Map<String, String> parameters, boolean optimised, double continuityWeight,
        double balanceWeight, int unitsChangingOperator, int casesAffected, double imbalance, double pupilsPerWorkerSpread,
        double travelKmMean, int unservedUnits, int workers) {
    public FrontierPoint {
        parameters = Map.copyOf(parameters);
    }
}
