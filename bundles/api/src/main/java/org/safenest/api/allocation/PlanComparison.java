package org.safenest.api.allocation;

import java.time.Instant;
import java.util.List;

/**
 * Several strategies run on the same input, side by side; nothing stored.
 *
 * @param region     the region code
 * @param plans      one plan with its metrics per run, in the order asked
 * @param synthetic  true when the input holds synthetic data
 * @param computedAt when
 */
public record PlanComparison(String region, List<AllocationPlan> plans, boolean synthetic, Instant computedAt) {
    public PlanComparison {
        plans = List.copyOf(plans);
    }
}
