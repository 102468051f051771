package org.safenest.api.dispatch;

/** Where a dispatch dispute stands. */
public enum DisputeStatus {
    /** On the list for the next coordination meeting (集中受理與派案機制協調會議). */
    OPEN,
    /** The coordination meeting recorded an outcome. */
    RESOLVED
}
