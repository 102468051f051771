package org.safenest.api.intake;

import java.time.Instant;
import java.util.List;

import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.error.FieldError;

/**
 * The answer to a submitted report.
 *
 * @param reportId   the report's idempotency key
 * @param caseNumber the case the report now belongs to; readable and unique per region
 *                   ({@code KHH-2023-000123}: region, year, sequence)
 * @param mergeRule  the merge rule that applied
 * @param dispatch   for a new case, the decision just made; for a report that joined or merged into a case,
 *                   the decision under which that case is served
 * @param replay     true when the reportId had been submitted before and this is the first answer again
 *                   (nothing was written)
 * @param recordedAt when the report was first recorded
 * @param warnings   what was accepted although it should not be there: personal data in the summary or a reference
 *                   in a region whose intake warns rather than refuses ({@code personal-data.<kind>} codes, as the field
 *                   errors of a refusal, never the data); empty otherwise, and in a replay's answer
 */
public record IntakeReceipt(String reportId, String caseNumber, MergeRule mergeRule, DispatchDecision dispatch,
        boolean replay, Instant recordedAt, List<FieldError> warnings) {

    public IntakeReceipt {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A receipt without warnings (the constructor of API 1.0, kept for code built against it). */
    public IntakeReceipt(String reportId, String caseNumber, MergeRule mergeRule, DispatchDecision dispatch, boolean replay,
            Instant recordedAt) {
        this(reportId, caseNumber, mergeRule, dispatch, replay, recordedAt, List.of());
    }
}
