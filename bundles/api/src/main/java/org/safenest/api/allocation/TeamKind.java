package org.safenest.api.allocation;

/** Sizes of team. */
public enum TeamKind {
    /** A full team: in the pilot, 1 supervisor (SWO) and 8 workers (ASWO) serving 16 units. */
    FULL,
    /** A half team: half of a full team. */
    HALF
}
