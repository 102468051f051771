package org.safenest.api.dispatch;

/** What a dispatch decision rests on. */
public enum DecisionBasis {
    /** An ordinary rule matched. */
    RULE,
    /** No ordinary rule matched; a fallback rule did. */
    FALLBACK_RULE,
    /** No rule matched (or no rule set was in force): the case waits in the manual dispatch queue. */
    NO_RULE,
    /** A dispatcher chose the office, from the manual queue or after a dispute. */
    BY_HAND
}
