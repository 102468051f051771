package org.safenest.api.referral;

/** What the board decided for a proposal. */
public enum ReferralOutcome {
    /** Fragile-family service keeps the case (由社福中心續處), possibly with help from child protection. */
    FF_KEEPS,
    /** Child protection takes the case (由兒保社工開案), possibly after a joint visit. */
    CP_TAKES,
    /** Both serve jointly (兒保、脆家社工共同服務). */
    JOINT,
    /** Anything else; the rationale says what. */
    OTHER
}
