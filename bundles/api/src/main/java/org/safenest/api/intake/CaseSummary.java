package org.safenest.api.intake;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of a case list.
 *
 * @param caseNumber     the case number
 * @param caseType       the current case type code
 * @param serviceLine    the current service line
 * @param district       the district code
 * @param districtPart   the district part code, or null
 * @param status         where the case stands
 * @param office         the office serving it, or null while in the manual dispatch queue
 * @param openedAt       when its first report was recorded
 * @param lastReceivedAt the received time of its latest report
 * @param reportCount    how many reports it holds
 * @param followUpDue    the due date of an open follow-up, or null
 * @param overdue        whether that follow-up is overdue today (region time zone)
 * @param assignedTo     the worker the case is assigned to, or null
 * @param householdRef   the household reference, or null (shown to those who may read the case)
 */
public record CaseSummary(String caseNumber, String caseType, ServiceLine serviceLine, String district,
        String districtPart, CaseStatus status, String office, Instant openedAt, Instant lastReceivedAt,
        int reportCount, LocalDate followUpDue, boolean overdue, String assignedTo, String householdRef) {

    /** A line without a worker or household reference. */
    public CaseSummary(String caseNumber, String caseType, ServiceLine serviceLine, String district, String districtPart,
            CaseStatus status, String office, Instant openedAt, Instant lastReceivedAt, int reportCount, LocalDate followUpDue,
            boolean overdue) {
        this(caseNumber, caseType, serviceLine, district, districtPart, status, office, openedAt, lastReceivedAt, reportCount,
                followUpDue, overdue, null, null);
    }
}
