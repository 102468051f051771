package org.safenest.api.referral;

/** Whether a decision has been carried out. */
public enum FollowUpStatus {
    /** The decision moves nothing. */
    NOT_NEEDED,
    /** To be carried out (a transfer not yet applied, or applied and awaiting confirmation). */
    PENDING,
    /** Carried out. */
    DONE
}
