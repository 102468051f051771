package org.safenest.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.intake.CaseHistoryEntry;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.Disposition;
import org.safenest.api.intake.DispositionRecord;
import org.safenest.api.intake.FollowUp;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.MergeRule;
import org.safenest.api.intake.ReceivedReport;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.Transfer;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.intake.internal.jpa.CaseEntity;
import org.safenest.intake.internal.jpa.DecisionEntity;
import org.safenest.intake.internal.jpa.DispositionEntity;
import org.safenest.intake.internal.jpa.DisputeEntity;
import org.safenest.intake.internal.jpa.HistoryEntity;
import org.safenest.intake.internal.jpa.ReportEntity;
import org.safenest.intake.internal.jpa.TransferEntity;

/**
 * Stored rows as API values. A case view takes six queries, whatever the size of the case. Lists are in time order
 * (row ids break ties: they increase within a node, not across nodes).
 */
final class Views {

    private Views() {
    }

    static CaseView caseView(EntityManager em, CaseEntity c) {
        Map<Long, DispatchDecision> decisions = new HashMap<>();
        List<DispatchDecision> decisionList = new ArrayList<>();
        for (DecisionEntity d : em.createQuery("SELECT d FROM DecisionEntity d WHERE d.caseId = :c ORDER BY d.decidedAt, d.id", DecisionEntity.class)
                .setParameter("c", c.id).getResultList()) {
            DispatchDecision decision = decision(d);
            decisions.put(d.id, decision);
            decisionList.add(decision);
        }
        List<ReceivedReport> reports = new ArrayList<>();
        for (ReportEntity r : em.createQuery("SELECT r FROM ReportEntity r WHERE r.caseId = :c ORDER BY r.recordedAt, r.id", ReportEntity.class)
                .setParameter("c", c.id).getResultList()) {
            reports.add(report(r));
        }
        List<DispatchDispute> disputes = new ArrayList<>();
        for (DisputeEntity d : em.createQuery("SELECT d FROM DisputeEntity d WHERE d.caseId = :c ORDER BY d.raisedAt, d.id", DisputeEntity.class)
                .setParameter("c", c.id).getResultList()) {
            disputes.add(dispute(d, decisions.get(d.decisionId)));
        }
        List<DispositionRecord> dispositions = new ArrayList<>();
        for (DispositionEntity d : em.createQuery("SELECT d FROM DispositionEntity d WHERE d.caseId = :c ORDER BY d.at, d.id",
                DispositionEntity.class).setParameter("c", c.id).getResultList()) {
            dispositions.add(new DispositionRecord(Disposition.valueOf(d.disposition), d.note, d.unit, d.unitConfirmed, d.at, d.by));
        }
        List<Transfer> transfers = new ArrayList<>();
        for (TransferEntity t : em.createQuery("SELECT t FROM TransferEntity t WHERE t.caseId = :c ORDER BY t.at, t.id", TransferEntity.class)
                .setParameter("c", c.id).getResultList()) {
            transfers.add(new Transfer(TransferDirection.valueOf(t.direction), TransferGround.valueOf(t.ground), t.reason,
                    t.fromCaseType, t.toCaseType, t.fromOffice, decisions.get(t.decisionId), t.referral, t.at, t.by));
        }
        List<CaseHistoryEntry> history = new ArrayList<>();
        for (HistoryEntity h : em.createQuery("SELECT h FROM HistoryEntity h WHERE h.caseId = :c ORDER BY h.position, h.id", HistoryEntity.class)
                .setParameter("c", c.id).getResultList()) {
            history.add(new CaseHistoryEntry(h.at, h.actor, CaseHistoryKind.valueOf(h.kind), h.detail, HistoryParams.parse(h.params)));
        }
        List<org.safenest.api.intake.Assignment> assignments = new ArrayList<>();
        for (org.safenest.intake.internal.jpa.AssignmentEntity a : em.createQuery("SELECT a FROM AssignmentEntity a WHERE a.caseId = :c"
                + " ORDER BY a.assignedAt, a.id", org.safenest.intake.internal.jpa.AssignmentEntity.class).setParameter("c", c.id)
                .getResultList()) {
            assignments.add(new org.safenest.api.intake.Assignment(a.worker, a.previousWorker, a.office, a.reason, a.assignedBy,
                    a.assignedAt));
        }
        return new CaseView(c.region, c.caseNumber, c.householdRef, c.caseType, ServiceLine.valueOf(c.serviceLine), c.district,
                c.districtPart, CaseStatus.valueOf(c.status), c.office, c.openedAt, reports, decisionList, disputes, dispositions,
                transfers, followUp(c), history, c.assignedTo, assignments);
    }

    static FollowUp followUp(CaseEntity c) {
        return c.followUpDue == null ? null : new FollowUp(c.followUpDue, c.followUpCompletedAt, c.followUpCompletedBy, c.followUpNote);
    }

    static CaseSummary summary(CaseEntity c, LocalDate today) {
        FollowUp f = followUp(c);
        boolean open = f != null && f.completedAt() == null;
        return new CaseSummary(c.caseNumber, c.caseType, ServiceLine.valueOf(c.serviceLine), c.district, c.districtPart,
                CaseStatus.valueOf(c.status), c.office, c.openedAt, c.lastReceivedAt, c.reportCount, open ? f.due() : null,
                open && f.overdue(today), c.assignedTo, c.householdRef);
    }

    static DispatchDecision decision(DecisionEntity d) {
        return d == null ? null : new DispatchDecision(d.office, d.manualQueue, d.ruleSetVersion, d.ruleId,
                DecisionBasis.valueOf(d.basis), d.explanation, d.decidedAt, d.decidedBy);
    }

    static ReceivedReport report(ReportEntity r) {
        IntakeReport report = new IntakeReport(r.reportId, r.receivedAt, r.caseType, r.district, r.districtPart,
                Children.decode(r.children), r.householdRef, r.summary, r.source);
        return new ReceivedReport(report, MergeRule.valueOf(r.mergeRule), r.recordedAt, r.recordedBy);
    }

    static DispatchDispute dispute(DisputeEntity d, DispatchDecision disputed) {
        return new DispatchDispute(d.id, d.region, d.caseNumber, disputed, d.reason, d.redispatchedTo, d.raisedBy, d.raisedAt,
                DisputeStatus.valueOf(d.status), d.outcome, d.resolvedBy, d.resolvedAt);
    }
}
