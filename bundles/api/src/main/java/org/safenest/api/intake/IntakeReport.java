package org.safenest.api.intake;

import java.time.Instant;
import java.util.List;

/**
 * One report (通報) as submitted to the intake window. Fields are boxed and unchecked so that missing
 * values reach {@link IntakeService#submit} and are answered as field errors.
 *
 * @param reportId     the client's idempotency key: the same id submitted again returns the first receipt
 * @param receivedAt   when the window received the report; not in the future. Dispatch uses the rule set in
 *                     force on this date (in the region's time zone)
 * @param caseType     a {@link CaseType} code of the region
 * @param district     the district code (or its Chinese or English name)
 * @param districtPart the part code where the district is split between offices (Fengshan: {@code north} or
 *                     {@code south} of Guotai Road); required there, null elsewhere
 * @param children     the children (or persons) concerned; at least one
 * @param householdRef a reference to the household (案家) in the reporting system, or null when unknown;
 *                     never a name or an address
 * @param summary      a short summary of the report
 * @param source       who reported ({@code police}, {@code school}, {@code hospital}, {@code 113} ...)
 */
public record IntakeReport(String reportId, Instant receivedAt, String caseType, String district,
        String districtPart, List<ReportedChild> children, String householdRef, String summary, String source) {
}
