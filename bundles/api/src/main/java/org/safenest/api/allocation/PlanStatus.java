package org.safenest.api.allocation;

/** Where a stored plan stands. */
public enum PlanStatus {
    /** Computed and stored, not adopted. */
    PROPOSED,
    /** The region's current assignment. */
    ADOPTED,
    /** Was adopted, then replaced by a later adoption; kept. */
    SUPERSEDED
}
