package org.safenest.intake.internal;

import java.time.Instant;
import java.util.List;

import org.safenest.api.error.FieldError;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.ReportedChild;
import org.safenest.api.region.District;

/**
 * A report that passed validation, with codes in place of names: the district's code, the part's code, blank
 * optional values as null; the personal data that a region warning rather than refusing let through, as warnings.
 */
record ValidReport(String reportId, Instant receivedAt, CaseType caseType, District district, String part,
        List<ReportedChild> children, String householdRef, String summary, String source, List<FieldError> warnings) {

    /** The report as stored and shown: district and part hold codes. */
    IntakeReport toReport() {
        return new IntakeReport(reportId, receivedAt, caseType.code(), district.code(), part, children, householdRef,
                summary, source);
    }
}
