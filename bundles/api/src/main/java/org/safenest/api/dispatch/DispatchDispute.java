package org.safenest.api.dispatch;

import java.time.Instant;

/**
 * A dispatcher's dispute of a dispatch decision, listed for the coordination meeting (held every six months,
 * monthly when there are proposals).
 *
 * @param id             identifier within the region
 * @param region         the region code
 * @param caseNumber     the case concerned
 * @param disputed       the decision disputed
 * @param reason         why it was disputed
 * @param redispatchedTo the office the case was dispatched to by hand
 * @param raisedBy       the dispatcher
 * @param raisedAt       when
 * @param status         where it stands
 * @param outcome        the coordination meeting's outcome, or null while open
 * @param resolvedBy     who recorded the outcome, or null
 * @param resolvedAt     when, or null
 */
public record DispatchDispute(long id, String region, String caseNumber, DispatchDecision disputed, String reason,
        String redispatchedTo, String raisedBy, Instant raisedAt, DisputeStatus status, String outcome,
        String resolvedBy, Instant resolvedAt) {
}
