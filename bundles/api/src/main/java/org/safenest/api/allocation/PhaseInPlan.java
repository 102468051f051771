package org.safenest.api.allocation;

import java.time.Instant;
import java.util.List;

/**
 * A phase-in plan: stages computed one after another, each measured, with the cost of each move between stages.
 * Nothing is stored.
 *
 * @param region     the region code
 * @param name       what the phase-in is ({@code HKCSS phasing})
 * @param stages     the stages, in order
 * @param synthetic  true when the input holds synthetic data
 * @param notes      how the stages were formed
 * @param computedAt when
 */
public record PhaseInPlan(String region, String name, List<PhaseInStagePlan> stages, boolean synthetic, List<String> notes,
        Instant computedAt) {
    public PhaseInPlan {
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }
}
