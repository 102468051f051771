package org.safenest.api.intake;

/** Where a case stands. */
public enum CaseStatus {
    /** No rule matched: waits in the manual dispatch queue for a dispatcher. */
    AWAITING_DISPATCH,
    /** Dispatched; the receiving unit is assessing or investigating (調查/評估中). */
    ASSESSING,
    /** In service (處遇中): listed for case management, short-term or brief service. */
    IN_SERVICE,
    /** Closed: not opened, notified to or referred to another unit, or service ended. */
    CLOSED
}
