package org.safenest.api.intake;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.security.Caller;

/**
 * The central intake window. Every method checks the caller's role and region, audits the call (reads
 * included) and throws {@link org.safenest.api.error.NotFoundException} for an unknown region or case,
 * {@link org.safenest.api.error.InvalidInputException} naming every wrong field (nothing written), and
 * {@link org.safenest.api.error.AccessDeniedException}. Changes publish the events of {@link IntakeEvents}.
 */
@ProviderType
public interface IntakeService {

    /**
     * Records a report: validates it, applies the merge rules and, for a new case, dispatches it by the rule set
     * in force at its received time. The same {@code reportId} again returns the first receipt with
     * {@code replay} true and writes nothing.
     */
    IntakeReceipt submit(Caller caller, String region, IntakeReport report);

    /** The case with its reports, dispatch decisions, dispositions, transfers and history. */
    CaseView caseView(Caller caller, String region, String caseNumber);

    /** The region's cases matching the filter. */
    List<CaseSummary> cases(Caller caller, String region, CaseFilter filter);

    /** How many cases match the filter (offset and limit ignored). */
    long countCases(Caller caller, String region, CaseFilter filter);

    /**
     * The reports that opened the region's cases first received in {@code [from, to)}, each with what it was dispatched
     * on and the office the dispatch gave it, oldest first: a page of at most {@code limit} (capped at 1000) after
     * {@code offset}. Dispatchers and supervisors (and administrators); audited. Since 1.2.
     */
    List<DispatchedReport> dispatchedReports(Caller caller, String region, java.time.Instant from, java.time.Instant to,
            int offset, int limit);

    /**
     * Records a disposition. {@link Disposition#INVESTIGATION_CONTINUING} sets a follow-up due in
     * {@link FollowUp#DAYS_ALLOWED} days; a protection report on a fragile-family case transfers it
     * ({@link TransferDirection#FF_TO_CP}, ground {@link TransferGround#STATUTORY_REPORT}).
     */
    CaseView recordDisposition(Caller caller, String region, String caseNumber, DispositionRequest request);

    /** Files the further investigation record of the open follow-up; {@code ConflictException} when none is open. */
    CaseView completeFollowUp(Caller caller, String region, String caseNumber, String note);

    /**
     * Moves the case to the other service and dispatches it again for that service, keeping its number and
     * history. {@link org.safenest.api.error.ConflictException} with the reason when refused: a child
     * protection case under active treatment (處遇中) cannot go to fragile-family service, and a case must be
     * in the direction's source service.
     */
    CaseView transfer(Caller caller, String region, String caseNumber, TransferRequest request);

    /** Dispatches by hand a case waiting in the manual dispatch queue. */
    CaseView dispatchByHand(Caller caller, String region, String caseNumber, HandDispatch dispatch);

    /**
     * Disputes the case's current dispatch decision: the dispute goes to the list for the coordination meeting
     * (協調會議) and the case is dispatched by hand to the office given, with the reason given.
     */
    DispatchDispute dispute(Caller caller, String region, String caseNumber, HandDispatch redispatch);

    /** The region's disputes with the status, or all when {@code status} is null, oldest first. */
    List<DispatchDispute> disputes(Caller caller, String region, DisputeStatus status);

    /** Records the coordination meeting's outcome of a dispute. */
    DispatchDispute resolveDispute(Caller caller, String region, long disputeId, String outcome);

    /**
     * Assigns an open, dispatched case to a worker of the office serving it, or reassigns it (a reason is then
     * required). Supervisors of the case's office (and administrators) only; audited as {@code case.assign} and
     * published as {@link IntakeEvents#CASE_ASSIGNED}.
     */
    CaseView assign(Caller caller, String region, String caseNumber, AssignmentRequest request);

    /**
     * A worker's open cases, what is due first: overdue follow-ups, then follow-ups by due date, then the rest newest
     * first. {@code worker} null means the caller; a social worker may ask for their own cases only, a supervisor for
     * the workers of their offices.
     */
    List<CaseSummary> caseload(Caller caller, String region, String worker);

    /**
     * The caseloads of the offices the caller supervises in the region (every office for an administrator), or of
     * one office when {@code office} is given.
     */
    List<OfficeCaseload> caseloads(Caller caller, String region, String office);
}
