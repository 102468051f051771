package org.safenest.referral.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferRequest;
import org.safenest.api.security.Caller;

/** An intake window holding a few cases by number and service line; it records the transfers asked of it. */
final class FakeIntake implements IntakeService {

    record Call(Caller caller, String region, String caseNumber, TransferRequest request) {
    }

    final Map<String, ServiceLine> cases = new HashMap<>();
    final List<Call> transfers = new ArrayList<>();
    /** When set, every transfer throws it. */
    RuntimeException failWith;

    FakeIntake withCase(String number, ServiceLine line) {
        cases.put(number, line);
        return this;
    }

    @Override
    public CaseView transfer(Caller caller, String region, String caseNumber, TransferRequest request) {
        transfers.add(new Call(caller, region, caseNumber, request));
        if (failWith != null) {
            throw failWith;
        }
        ServiceLine line = cases.get(caseNumber);
        if (line == null || !region.equals("kaohsiung")) {
            throw new NotFoundException("case", caseNumber);
        }
        if (line != request.direction().from()) {
            throw new ConflictException("Case " + caseNumber + " is not in " + request.direction().from());
        }
        cases.put(caseNumber, request.direction().to());
        return new CaseView(region, caseNumber, null, request.direction().to() == ServiceLine.CHILD_PROTECTION
                ? "child-protection" : "fragile-family", request.direction().to(), "fengshan", null, CaseStatus.ASSESSING,
                "pc-fengshan", Instant.EPOCH, List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    @Override
    public IntakeReceipt submit(Caller caller, String region, IntakeReport report) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseView caseView(Caller caller, String region, String caseNumber) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CaseSummary> cases(Caller caller, String region, CaseFilter filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long countCases(Caller caller, String region, CaseFilter filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.safenest.api.intake.DispatchedReport> dispatchedReports(Caller caller, String region, java.time.Instant from,
            java.time.Instant to, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseView recordDisposition(Caller caller, String region, String caseNumber, DispositionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseView completeFollowUp(Caller caller, String region, String caseNumber, String note) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseView dispatchByHand(Caller caller, String region, String caseNumber, HandDispatch dispatch) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DispatchDispute dispute(Caller caller, String region, String caseNumber, HandDispatch redispatch) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DispatchDispute> disputes(Caller caller, String region, DisputeStatus status) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DispatchDispute resolveDispute(Caller caller, String region, long disputeId, String outcome) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CaseView assign(Caller caller, String region, String caseNumber, org.safenest.api.intake.AssignmentRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.safenest.api.intake.CaseSummary> caseload(Caller caller, String region, String worker) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.safenest.api.intake.OfficeCaseload> caseloads(Caller caller, String region, String office) {
        throw new UnsupportedOperationException();
    }
}
