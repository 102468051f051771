package org.safenest.api.audit;

import java.time.Instant;

/**
 * One audited action. Holds no personal data: {@code target} names the object by its identifier
 * (a case number, a region code, a configuration PID), never by a person's name.
 *
 * @param id      assigned by the log when stored; 0 before
 * @param at      when it happened
 * @param actor   the user name, {@code anonymous} for a refused login, {@code system} for the platform
 * @param action  what was done, such as {@code GET /api/regions/{region}/districts} or {@code config.update}
 * @param region  the region concerned, or null
 * @param target  the object concerned, or null
 * @param outcome how it ended
 * @param detail  a short free text (for example the HTTP status), or null
 */
public record AuditRecord(long id, Instant at, String actor, String action, String region, String target,
        AuditOutcome outcome, String detail) {

    public static AuditRecord of(String actor, String action, String region, String target, AuditOutcome outcome,
            String detail) {
        return new AuditRecord(0, Instant.now(), actor, action, region, target, outcome, detail);
    }
}
