package org.safenest.api.audit;

import java.time.Instant;

/**
 * A filter on the audit log; null fields do not filter. Records come newest first.
 *
 * @param actor   only this user
 * @param region  only this region
 * @param from    at or after
 * @param to      before
 * @param offset  records to skip
 * @param limit   at most this many (capped by the log)
 * @param action  only actions that contain this text (such as {@code user.} or {@code POST /api/users}); since 1.2
 * @param target  only this target (a case number, a user name, ...); since 1.2
 * @param outcome only this outcome; since 1.2
 */
public record AuditQuery(String actor, String region, Instant from, Instant to, int offset, int limit,
        String action, String target, AuditOutcome outcome) {

    /** A filter by actor, region and period only (as before 1.2). */
    public AuditQuery(String actor, String region, Instant from, Instant to, int offset, int limit) {
        this(actor, region, from, to, offset, limit, null, null, null);
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, 0, limit);
    }

    /** The same filter for another page. */
    public AuditQuery page(int offset, int limit) {
        return new AuditQuery(actor, region, from, to, offset, limit, action, target, outcome);
    }

    /** Whether the record passes the filter (offset and limit aside): what a log kept in memory answers. */
    public boolean matches(AuditRecord r) {
        return (actor == null || actor.equals(r.actor())) && (region == null || region.equals(r.region()))
                && (from == null || !r.at().isBefore(from)) && (to == null || r.at().isBefore(to))
                && (action == null || (r.action() != null && r.action().contains(action)))
                && (target == null || target.equals(r.target())) && (outcome == null || outcome == r.outcome());
    }
}
