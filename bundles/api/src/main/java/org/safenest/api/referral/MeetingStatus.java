package org.safenest.api.referral;

/** Where a board meeting stands. */
public enum MeetingStatus {
    /** Coming. */
    SCHEDULED,
    /** Held with its agenda. */
    HELD,
    /** Not held (停開): its agenda was empty at the cutoff. */
    NOT_HELD
}
