package org.safenest.api.intake;

import java.time.Instant;

/**
 * A filter on a region's cases; null fields and false flags do not filter. Cases come newest first unless
 * {@code sort} says otherwise.
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
 * @param caseNumber      only this case number, or the numbers that begin with it (case-insensitive)
 * @param householdRef    only cases of this household reference (exact)
 * @param childRef        only cases with a report about a child of this reference (exact)
 * @param assignedTo      only cases assigned to this worker (user name)
 * @param sort            one of {@link #SORTS}, {@code -} before it for descending; null for newest first
 */
public record CaseFilter(String caseType, ServiceLine serviceLine, String district, String office, CaseStatus status,
        boolean overdueOnly, boolean manualQueueOnly, Instant receivedFrom, Instant receivedTo, int offset,
        int limit, String caseNumber, String householdRef, String childRef, String assignedTo, String sort) {

    /** The fields a list may be sorted by. */
    public static final java.util.List<String> SORTS = java.util.List.of("caseNumber", "receivedAt", "lastReceivedAt", "openedAt",
            "caseType", "district", "office", "status", "followUpDue", "assignedTo");

    /** A filter without the search fields (case number, references, worker) and the default order. */
    public CaseFilter(String caseType, ServiceLine serviceLine, String district, String office, CaseStatus status,
            boolean overdueOnly, boolean manualQueueOnly, Instant receivedFrom, Instant receivedTo, int offset, int limit) {
        this(caseType, serviceLine, district, office, status, overdueOnly, manualQueueOnly, receivedFrom, receivedTo, offset, limit,
                null, null, null, null, null);
    }

    /** Every case, the first {@code limit}. */
    public static CaseFilter all(int limit) {
        return new CaseFilter(null, null, null, null, null, false, false, null, null, 0, limit);
    }

    /** Cases with an overdue follow-up, the first {@code limit}. */
    public static CaseFilter overdue(int limit) {
        return new CaseFilter(null, null, null, null, null, true, false, null, null, 0, limit);
    }

    /** This filter with another district (a name given in the query becomes its code). */
    public CaseFilter withDistrict(String code) {
        return new CaseFilter(caseType, serviceLine, code, office, status, overdueOnly, manualQueueOnly, receivedFrom, receivedTo,
                offset, limit, caseNumber, householdRef, childRef, assignedTo, sort);
    }
}
