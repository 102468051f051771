package org.safenest.api.intake;

import java.time.Instant;

/**
 * A filter on a region's cases; null fields and false flags do not filter. Cases come newest first.
 *
 * @param caseType        only this case type code
 * @param serviceLine     only this service line
 * @param district        only this district code
 * @param office          only cases served by this office
 * @param status          only this status
 * @param overdueOnly     only cases with an overdue follow-up (10-day rule)
 * @param manualQueueOnly only cases waiting in the manual dispatch queue
 * @param receivedFrom    first report received at or after
 * @param receivedTo      first report received before
 * @param offset          cases to skip
 * @param limit           at most this many (capped by the service)
 */
public record CaseFilter(String caseType, ServiceLine serviceLine, String district, String office, CaseStatus status,
        boolean overdueOnly, boolean manualQueueOnly, Instant receivedFrom, Instant receivedTo, int offset,
        int limit) {

    /** Every case, the first {@code limit}. */
    public static CaseFilter all(int limit) {
        return new CaseFilter(null, null, null, null, null, false, false, null, null, 0, limit);
    }

    /** Cases with an overdue follow-up, the first {@code limit}. */
    public static CaseFilter overdue(int limit) {
        return new CaseFilter(null, null, null, null, null, true, false, null, null, 0, limit);
    }
}
