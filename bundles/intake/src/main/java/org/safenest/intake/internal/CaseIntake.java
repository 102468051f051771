package org.safenest.intake.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.MergeRule;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.IdAllocator.Ids;
import org.safenest.intake.internal.jpa.CaseChildEntity;
import org.safenest.intake.internal.jpa.CaseEntity;
import org.safenest.intake.internal.jpa.DecisionEntity;
import org.safenest.intake.internal.jpa.ReportEntity;
import org.safenest.intake.internal.jpa.Transactions;

/**
 * Recording a report ({@link CaseService#submit}): one transaction for the idempotency check, the merge rules and
 * every row of the new report; the dispatch decision (in memory) and the case number (a counter row per region and
 * year, reserved in short transactions of their own) come before it, so concurrent reports do not wait for each
 * other's commit.
 */
final class CaseIntake extends CasePart {
    CaseIntake(Transactions tx, RegionDirectory directory, DispatchService dispatch, AuditLog audit, Outbox outbox, EventAdmin events,
            Clock clock, PersonalDataGuard guard, Supplier<PersonalDataPolicy> personalData, Supplier<StaffDirectory> staff) {
        super(tx, directory, dispatch, audit, outbox, events, clock, guard, personalData, staff);
    }


    // ------------------------------------------------------------------ intake

    public IntakeReceipt submit(Caller caller, String region, IntakeReport report) {
        return run(caller, "case.report", region, null, () -> {
            caller.requireAny(Role.INTAKE, Role.DISPATCHER);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            Instant now = clock.instant();
            ValidReport v = ReportValidator.validate(report, refs, now, guard, personalData().of(region));
            // in memory, writes nothing: decided before the transaction, unused when the report is merged or a replay
            DispatchDecision decision = dispatch.dispatch(region, v.caseType().code(), v.district().code(), v.part(), v.receivedAt());
            int year = v.receivedAt().atZone(refs.zone()).getYear();
            // taken before the transaction (so that it never waits for the counter), given back when unused
            long sequence = numbers.take(region, year);
            Ids ids = rowIds.take(5 + childRefs(v).size());
            Done<IntakeReceipt> done;
            try {
                done = tx.required(em -> record(em, ids, caller, refs, v, decision, year, sequence, now));
            } catch (RuntimeException e) {
                numbers.giveBack(region, year, sequence);
                if (!CaseNumberAllocator.constraintViolation(e)) {
                    throw e;
                }
                // a concurrent submit of the same reportId won: answer with its receipt
                return tx.required(em -> Optional.ofNullable(findReport(em, region, v.reportId())).map(r -> replay(em, r)))
                        .orElseThrow(() -> e);
            }
            if (done.value().replay() || done.value().mergeRule() != MergeRule.NEW_CASE) {
                numbers.giveBack(region, year, sequence);
            }
            return done;
        });
    }

    private Done<IntakeReceipt> record(EntityManager em, Ids ids, Caller caller, RegionRefs refs, ValidReport v, DispatchDecision decision,
            int year, long sequence, Instant now) {
        String region = refs.code();
        ReportEntity existing = findReport(em, region, v.reportId());
        if (existing != null) {
            return replay(em, existing);
        }
        ServiceLine line = v.caseType().serviceLine();
        CaseEntity c = null;
        MergeRule rule = MergeRule.NEW_CASE;
        if (v.householdRef() != null) {
            List<CaseEntity> inService = new ArrayList<>(em.createQuery("SELECT c FROM CaseEntity c WHERE c.region = :r"
                    + " AND c.householdRef = :h AND c.serviceLine = :l AND c.status IN :s", CaseEntity.class)
                    .setParameter("r", region).setParameter("h", v.householdRef()).setParameter("l", line.name())
                    .setParameter("s", IN_SERVICE).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
            if (!inService.isEmpty()) {
                // the oldest case of the household first
                Comparator<CaseEntity> oldestFirst = Comparator.comparing((CaseEntity e) -> e.openedAt).thenComparing(e -> e.id);
                inService.sort(oldestFirst);
                c = inService.get(0);
                rule = MergeRule.MERGED_SIBLING_CASE;
                Set<String> childRefs = new HashSet<>();
                v.children().forEach(ch -> {
                    if (ch.childRef() != null) {
                        childRefs.add(ch.childRef());
                    }
                });
                if (!childRefs.isEmpty()) {
                    Map<Long, CaseEntity> byId = new HashMap<>();
                    inService.forEach(e -> byId.put(e.id, e));
                    CaseEntity joined = null;
                    for (Object[] row : em.createQuery("SELECT r.caseId, r.children FROM ReportEntity r WHERE r.caseId IN :ids",
                            Object[].class).setParameter("ids", new ArrayList<>(byId.keySet())).getResultList()) {
                        CaseEntity candidate = byId.get((Long) row[0]);
                        if ((joined == null || oldestFirst.compare(candidate, joined) < 0)
                                && Children.refs((String) row[1]).stream().anyMatch(childRefs::contains)) {
                            joined = candidate;
                        }
                    }
                    if (joined != null) {
                        c = joined;
                        rule = MergeRule.JOINED_CASE_IN_SERVICE;
                    }
                }
            }
        }
        List<Event> published = new ArrayList<>();
        DispatchDecision receiptDecision;
        Long decisionId;
        if (c == null) {
            c = new CaseEntity();
            c.id = ids.next();
            c.region = region;
            c.caseNumber = CaseNumbers.format(region, year, sequence);
            c.householdRef = v.householdRef();
            c.caseType = v.caseType().code();
            c.serviceLine = line.name();
            c.district = v.district().code();
            c.districtPart = v.part();
            c.status = (decision.manualQueue() ? CaseStatus.AWAITING_DISPATCH : CaseStatus.ASSESSING).name();
            c.office = decision.manualQueue() ? null : decision.office();
            c.openedAt = now;
            c.firstReceivedAt = v.receivedAt();
            c.lastReceivedAt = v.receivedAt();
            c.reportCount = 1;
            // RECEIVED and DISPATCHED below: counted now, so that the new row needs no update
            c.historyCount = 2;
            c.decisionId = ids.next();
            em.persist(c);
            DecisionEntity d = persistDecision(em, c.decisionId, c.id, decision);
            decisionId = d.id;
            receiptDecision = decision;
            history(em, ids, c.id, 1, now, caller.name(), CaseHistoryKind.RECEIVED, "report " + v.reportId() + " opened the case ("
                    + c.caseType + ", " + c.district + (c.districtPart == null ? "" : " " + c.districtPart) + ")",
                    "event", "opened", "caseType", c.caseType, "district", c.district, "districtPart", c.districtPart);
            history(em, ids, c.id, 2, now, SYSTEM, CaseHistoryKind.DISPATCHED, describe(decision), describeParams(decision));
        } else {
            // the receipt carries the decision under which the case is served; no new decision
            decisionId = c.decisionId;
            receiptDecision = Views.decision(decisionId == null ? null : em.find(DecisionEntity.class, decisionId));
            c.reportCount++;
            if (v.receivedAt().isAfter(c.lastReceivedAt)) {
                c.lastReceivedAt = v.receivedAt();
            }
            if (v.receivedAt().isBefore(c.firstReceivedAt)) {
                c.firstReceivedAt = v.receivedAt();
            }
            history(em, ids, c, now, caller.name(), CaseHistoryKind.MERGED, "report " + v.reportId() + " ("
                    + v.caseType().code() + ") " + (rule == MergeRule.JOINED_CASE_IN_SERVICE
                            ? "joined the case in service of a child it concerns" : "merged into the case of the household in service")
                    + " (" + rule + ")", "event", rule.name(), "caseType", v.caseType().code());
        }
        ReportEntity r = new ReportEntity();
        r.id = ids.next();
        r.caseId = c.id;
        r.region = region;
        r.reportId = v.reportId();
        r.receivedAt = v.receivedAt();
        r.caseType = v.caseType().code();
        r.district = v.district().code();
        r.districtPart = v.part();
        r.children = Children.encode(v.children());
        r.householdRef = v.householdRef();
        r.summary = v.summary();
        r.source = v.source();
        r.mergeRule = rule.name();
        r.recordedAt = now;
        r.recordedBy = caller.name();
        r.decisionId = decisionId;
        em.persist(r);
        for (String childRef : childRefs(v)) {
            indexChild(em, ids.next(), c.id, r.id, region, childRef);
        }
        // constraint violations (a concurrent submit of the same reportId) surface here, inside the work
        em.flush();

        published.add(reportEvent(IntakeEvents.CASE_RECEIVED, c, caller, v, rule));
        if (rule == MergeRule.NEW_CASE) {
            published.add(Events.of(IntakeEvents.CASE_DISPATCHED, c, SYSTEM).decision(decision)
                    .with(IntakeEvents.RECEIVED_AT, v.receivedAt()).build());
        } else {
            published.add(reportEvent(IntakeEvents.CASE_MERGED, c, caller, v, rule));
        }
        IntakeReceipt receipt = new IntakeReceipt(v.reportId(), c.caseNumber, rule, receiptDecision, false, now, v.warnings());
        // the audit detail names the fields and kinds of personal data accepted in warn mode, never the data
        String detail = v.warnings().isEmpty() ? rule.name() : rule.name() + " warnings="
                + String.join(",", v.warnings().stream().map(w -> w.field() + ":" + w.code()).toList());
        return new Done<>(receipt, c.caseNumber, detail, published);
    }

    private static Set<String> childRefs(ValidReport v) {
        Set<String> refs = new java.util.LinkedHashSet<>();
        v.children().forEach(ch -> {
            if (ch.childRef() != null) {
                refs.add(ch.childRef());
            }
        });
        return refs;
    }

    private static void indexChild(EntityManager em, long id, Long caseId, Long reportId, String region, String childRef) {
        CaseChildEntity x = new CaseChildEntity();
        x.id = id;
        x.caseId = caseId;
        x.reportId = reportId;
        x.region = region;
        x.childRef = childRef;
        em.persist(x);
    }

    /**
     * Indexes the child references of reports recorded before schema change 3 (which keep them in their text column
     * only), so that the search by child reference finds them too. Runs at start; finds nothing to do once done.
     */
    void indexOldChildRefs() {
        while (true) {
            List<ReportEntity> batch = plainTx.required(em -> em.createQuery("SELECT r FROM ReportEntity r WHERE r.children LIKE :ref"
                    + " AND NOT EXISTS (SELECT x.id FROM CaseChildEntity x WHERE x.reportId = r.id) ORDER BY r.id", ReportEntity.class)
                    .setParameter("ref", "%|_%").setMaxResults(500).getResultList());
            if (batch.isEmpty()) {
                return;
            }
            int count = batch.stream().mapToInt(r -> Children.refs(r.children).size()).sum();
            Ids ids = rowIds.take(count);
            plainTx.required(em -> {
                for (ReportEntity r : batch) {
                    for (String ref : Children.refs(r.children)) {
                        indexChild(em, ids.next(), r.caseId, r.id, r.region, ref);
                    }
                }
                return null;
            });
            LOG.info("Indexed the child references of {} reports recorded before schema change 3", batch.size());
        }
    }

    private static Event reportEvent(String topic, CaseEntity c, Caller caller, ValidReport v, MergeRule rule) {
        return Events.of(topic, c, caller.name()).with(IntakeEvents.CASE_TYPE, v.caseType().code())
                .with(IntakeEvents.SERVICE_LINE, v.caseType().serviceLine()).with(IntakeEvents.DISTRICT, v.district().code())
                .with(IntakeEvents.DISTRICT_PART, v.part()).with(IntakeEvents.REPORT_ID, v.reportId())
                .with(IntakeEvents.RECEIVED_AT, v.receivedAt()).with(IntakeEvents.MERGE_RULE, rule).build();
    }

    private Done<IntakeReceipt> replay(EntityManager em, ReportEntity r) {
        String caseNumber = em.createQuery("SELECT c.caseNumber FROM CaseEntity c WHERE c.id = :id", String.class)
                .setParameter("id", r.caseId).getSingleResult();
        DecisionEntity d = r.decisionId == null ? null : em.find(DecisionEntity.class, r.decisionId);
        IntakeReceipt receipt = new IntakeReceipt(r.reportId, caseNumber, MergeRule.valueOf(r.mergeRule), Views.decision(d), true,
                r.recordedAt, List.of());
        return new Done<>(receipt, caseNumber, "replay", List.of());
    }

    private static ReportEntity findReport(EntityManager em, String region, String reportId) {
        List<ReportEntity> found = em.createQuery("SELECT r FROM ReportEntity r WHERE r.region = :r AND r.reportId = :id",
                ReportEntity.class).setParameter("r", region).setParameter("id", reportId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
