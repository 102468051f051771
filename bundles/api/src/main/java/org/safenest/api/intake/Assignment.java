package org.safenest.api.intake;

import java.time.Instant;

/**
 * An assignment of a case to a worker of the office serving it.
 *
 * @param worker         the worker the case went to, or null when the case was left without one (it moved office)
 * @param previousWorker the worker it had before, or null for a first assignment
 * @param office         the office serving the case at the time
 * @param reason         why it was reassigned (required for a reassignment), or null
 * @param assignedBy     the supervisor (or {@code system})
 * @param assignedAt     when
 */
public record Assignment(String worker, String previousWorker, String office, String reason, String assignedBy,
        Instant assignedAt) {
}
