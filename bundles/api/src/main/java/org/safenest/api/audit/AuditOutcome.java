package org.safenest.api.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done. */
    SUCCESS,
    /** Refused: not logged in (401) or not allowed (403). */
    DENIED,
    /** Refused because of the input or the state (4xx other than 401/403). */
    REJECTED,
    /** Failed on the platform's side (5xx). */
    FAILED
}
