package org.safenest.api.intake;

import java.time.Instant;
import java.util.List;

import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchDispute;

/**
 * A case with everything recorded on it, oldest first in every list.
 *
 * @param region       the region code
 * @param caseNumber   the case number
 * @param householdRef the household reference, or null
 * @param caseType     the current case type code
 * @param serviceLine  the current service line
 * @param district     the district code
 * @param districtPart the district part code, or null
 * @param status       where the case stands
 * @param office       the office serving it now, or null while in the manual dispatch queue
 * @param openedAt     when its first report was recorded
 * @param reports      the reports in the case
 * @param decisions    every dispatch decision, by rule or by hand
 * @param disputes     disputes of its dispatch decisions
 * @param dispositions dispositions recorded
 * @param transfers    transfers between child protection and fragile-family service
 * @param followUp     the latest further-investigation follow-up, or null
 * @param history      the case's history
 * @param assignedTo   the worker the case is assigned to now, or null
 * @param assignments  every assignment of the case to a worker, oldest first
 */
public record CaseView(String region, String caseNumber, String householdRef, String caseType,
        ServiceLine serviceLine, String district, String districtPart, CaseStatus status, String office,
        Instant openedAt, List<ReceivedReport> reports, List<DispatchDecision> decisions,
        List<DispatchDispute> disputes, List<DispositionRecord> dispositions, List<Transfer> transfers,
        FollowUp followUp, List<CaseHistoryEntry> history, String assignedTo, List<Assignment> assignments) {

    /** A case that was never assigned to a worker. */
    public CaseView(String region, String caseNumber, String householdRef, String caseType, ServiceLine serviceLine,
            String district, String districtPart, CaseStatus status, String office, Instant openedAt,
            List<ReceivedReport> reports, List<DispatchDecision> decisions, List<DispatchDispute> disputes,
            List<DispositionRecord> dispositions, List<Transfer> transfers, FollowUp followUp,
            List<CaseHistoryEntry> history) {
        this(region, caseNumber, householdRef, caseType, serviceLine, district, districtPart, status, office, openedAt, reports,
                decisions, disputes, dispositions, transfers, followUp, history, null, List.of());
    }

    public CaseView {
        reports = List.copyOf(reports);
        decisions = List.copyOf(decisions);
        disputes = List.copyOf(disputes);
        dispositions = List.copyOf(dispositions);
        transfers = List.copyOf(transfers);
        history = List.copyOf(history);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }
}
