package org.safenest.api.allocation;

/**
 * One stage of a computed phase-in: the stage's plan, measured like any plan against the region's current assignment
 * (units outside the stage are unserved for {@link UnservedReason#SCOPE}), and the cost of reaching it from the previous
 * stage.
 *
 * @param name         the stage's name
 * @param unitsInScope the units the stage covers
 * @param staffing     the staffing it ran with
 * @param plan         its plan, with metrics
 * @param fromPrevious the move from the previous stage; for the first stage, from the current assignment
 */
public record PhaseInStagePlan(String name, int unitsInScope, Staffing staffing, AllocationPlan plan, StageTransition fromPrevious) {
}
