package org.safenest.intake.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.osgi.service.event.Event;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.IdAllocator.Ids;
import org.safenest.intake.internal.jpa.CaseEntity;
import org.safenest.intake.internal.jpa.DecisionEntity;
import org.safenest.intake.internal.jpa.DisputeEntity;

/** The manual dispatch queue, disputes of a dispatch decision, and their resolution. */
final class ManualDispatch extends CasePart {
    ManualDispatch(CasePart first) {
        super(first);
    }


    // ------------------------------------------------------------------ manual queue and disputes

    public CaseView dispatchByHand(Caller caller, String region, String caseNumber, HandDispatch hand) {
        return run(caller, "case.dispatch", region, caseNumber, () -> {
            caller.requireAny(Role.DISPATCHER);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            validateHand(refs, hand);
            Instant now = clock.instant();
            Ids ids = rowIds.take(2);
            return inTransaction(em -> {
                CaseEntity c = findCase(em, region, caseNumber, true);
                if (CaseStatus.valueOf(c.status) != CaseStatus.AWAITING_DISPATCH) {
                    throw refuse(new ConflictException("Case " + caseNumber + " is not in the manual dispatch queue (it is " + c.status
                            + (c.office == null ? "" : ", served by " + c.office) + "); dispute its decision instead"));
                }
                DecisionEntity previous = currentDecision(em, c);
                DispatchDecision decision = byHand(hand, previous, caller, now);
                persistDecision(em, ids, c, decision);
                c.office = decision.office();
                c.status = CaseStatus.ASSESSING.name();
                history(em, ids, c, now, caller.name(), CaseHistoryKind.DISPATCHED_BY_HAND, "dispatched by hand to " + decision.office()
                        + " from the manual dispatch queue", "event", "from-queue", "office", decision.office());
                Event e = Events.of(IntakeEvents.CASE_DISPATCHED, c, caller.name()).decision(decision)
                        .with(IntakeEvents.RECEIVED_AT, c.lastReceivedAt).build();
                return new Done<>(Views.caseView(em, c), caseNumber, "to " + decision.office() + ": " + hand.reason().strip(), List.of(e));
            });
        });
    }

    public DispatchDispute dispute(Caller caller, String region, String caseNumber, HandDispatch redispatch) {
        return run(caller, "case.dispute", region, caseNumber, () -> {
            caller.requireAny(Role.DISPATCHER);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            validateHand(refs, redispatch);
            Instant now = clock.instant();
            Ids ids = rowIds.take(6);
            return inTransaction(em -> {
                CaseEntity c = findCase(em, region, caseNumber, true);
                requireOpen(c);
                DecisionEntity disputed = currentDecision(em, c);
                if (CaseStatus.valueOf(c.status) == CaseStatus.AWAITING_DISPATCH || disputed == null || disputed.manualQueue) {
                    throw refuse(new ConflictException("Case " + caseNumber + " waits in the manual dispatch queue: there is no decision"
                            + " to dispute; dispatch it by hand"));
                }
                if (redispatch.office().strip().equals(c.office)) {
                    throw refuse(new InvalidInputException("office", "unchanged", "Case " + caseNumber + " is already served by "
                            + c.office + ": name the office it should go to"));
                }
                ServiceLine line = ServiceLine.valueOf(c.serviceLine);
                Office target = refs.offices().get(redispatch.office().strip());
                boolean lineChange = changesServiceLine(line, target);
                if (lineChange && !redispatch.confirmsServiceLineChange()) {
                    throw refuse(new InvalidInputException("serviceLineChangeConfirmed", "confirmation-required", "Case " + caseNumber
                            + " is a " + line.nameEn().toLowerCase(Locale.ROOT) + " case and office " + target.code() + " is a "
                            + officeKind(target) + ": the dispute moves the case to another service line. Confirm the change"
                            + " (serviceLineChangeConfirmed true) and give a reason that says why the case changes service, or"
                            + " choose an office of the case's service line"));
                }
                String fromOffice = c.office;
                DispatchDecision decision = byHand(redispatch, disputed, caller, now);
                persistDecision(em, ids, c, decision);
                c.office = decision.office();
                List<Event> unassigned = unassignIfMoved(em, ids, c, fromOffice, caller, now);
                DisputeEntity d = new DisputeEntity();
                d.id = ids.next();
                d.region = region;
                d.caseId = c.id;
                d.caseNumber = c.caseNumber;
                d.decisionId = disputed.id;
                d.reason = redispatch.reason().strip();
                d.redispatchedTo = decision.office();
                d.raisedBy = caller.name();
                d.raisedAt = now;
                d.status = DisputeStatus.OPEN.name();
                em.persist(d);
                history(em, ids, c, now, caller.name(), CaseHistoryKind.DISPUTED, "dispatch to " + fromOffice + " disputed (dispute "
                        + d.id + "), listed for the coordination meeting" + (lineChange ? "; change of service line confirmed" : ""),
                        "event", "raised", "fromOffice", fromOffice, "office", decision.office(), "dispute", d.id.toString(),
                        "serviceLineChange", lineChange ? "confirmed" : null);
                history(em, ids, c, now, caller.name(), CaseHistoryKind.DISPATCHED_BY_HAND, "dispatched by hand to "
                        + decision.office() + " after dispute " + d.id, "event", "after-dispute", "office", decision.office(),
                        "dispute", d.id.toString());
                List<Event> published = new ArrayList<>(List.of(
                        Events.of(IntakeEvents.DISPATCH_DISPUTED, c, caller.name()).with(IntakeEvents.DISPUTE_ID, d.id)
                                .with(IntakeEvents.FROM_OFFICE, fromOffice).with(IntakeEvents.OFFICE, decision.office()).build(),
                        Events.of(IntakeEvents.CASE_DISPATCHED, c, caller.name()).decision(decision)
                                .with(IntakeEvents.RECEIVED_AT, c.lastReceivedAt).build()));
                published.addAll(unassigned);
                return new Done<>(Views.dispute(d, Views.decision(disputed)), caseNumber,
                        "dispute " + d.id + ", " + fromOffice + " to " + decision.office() + (lineChange ? " (service line change confirmed)" : "")
                                + ": " + d.reason, published);
            });
        });
    }

    public List<DispatchDispute> disputes(Caller caller, String region, DisputeStatus status) {
        return run(caller, "dispute.list", region, null, () -> {
            caller.requireAny(READERS);
            caller.requireRegion(region);
            directory.get(region);
            List<DispatchDispute> list = tx.required(em -> {
                TypedQuery<DisputeEntity> q = status == null
                        ? em.createQuery("SELECT d FROM DisputeEntity d WHERE d.region = :r ORDER BY d.raisedAt, d.id", DisputeEntity.class)
                        : em.createQuery("SELECT d FROM DisputeEntity d WHERE d.region = :r AND d.status = :s ORDER BY d.raisedAt, d.id",
                                DisputeEntity.class).setParameter("s", status.name());
                List<DisputeEntity> rows = q.setParameter("r", region).getResultList();
                Map<Long, DecisionEntity> decisions = new HashMap<>();
                if (!rows.isEmpty()) {
                    for (DecisionEntity d : em.createQuery("SELECT d FROM DecisionEntity d WHERE d.id IN :ids", DecisionEntity.class)
                            .setParameter("ids", rows.stream().map(r -> r.decisionId).distinct().toList()).getResultList()) {
                        decisions.put(d.id, d);
                    }
                }
                return rows.stream().map(r -> Views.dispute(r, Views.decision(decisions.get(r.decisionId)))).toList();
            });
            return new Done<>(list, null, list.size() + " disputes", List.of());
        });
    }

    public DispatchDispute resolveDispute(Caller caller, String region, long disputeId, String outcome) {
        return run(caller, "dispute.resolve", region, "dispute/" + disputeId, () -> {
            caller.requireAny(Role.SUPERVISOR);
            caller.requireRegion(region);
            directory.get(region);
            String text = ReportValidator.blankToNull(outcome);
            if (text == null) {
                throw new InvalidInputException("outcome", "required", "outcome is required: the coordination meeting's decision");
            }
            if (text.length() > MAX_OUTCOME) {
                throw new InvalidInputException("outcome", "too-long", "outcome has at most " + MAX_OUTCOME + " characters");
            }
            Instant now = clock.instant();
            Ids ids = rowIds.take(1);
            return inTransaction(em -> {
                DisputeEntity d = em.find(DisputeEntity.class, disputeId, LockModeType.PESSIMISTIC_WRITE);
                if (d == null || !d.region.equals(region)) {
                    throw refuse(new NotFoundException("dispute", Long.toString(disputeId)));
                }
                if (DisputeStatus.valueOf(d.status) == DisputeStatus.RESOLVED) {
                    throw refuse(new ConflictException("Dispute " + disputeId + " was resolved on " + d.resolvedAt + " by " + d.resolvedBy));
                }
                d.status = DisputeStatus.RESOLVED.name();
                d.outcome = text;
                d.resolvedBy = caller.name();
                d.resolvedAt = now;
                CaseEntity c = em.find(CaseEntity.class, d.caseId);
                history(em, ids, c, now, caller.name(), CaseHistoryKind.DISPUTE_RESOLVED, "dispute " + d.id
                        + " resolved by the coordination meeting", "event", "resolved", "dispute", d.id.toString());
                Event e = Events.of(IntakeEvents.DISPUTE_RESOLVED, c, caller.name()).with(IntakeEvents.DISPUTE_ID, d.id).build();
                DispatchDispute result = Views.dispute(d, Views.decision(em.find(DecisionEntity.class, d.decisionId)));
                return new Done<>(result, d.caseNumber, "dispute " + d.id, List.of(e));
            });
        });
    }

    private static void validateHand(RegionRefs refs, HandDispatch hand) {
        List<FieldError> errors = new ArrayList<>();
        String office = hand == null ? null : ReportValidator.blankToNull(hand.office());
        if (office == null) {
            errors.add(new FieldError("office", "required", "office is required: the code of the office the case goes to"));
        } else if (!refs.offices().containsKey(office)) {
            errors.add(new FieldError("office", "unknown", "Region '" + refs.code() + "' has no office '" + office + "'"));
        }
        String reason = hand == null ? null : ReportValidator.blankToNull(hand.reason());
        if (reason == null) {
            errors.add(new FieldError("reason", "required", "reason is required: why the case goes to this office"));
        } else if (reason.length() > MAX_NOTE) {
            errors.add(new FieldError("reason", "too-long", "reason has at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * True when an office of this kind serves another service line than the case's: a welfare service centre (fragile
     * families) for a protection case, a protection station for a fragile-family case. Offices that serve every line
     * (Hong Kong's family service centres, other units) change nothing.
     */
    static boolean changesServiceLine(ServiceLine line, Office target) {
        if (target == null || target.type() == null) {
            return false;
        }
        return switch (target.type()) {
            case WELFARE_SERVICE_CENTRE -> line.protection();
            case PROTECTION_STATION -> !line.protection();
            default -> false;
        };
    }

    private static String officeKind(Office office) {
        return office.type() == OfficeType.WELFARE_SERVICE_CENTRE ? "welfare service centre (fragile families)"
                : "protection station (protection services)";
    }

    private static DispatchDecision byHand(HandDispatch hand, DecisionEntity previous, Caller caller, Instant now) {
        return new DispatchDecision(hand.office().strip(), false, previous == null ? 0 : previous.ruleSetVersion, null,
                DecisionBasis.BY_HAND, hand.reason().strip(), now, caller.name());
    }
}
