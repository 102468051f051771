package org.safenest.api.allocation;

/** Why a plan leaves a unit without a team: coverage is a finding a plan must state, never a silent gap. */
public enum UnservedReason {
    /** The staffing does not stretch: no team of the plan has room for the unit (or the workers given are too few). */
    CAPACITY,
    /** A team has room, but farther from the unit than the strategy allows (for example {@code max-km}). */
    DISTANCE,
    /** The strategy's weights make serving the unit cost more than leaving it (an optimiser's trade-off). */
    COST,
    /** The unit is outside the plan's scope: a phase-in stage (or a strategy stage) that does not cover it yet. */
    SCOPE,
    /** The strategy left the unit without saying why (a strategy written before reasons existed). */
    NOT_GIVEN
}
