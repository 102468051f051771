package org.safenest.api.referral;

/** Where a proposal stands. */
public enum ProposalStatus {
    /** On a meeting's agenda, not yet decided. */
    ON_AGENDA,
    /** Decided. */
    DECIDED
}
