package org.safenest.api.intake;

import java.time.Instant;

/**
 * A report as stored on a case.
 *
 * @param report     the report as submitted (after validation; district and part hold codes)
 * @param mergeRule  the merge rule that placed it in this case
 * @param recordedAt when it was recorded
 * @param recordedBy the intake user who submitted it
 */
public record ReceivedReport(IntakeReport report, MergeRule mergeRule, Instant recordedAt, String recordedBy) {
}
