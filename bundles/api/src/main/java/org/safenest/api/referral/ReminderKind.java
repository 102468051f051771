package org.safenest.api.referral;

/** What a reminder is about. */
public enum ReminderKind {
    /** A proposal waits for its meeting or its decision. */
    PROPOSAL_WAITING,
    /** A meeting (or its cutoff) is coming. */
    MEETING_COMING,
    /** A decision not yet carried out. */
    DECISION_NOT_CARRIED_OUT
}
