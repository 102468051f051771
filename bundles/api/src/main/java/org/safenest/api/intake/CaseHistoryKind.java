package org.safenest.api.intake;

/** Kinds of entries in a case's history. */
public enum CaseHistoryKind {
    /** A report opened the case. */
    RECEIVED,
    /** A further report joined or was merged into the case. */
    MERGED,
    /** Dispatched by the rules (or queued for manual dispatch). */
    DISPATCHED,
    /** Dispatched by hand, from the manual queue or after a dispute. */
    DISPATCHED_BY_HAND,
    /** A dispatcher disputed the dispatch decision. */
    DISPUTED,
    /** A disposition was recorded. */
    DISPOSITION_RECORDED,
    /** The further investigation record was filed. */
    FOLLOW_UP_COMPLETED,
    /** Moved between child protection and fragile-family service. */
    TRANSFERRED,
    /** The case was closed. */
    CLOSED,
    /** Assigned to a worker, reassigned, or left without a worker when the case moved to another office. */
    ASSIGNED,
    /** The coordination meeting's outcome of a dispute was recorded (entries before issue 17 used DISPUTED). */
    DISPUTE_RESOLVED
}
