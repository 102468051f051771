package org.safenest.intake.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.IdAllocator.Ids;
import org.safenest.intake.internal.jpa.AssignmentEntity;
import org.safenest.intake.internal.jpa.CaseEntity;
import org.safenest.intake.internal.jpa.DecisionEntity;
import org.safenest.intake.internal.jpa.HistoryEntity;
import org.safenest.intake.internal.jpa.TransferEntity;
import org.safenest.intake.internal.jpa.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the parts of intake behind {@link CaseService} share: how a change runs ({@link #run}: its checks, its
 * transaction, its audit record and its outbox events written in that transaction, EventAdmin after the commit), the
 * refusals found inside a transaction, and the helpers that read and write a case's rows (its lock, decision and
 * history) and that more than one part uses (a case's move to another service line, its follow-up, its worker).
 */
abstract class CasePart {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_NOTE = 2000;
    static final int MAX_UNIT = 200;
    static final int MAX_OUTCOME = 4000;
    static final String SYSTEM = "system";

    static final Logger LOG = LoggerFactory.getLogger(CaseService.class);
    /** Every role but analyst reads cases. */
    static final Role[] READERS = {Role.INTAKE, Role.DISPATCHER, Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.BOARD_CHAIR};
    static final List<String> IN_SERVICE = List.of(CaseStatus.ASSESSING.name(), CaseStatus.IN_SERVICE.name());

    /** Transactions that also write the audit record and outbox events of the change they return (see {@link #run}). */
    final Transactions tx;
    final Transactions plainTx;
    final RegionDirectory directory;
    final DispatchService dispatch;
    final AuditLog audit;
    final Outbox outbox;
    final EventAdmin events;
    final Clock clock;
    final CaseNumberAllocator numbers;
    final IdAllocator rowIds;
    /** Intake's own record of the events it writes to the outbox. */
    final CaseEventJournal journal;
    /** The platform's personal-data guard (safenest-privacy), shared with the referral board. */
    final PersonalDataGuard guard;
    private final Supplier<PersonalDataPolicy> personalData;
    private final Supplier<StaffDirectory> staff;
    /** The change {@link #run} is making on this thread (one for every part). */
    private final ThreadLocal<Change> change;

    /** The first part, on the services intake uses. */
    CasePart(Transactions tx, RegionDirectory directory, DispatchService dispatch, AuditLog audit, Outbox outbox, EventAdmin events,
            Clock clock, PersonalDataGuard guard, Supplier<PersonalDataPolicy> personalData, Supplier<StaffDirectory> staff) {
        this.tx = this::changeTransaction;
        this.plainTx = tx;
        this.directory = directory;
        this.dispatch = dispatch;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.guard = java.util.Objects.requireNonNull(guard, "the personal-data guard");
        this.personalData = personalData;
        this.staff = staff;
        // short transactions of their own, which write no audit record
        this.numbers = new CaseNumberAllocator(tx);
        this.rowIds = new IdAllocator(tx);
        this.journal = new CaseEventJournal();
        this.change = new ThreadLocal<>();
    }

    /** Another part on what the first holds: the same services, allocators and change under way. */
    CasePart(CasePart first) {
        this.tx = this::changeTransaction;
        this.plainTx = first.plainTx;
        this.directory = first.directory;
        this.dispatch = first.dispatch;
        this.audit = first.audit;
        this.outbox = first.outbox;
        this.events = first.events;
        this.clock = first.clock;
        this.guard = first.guard;
        this.personalData = first.personalData;
        this.staff = first.staff;
        this.numbers = first.numbers;
        this.rowIds = first.rowIds;
        this.journal = first.journal;
        this.change = first.change;
    }

    /** The personal-data policy per region now (etc/org.safenest.intake.cfg). */
    PersonalDataPolicy personalData() {
        return personalData.get();
    }

    /** Which offices workers and supervisors belong to now (etc/org.safenest.intake.staff.cfg). */
    StaffDirectory staff() {
        return staff.get();
    }


    /** A result with what to audit and to publish once it is committed. */
    record Done<T>(T value, String target, String detail, List<Event> events) {
    }

    static void closeFollowUp(EntityManager em, Ids ids, CaseEntity c, Instant now, String actor, String why, String whyKey,
            String whyCode) {
        c.followUpCompletedAt = now;
        c.followUpCompletedBy = actor;
        c.followUpNote = why;
        history(em, ids, c, now, actor, CaseHistoryKind.FOLLOW_UP_COMPLETED, "further investigation record due " + c.followUpDue
                + " closed: " + why, "event", "closed", "due", String.valueOf(c.followUpDue), whyKey, whyCode);
    }

    /**
     * Moves the case to the other service: a new case type, a dispatch decision for it at the transfer time, a
     * transfer record and history; the number stays. Returns the events to publish.
     */
    List<Event> moveCase(EntityManager em, Ids ids, CaseEntity c, TransferDirection direction, TransferGround ground, String reason,
            String referral, CaseType to, Caller caller, Instant now) {
        String fromType = c.caseType;
        String fromOffice = c.office;
        DispatchDecision decision = dispatch.dispatch(c.region, to.code(), c.district, c.districtPart, now);
        if (c.followUpDue != null && c.followUpCompletedAt == null) {
            closeFollowUp(em, ids, c, now, caller.name(), "the case moved to " + to.serviceLine(), "serviceLine", to.serviceLine().name());
        }
        c.caseType = to.code();
        c.serviceLine = to.serviceLine().name();
        c.office = decision.manualQueue() ? null : decision.office();
        List<Event> unassigned = unassignIfMoved(em, ids, c, fromOffice, caller, now);
        c.status = (decision.manualQueue() ? CaseStatus.AWAITING_DISPATCH : CaseStatus.ASSESSING).name();
        c.assessedAt = null;
        DecisionEntity d = persistDecision(em, ids, c, decision);
        TransferEntity t = new TransferEntity();
        t.id = ids.next();
        t.caseId = c.id;
        t.direction = direction.name();
        t.ground = ground.name();
        t.reason = reason;
        t.fromCaseType = fromType;
        t.toCaseType = to.code();
        t.fromOffice = fromOffice;
        t.decisionId = d.id;
        t.referral = referral;
        t.at = now;
        t.by = caller.name();
        em.persist(t);
        history(em, ids, c, now, caller.name(), CaseHistoryKind.TRANSFERRED, direction + " (" + ground + "): " + fromType + " to "
                + to.code() + (fromOffice == null ? "" : ", from " + fromOffice), "event", "transferred", "direction", direction.toString(),
                "ground", ground.toString(), "fromCaseType", fromType, "toCaseType", to.code(), "fromOffice", fromOffice);
        history(em, ids, c, now, SYSTEM, CaseHistoryKind.DISPATCHED, describe(decision), describeParams(decision));
        List<Event> published = new ArrayList<>(List.of(
                Events.of(IntakeEvents.CASE_TRANSFERRED, c, caller.name()).with(IntakeEvents.DIRECTION, direction)
                        .with(IntakeEvents.GROUND, ground).with(IntakeEvents.FROM_OFFICE, fromOffice).build(),
                Events.of(IntakeEvents.CASE_DISPATCHED, c, SYSTEM).decision(decision).build()));
        published.addAll(unassigned);
        return published;
    }

    /** Assigns the case (worker null: leaves it without one) with its record, history and event. */
    static Event assignTo(EntityManager em, Ids ids, CaseEntity c, String worker, String reason, String actor, Instant now,
            String movedFrom) {
        AssignmentEntity a = new AssignmentEntity();
        a.id = ids.next();
        a.caseId = c.id;
        a.worker = worker;
        a.previousWorker = c.assignedTo;
        a.office = c.office;
        a.reason = reason;
        a.assignedBy = cut(actor, 100);
        a.assignedAt = now;
        em.persist(a);
        history(em, ids, c, now, actor, CaseHistoryKind.ASSIGNED, worker == null ? "no worker: " + reason
                : (a.previousWorker == null ? "assigned to " + worker : "reassigned from " + a.previousWorker + " to " + worker),
                "event", worker == null ? (movedFrom != null ? "moved" : "unassigned") : a.previousWorker == null ? "assigned" : "reassigned",
                "worker", worker, "previousWorker", a.previousWorker, "fromOffice", movedFrom, "office", c.office);
        c.assignedTo = worker;
        c.assignedAt = worker == null ? null : now;
        return Events.of(IntakeEvents.CASE_ASSIGNED, c, actor).with(IntakeEvents.WORKER, worker)
                .with(IntakeEvents.PREVIOUS_WORKER, a.previousWorker).with(IntakeEvents.FROM_OFFICE, a.office).build();
    }

    /** A case that moved to another office leaves its worker (who belongs to the old office); uses 2 ids. */
    static List<Event> unassignIfMoved(EntityManager em, Ids ids, CaseEntity c, String fromOffice, Caller caller, Instant now) {
        if (c.assignedTo == null || java.util.Objects.equals(fromOffice, c.office)) {
            return List.of();
        }
        return List.of(assignTo(em, ids, c, null, "the case moved from office " + fromOffice + " to "
                + (c.office == null ? "the manual dispatch queue" : c.office), caller.name(), now, fromOffice));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A refusal (not found, conflict, invalid) found inside a transaction before anything was written. The work
     * returns it instead of throwing, so the transaction ends with a commit of nothing rather than a rollback
     * (which Derby's XA resource answers with a logged warning), and the error follows the commit.
     */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final RuntimeException error;

        Refusal(RuntimeException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /** Use only inside {@link #inTransaction}, and only before the work has written anything. */
    static Refusal refuse(RuntimeException error) {
        return new Refusal(error);
    }

    /** Runs work that may refuse (see {@link Refusal}); any other failure rolls the transaction back. */
    @SuppressWarnings("unchecked")
    <T> T inTransaction(Function<EntityManager, T> work) {
        Object result = tx.required(em -> {
            try {
                return work.apply(em);
            } catch (Refusal r) {
                return r;
            }
        });
        if (result instanceof Refusal r) {
            throw r.error;
        }
        return (T) result;
    }

    static CaseEntity findCase(EntityManager em, String region, String caseNumber, boolean lock) {
        TypedQuery<CaseEntity> q = em.createQuery("SELECT c FROM CaseEntity c WHERE c.region = :r AND c.caseNumber = :n",
                CaseEntity.class).setParameter("r", region).setParameter("n", caseNumber == null ? "" : caseNumber.trim());
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<CaseEntity> found = q.getResultList();
        if (found.isEmpty()) {
            throw refuse(new NotFoundException("case", String.valueOf(caseNumber)));
        }
        return found.get(0);
    }

    static void requireOpen(CaseEntity c) {
        if (CaseStatus.valueOf(c.status) == CaseStatus.CLOSED) {
            throw refuse(new ConflictException("Case " + c.caseNumber + " is closed"));
        }
    }

    static DecisionEntity currentDecision(EntityManager em, CaseEntity c) {
        return c.decisionId == null ? null : em.find(DecisionEntity.class, c.decisionId);
    }

    /** Stores a decision and makes it the case's current one. */
    static DecisionEntity persistDecision(EntityManager em, Ids ids, CaseEntity c, DispatchDecision decision) {
        DecisionEntity d = persistDecision(em, ids.next(), c.id, decision);
        c.decisionId = d.id;
        return d;
    }

    static DecisionEntity persistDecision(EntityManager em, long id, Long caseId, DispatchDecision decision) {
        DecisionEntity d = new DecisionEntity();
        d.id = id;
        d.caseId = caseId;
        d.office = decision.office();
        d.manualQueue = decision.manualQueue();
        d.ruleSetVersion = decision.ruleSetVersion();
        d.ruleId = cut(decision.ruleId(), 200);
        d.basis = (decision.basis() != null ? decision.basis() : decision.manualQueue() ? DecisionBasis.NO_RULE : DecisionBasis.RULE).name();
        d.explanation = cut(decision.explanation(), 2000);
        d.decidedAt = decision.decidedAt() == null ? Instant.now() : decision.decidedAt();
        d.decidedBy = decision.decidedBy() == null ? SYSTEM : cut(decision.decidedBy(), 100);
        em.persist(d);
        return d;
    }

    /** Adds an entry at the end of the case's history. */
    static void history(EntityManager em, Ids ids, CaseEntity c, Instant at, String actor, CaseHistoryKind kind,
            String detail, String... params) {
        history(em, ids, c.id, ++c.historyCount, at, actor, kind, detail, params);
    }

    /**
     * Adds an entry: the English detail (kept for API clients that show it) and the codes and parameters the web page
     * renders in the user's language (pairs of key and value; null values left out; no personal data).
     */
    static void history(EntityManager em, Ids ids, Long caseId, int position, Instant at, String actor,
            CaseHistoryKind kind, String detail, String... params) {
        HistoryEntity h = new HistoryEntity();
        h.id = ids.next();
        h.caseId = caseId;
        h.position = position;
        h.at = at;
        h.actor = cut(actor, 100);
        h.kind = kind.name();
        h.detail = cut(detail, 1000);
        h.params = cut(HistoryParams.format(params), 1000);
        em.persist(h);
    }

    /** The codes of a decision by the rules, for the page to explain it in the user's language. */
    static String[] describeParams(DispatchDecision d) {
        return new String[] {"event", d.manualQueue() ? "manual-queue" : "rule", "office", d.office(), "ruleId", d.ruleId(),
            "version", d.ruleSetVersion() > 0 ? Integer.toString(d.ruleSetVersion()) : null,
            "fallback", d.basis() == DecisionBasis.FALLBACK_RULE ? "true" : null};
    }

    static String describe(DispatchDecision d) {
        if (d.manualQueue()) {
            return "no rule matched: waits in the manual dispatch queue" + (d.ruleSetVersion() > 0 ? " (rule set version "
                    + d.ruleSetVersion() + ")" : " (no rule set in force)");
        }
        return "dispatched to " + d.office() + (d.ruleId() == null ? "" : " by rule " + d.ruleId())
                + (d.ruleSetVersion() > 0 ? " of version " + d.ruleSetVersion() : "")
                + (d.basis() == DecisionBasis.FALLBACK_RULE ? " (fallback)" : "");
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A change being made by {@link #run}: who, what, where, and whether its audit record and events are written. */
    static final class Change {
        final Caller caller;
        final String action;
        final String region;
        final String target;
        boolean written;

        Change(Caller caller, String action, String region, String target) {
            this.caller = caller;
            this.action = action;
            this.region = region;
            this.target = target;
        }
    }

    /**
     * A transaction of the change {@link #run} makes on this thread: when the work returns the change's result
     * ({@link Done}), its audit record and its events are written in the same transaction, before the commit.
     */
    <R> R changeTransaction(Function<EntityManager, R> work) {
        Change c = change.get();
        boolean[] wrote = {false};
        R result = plainTx.required(em -> {
            R r = work.apply(em);
            Done<?> done = r instanceof Done<?> d ? d : r instanceof Optional<?> o && o.orElse(null) instanceof Done<?> d ? d : null;
            if (done != null && c != null && !c.written) {
                writeEffects(em, c, done);
                wrote[0] = true;
            }
            return r;
        });
        if (wrote[0]) {
            c.written = true;
        }
        return result;
    }

    /**
     * The audit record of a successful change and its events, in the caller's transaction: each event goes to the
     * outbox and, with the same id, to intake's own record of its events ({@link CaseEventJournal}).
     */
    void writeEffects(EntityManager em, Change c, Done<?> done) {
        Instant now = clock.instant();
        for (Event e : done.events()) {
            Map<String, Object> props = new HashMap<>();
            for (String name : e.getPropertyNames()) {
                if (!org.osgi.service.event.EventConstants.EVENT_TOPIC.equals(name)) {
                    props.put(name, e.getProperty(name));
                }
            }
            Object caseNumber = e.getProperty(IntakeEvents.CASE_NUMBER);
            String id = UUID.randomUUID().toString();
            String key = caseNumber == null ? null : caseNumber.toString();
            outbox.append(id, e.getTopic(), c.region, key, props);
            journal.keep(em, id, e.getTopic(), c.region, key, props, now);
        }
        audit.recordWithChange(record(c, done.target() != null ? done.target() : c.target, AuditOutcome.SUCCESS, done.detail()));
    }

    /**
     * Runs the work. A change's audit record and outbox events are written in its transaction (see
     * {@link #changeTransaction}); a result made outside a transaction (a read) has its record written before the
     * answer; a refusal or failure is recorded before the exception goes on. In-process EventAdmin listeners are
     * told after the commit. The record holds the action, the region and the case number, never personal data.
     */
    <T> T run(Caller caller, String action, String region, String target, Supplier<Done<T>> work) {
        Change c = new Change(caller, action, region, target);
        Change outer = change.get();
        change.set(c);
        Done<T> done;
        try {
            done = work.get();
        } catch (AccessDeniedException e) {
            refused(c, AuditOutcome.DENIED, e.getMessage());
            throw e;
        } catch (InvalidInputException e) {
            refused(c, AuditOutcome.REJECTED, "invalid: " + String.join(", ", e.errors().stream().map(FieldError::field).toList()));
            throw e;
        } catch (NotFoundException | ConflictException e) {
            refused(c, AuditOutcome.REJECTED, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            refused(c, AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        } finally {
            change.set(outer);
        }
        if (!c.written) {
            if (done.events().isEmpty()) {
                write(record(c, done.target() != null ? done.target() : target, AuditOutcome.SUCCESS, done.detail()));
            } else {
                plainTx.required(em -> {
                    writeEffects(em, c, done);
                    return null;
                });
            }
        }
        for (Event e : done.events()) {
            try {
                events.postEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("Event {} could not be posted: {}", e.getTopic(), ex.toString());
            }
        }
        return done.value();
    }

    void refused(Change c, AuditOutcome outcome, String detail) {
        write(record(c, c.target, outcome, detail));
    }

    static AuditRecord record(Change c, String target, AuditOutcome outcome, String detail) {
        // the time of the action, not of the write
        return AuditRecord.of(c.caller == null ? "anonymous" : c.caller.name(), c.action, c.region, target, outcome, cut(detail, 500));
    }

    /** Writes a record in a transaction of its own (group-committed with others); durable when it returns. */
    void write(AuditRecord record) {
        try {
            audit.record(record);
        } catch (RuntimeException e) {
            LOG.error("Audit record {} {} {} could not be written: {}", record.action(), record.region(), record.target(), e.toString());
        }
    }
}
