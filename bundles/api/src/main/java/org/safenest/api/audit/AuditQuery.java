package org.safenest.api.audit;

import java.time.Instant;

/**
 * A filter on the audit log; null fields do not filter. Records come newest first.
 *
 * @param actor  only this user
 * @param region only this region
 * @param from   at or after
 * @param to     before
 * @param offset records to skip
 * @param limit  at most this many (capped by the log)
 */
public record AuditQuery(String actor, String region, Instant from, Instant to, int offset, int limit) {
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, 0, limit);
    }
}
