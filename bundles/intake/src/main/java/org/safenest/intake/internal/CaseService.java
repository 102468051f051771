package org.safenest.intake.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.AssignmentRequest;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.Disposition;
import org.safenest.api.intake.DispatchedReport;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.FollowUp;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.MergeRule;
import org.safenest.api.intake.OfficeCaseload;
import org.safenest.api.intake.WorkerCaseload;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.intake.TransferRequest;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.api.region.District;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.RegionService;
import org.safenest.api.schema.SchemaReady;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.IdAllocator.Ids;
import org.safenest.intake.internal.jpa.AssignmentEntity;
import org.safenest.intake.internal.jpa.CaseChildEntity;
import org.safenest.intake.internal.jpa.CaseEntity;
import org.safenest.intake.internal.jpa.DecisionEntity;
import org.safenest.intake.internal.jpa.DispositionEntity;
import org.safenest.intake.internal.jpa.DisputeEntity;
import org.safenest.intake.internal.jpa.HistoryEntity;
import org.safenest.intake.internal.jpa.ReportEntity;
import org.safenest.intake.internal.jpa.TransferEntity;
import org.safenest.intake.internal.jpa.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central intake window on the {@code safenest-intake} persistence unit.
 *
 * <p>Recording a report is one transaction: the idempotency check, the merge rules and every row of the new
 * report. Reference data (districts, offices, case types, time zone) comes from a short-lived cache, the
 * dispatch decision from the dispatch service (in memory) before the transaction starts. The change's domain audit
 * record and its events (as {@link Outbox} rows) are written in the change's own transaction: an acknowledged change
 * always has both; EventAdmin events follow the commit as a signal for in-process listeners. Case numbers come from {@link CaseNumberAllocator} (a counter row per region and
 * year, reserved in short transactions of their own), so concurrent reports do not wait for each other's commit.
 * Every change of a case takes the case's row lock first.
 */
@Component(service = IntakeService.class, configurationPid = "org.safenest.intake", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CaseService implements IntakeService {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_NOTE = 2000;
    static final int MAX_UNIT = 200;
    static final int MAX_OUTCOME = 4000;
    static final String SYSTEM = "system";

    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);
    /** Every role but analyst reads cases. */
    private static final Role[] READERS = {Role.INTAKE, Role.DISPATCHER, Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.BOARD_CHAIR};
    private static final List<String> IN_SERVICE = List.of(CaseStatus.ASSESSING.name(), CaseStatus.IN_SERVICE.name());

    /** Transactions that also write the audit record and outbox events of the change they return (see {@link #run}). */
    private final Transactions tx;
    private final Transactions plainTx;
    private final RegionDirectory directory;
    private final DispatchService dispatch;
    private final AuditLog audit;
    private final Outbox outbox;
    private final EventAdmin events;
    private final Clock clock;
    private final CaseNumberAllocator numbers;
    private final IdAllocator rowIds;
    /** The platform's personal-data guard (safenest-privacy), shared with the referral board. */
    private final PersonalDataGuard guard;
    private volatile PersonalDataPolicy personalData = PersonalDataPolicy.DEFAULT;
    /** The change {@link #run} is making on this thread. */
    private final ThreadLocal<Change> change = new ThreadLocal<>();

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-intake)")
    SchemaReady schemaReady;

    /** Which offices workers and supervisors belong to (etc/org.safenest.intake.staff.cfg). */
    @Reference
    volatile StaffDirectory staff = new StaffDirectory();

    @Activate
    public CaseService(@Reference(target = "(osgi.unit.name=safenest-intake)") JpaTemplate jpa, @Reference RegionService regions,
            @Reference CaseTypeCatalogue catalogue, @Reference DispatchService dispatch, @Reference AuditLog audit,
            @Reference Outbox outbox, @Reference EventAdmin events, @Reference PersonalDataGuard guard, Map<String, Object> config) {
        this(new Transactions() {
            @Override
            public <R> R required(Function<EntityManager, R> work) {
                return jpa.txExpr(TransactionType.Required, work::apply);
            }
        }, regions, catalogue, dispatch, audit, outbox, events, guard, Clock.systemUTC(), RegionDirectory.DEFAULT_TTL);
        modified(config);
    }

    /** {@code personal-data} and {@code <region>.personal-data}: refuse (default) or warn. */
    @Modified
    void modified(Map<String, ?> config) {
        this.personalData = PersonalDataPolicy.parse(config);
    }

    /**
     * Outside OSGi (tests): the transactions, the services intake uses, the clock that tells the time (received
     * times in the future, follow-up dates, overdue lists) and how long reference data is kept.
     */
    public CaseService(Transactions tx, RegionService regions, CaseTypeCatalogue catalogue, DispatchService dispatch,
            AuditLog audit, Outbox outbox, EventAdmin events, PersonalDataGuard guard, Clock clock, Duration referenceDataTtl) {
        this.guard = java.util.Objects.requireNonNull(guard, "the personal-data guard");
        this.plainTx = tx;
        this.tx = this::changeTransaction;
        this.directory = new RegionDirectory(regions, catalogue, referenceDataTtl);
        this.dispatch = dispatch;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        // short transactions of their own, which write no audit record
        this.numbers = new CaseNumberAllocator(tx);
        this.rowIds = new IdAllocator(tx);
    }

    /** Starts indexing the child references of reports recorded before schema change 3 (see {@link #indexOldChildRefs}). */
    @Activate
    void start() {
        Thread t = new Thread(() -> {
            try {
                indexOldChildRefs();
            } catch (RuntimeException e) {
                LOG.warn("The child references of older reports could not be indexed: {}", e.toString());
            }
        }, "safenest-intake-child-refs");
        t.setDaemon(true);
        t.start();
    }

    /** Gives the unused rest of the case-number blocks back. */
    @Deactivate
    public void deactivate() {
        numbers.release();
    }

    /** A result with what to audit and to publish once it is committed. */
    private record Done<T>(T value, String target, String detail, List<Event> events) {
    }

    // ------------------------------------------------------------------ intake

    @Override
    public IntakeReceipt submit(Caller caller, String region, IntakeReport report) {
        return run(caller, "case.report", region, null, () -> {
            caller.requireAny(Role.INTAKE, Role.DISPATCHER);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            Instant now = clock.instant();
            ValidReport v = ReportValidator.validate(report, refs, now, guard, personalData.of(region));
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

    // ------------------------------------------------------------------ reading

    @Override
    public CaseView caseView(Caller caller, String region, String caseNumber) {
        return run(caller, "case.read", region, caseNumber, () -> {
            caller.requireAny(READERS);
            caller.requireRegion(region);
            directory.get(region);
            CaseView view = inTransaction(em -> Views.caseView(em, findCase(em, region, caseNumber, false)));
            return new Done<>(view, caseNumber, null, List.of());
        });
    }

    @Override
    public List<CaseSummary> cases(Caller caller, String region, CaseFilter filter) {
        return run(caller, "case.list", region, null, () -> {
            caller.requireAny(READERS);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            CaseFilter f = districtCode(refs, filter == null ? CaseFilter.all(DEFAULT_LIMIT) : filter);
            orderBy(f.sort());
            LocalDate today = LocalDate.ofInstant(clock.instant(), refs.zone());
            int limit = f.limit() <= 0 ? DEFAULT_LIMIT : Math.min(f.limit(), MAX_LIMIT);
            List<CaseSummary> list = tx.required(em -> {
                TypedQuery<CaseEntity> q = filtered(em, region, f, today, "SELECT c", orderBy(f.sort()), CaseEntity.class);
                q.setFirstResult(Math.max(0, f.offset()));
                q.setMaxResults(limit);
                return q.getResultList().stream().map(c -> Views.summary(c, today)).toList();
            });
            return new Done<>(list, null, list.size() + " cases", List.of());
        });
    }

    @Override
    public long countCases(Caller caller, String region, CaseFilter filter) {
        caller.requireAny(READERS);
        caller.requireRegion(region);
        RegionRefs refs = directory.get(region);
        CaseFilter f = districtCode(refs, filter == null ? CaseFilter.all(DEFAULT_LIMIT) : filter);
        LocalDate today = LocalDate.ofInstant(clock.instant(), refs.zone());
        return tx.required(em -> filtered(em, region, f, today, "SELECT COUNT(c)", "", Long.class).getSingleResult());
    }

    @Override
    public List<DispatchedReport> dispatchedReports(Caller caller, String region, Instant from, Instant to, int offset, int limit) {
        return run(caller, "case.dispatch-replay", region, null, () -> {
            caller.requireAny(Role.DISPATCHER, Role.SUPERVISOR);
            caller.requireRegion(region);
            directory.get(region);
            List<FieldError> wrong = new ArrayList<>();
            if (from == null) {
                wrong.add(new FieldError("from", "required", "The start of the period is required"));
            }
            if (to == null) {
                wrong.add(new FieldError("to", "required", "The end of the period is required"));
            }
            if (from != null && to != null && !from.isBefore(to)) {
                wrong.add(new FieldError("to", "invalid-value", "The end of the period must come after its start"));
            }
            if (!wrong.isEmpty()) {
                throw new InvalidInputException(wrong);
            }
            int max = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
            // the cases by their first received time (SN_CASE_RECEIVED_IX), then the report that opened each and its decision
            List<DispatchedReport> list = tx.required(em -> em.createQuery("SELECT c.caseNumber, r.receivedAt, r.caseType, r.district,"
                    + " r.districtPart, d.office, d.manualQueue, d.ruleSetVersion FROM CaseEntity c, ReportEntity r, DecisionEntity d"
                    + " WHERE c.region = :region AND c.firstReceivedAt >= :from AND c.firstReceivedAt < :to AND r.caseId = c.id"
                    + " AND r.mergeRule = :opened AND d.id = r.decisionId ORDER BY c.firstReceivedAt, c.id", Object[].class)
                    .setParameter("region", region).setParameter("from", from).setParameter("to", to)
                    .setParameter("opened", MergeRule.NEW_CASE.name()).setFirstResult(Math.max(0, offset)).setMaxResults(max)
                    .getResultList().stream().map(row -> new DispatchedReport((String) row[0], (Instant) row[1], (String) row[2],
                            (String) row[3], (String) row[4], Boolean.TRUE.equals(row[6]) ? null : (String) row[5], (Integer) row[7]))
                    .toList());
            return new Done<>(list, null, list.size() + " reports from " + from + " to " + to, List.of());
        });
    }

    /** The JPQL columns of the sort keys of {@link CaseFilter#SORTS}. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("caseNumber", "c.caseNumber", "receivedAt", "c.firstReceivedAt",
            "lastReceivedAt", "c.lastReceivedAt", "openedAt", "c.openedAt", "caseType", "c.caseType", "district", "c.district",
            "office", "c.office", "status", "c.status", "followUpDue", "c.followUpDue", "assignedTo", "c.assignedTo");

    /**
     * The ORDER BY of a sort key ({@code field} or {@code -field} for descending; null is newest first), with the id
     * as the last key so that pages never overlap; an unknown key is a field error {@code sort}.
     */
    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return " ORDER BY c.openedAt DESC, c.id DESC";
        }
        String key = sort.strip();
        boolean descending = key.startsWith("-");
        String column = SORT_COLUMNS.get(descending ? key.substring(1) : key);
        if (column == null) {
            throw new InvalidInputException("sort", "unknown", "sort must be one of " + CaseFilter.SORTS
                    + ", with - before it for descending order");
        }
        String dir = descending ? " DESC" : " ASC";
        return " ORDER BY " + column + dir + ", c.id" + dir;
    }

    /** The filter with the district's code when it names a district by name. */
    private static CaseFilter districtCode(RegionRefs refs, CaseFilter f) {
        District d = f.district() == null ? null : refs.district(f.district());
        if (d == null || d.code().equals(f.district())) {
            return f;
        }
        return f.withDistrict(d.code());
    }

    private static <T> TypedQuery<T> filtered(EntityManager em, String region, CaseFilter f, LocalDate today, String select,
            String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" WHERE c.region = :region");
        Map<String, Object> params = new HashMap<>();
        params.put("region", region);
        if (f.caseType() != null) {
            where.append(" AND c.caseType = :caseType");
            params.put("caseType", f.caseType());
        }
        if (f.serviceLine() != null) {
            where.append(" AND c.serviceLine = :line");
            params.put("line", f.serviceLine().name());
        }
        if (f.district() != null) {
            where.append(" AND c.district = :district");
            params.put("district", f.district());
        }
        if (f.office() != null) {
            where.append(" AND c.office = :office");
            params.put("office", f.office());
        }
        if (f.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.manualQueueOnly()) {
            where.append(" AND c.status = :queued");
            params.put("queued", CaseStatus.AWAITING_DISPATCH.name());
        }
        if (f.overdueOnly()) {
            where.append(" AND c.followUpDue < :today AND c.followUpCompletedAt IS NULL");
            params.put("today", today);
        }
        if (f.receivedFrom() != null) {
            where.append(" AND c.firstReceivedAt >= :from");
            params.put("from", f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            where.append(" AND c.firstReceivedAt < :to");
            params.put("to", f.receivedTo());
        }
        if (f.caseNumber() != null) {
            String n = f.caseNumber().strip().toUpperCase(java.util.Locale.ROOT);
            if (n.matches("[A-Z]+-\\d{4}-\\d{6}")) {
                // a whole number: the unique index
                where.append(" AND c.caseNumber = :number");
                params.put("number", n);
            } else {
                // the numbers that begin with it (a prefix LIKE reads the same index); % and _ taken literally
                where.append(" AND c.caseNumber LIKE :number ESCAPE '!'");
                params.put("number", n.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        if (f.householdRef() != null) {
            where.append(" AND c.householdRef = :household");
            params.put("household", f.householdRef().strip());
        }
        if (f.childRef() != null) {
            // the cases of the child first (SN_CASE_CHILD_REF_IX), then those by id: as one query with a subquery, Derby
            // scanned every case of the region instead (SearchIndexTest)
            // (no DISTINCT: with it Derby scanned the table)
            List<Long> ids = em.createQuery("SELECT x.caseId FROM CaseChildEntity x WHERE x.region = :r AND x.childRef = :c",
                    Long.class).setParameter("r", region).setParameter("c", f.childRef().strip()).setMaxResults(MAX_LIMIT).getResultList()
                    .stream().distinct().toList();
            where.append(ids.isEmpty() ? " AND 1 = 0" : " AND c.id IN :childCases");
            if (!ids.isEmpty()) {
                params.put("childCases", ids);
            }
        }
        if (f.assignedTo() != null) {
            where.append(" AND c.assignedTo = :worker");
            params.put("worker", f.assignedTo().strip());
        }
        TypedQuery<T> q = em.createQuery(select + " FROM CaseEntity c" + where + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    // ------------------------------------------------------------------ dispositions and follow-ups

    @Override
    public CaseView recordDisposition(Caller caller, String region, String caseNumber, DispositionRequest request) {
        return run(caller, "case.disposition", region, caseNumber, () -> {
            caller.requireAny(Role.SOCIAL_WORKER, Role.SUPERVISOR);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            List<FieldError> errors = new ArrayList<>();
            if (request == null || request.disposition() == null) {
                errors.add(new FieldError("disposition", "required", "disposition is required: one of " + List.of(Disposition.values())));
                throw new InvalidInputException(errors);
            }
            Disposition disposition = request.disposition();
            String note = ReportValidator.blankToNull(request.note());
            String unit = ReportValidator.blankToNull(request.unit());
            boolean confirmed = Boolean.TRUE.equals(request.unitConfirmed());
            if (note != null && note.length() > MAX_NOTE) {
                errors.add(new FieldError("note", "too-long", "note has at most " + MAX_NOTE + " characters"));
            } else if (note == null && (disposition == Disposition.BRIEF_SERVICE || disposition == Disposition.NOT_OPENED_OTHER)) {
                errors.add(new FieldError("note", "required", disposition + " needs a note"));
            }
            boolean needsUnit = disposition == Disposition.NOTIFY_SERVING_UNIT || disposition == Disposition.REFER_TO_UNIT;
            if (unit != null && unit.length() > MAX_UNIT) {
                errors.add(new FieldError("unit", "too-long", "unit has at most " + MAX_UNIT + " characters"));
            } else if (unit == null && needsUnit) {
                errors.add(new FieldError("unit", "required", disposition + " needs the unit notified or referred to"));
            }
            if (needsUnit && !confirmed) {
                errors.add(new FieldError("unitConfirmed", "required", disposition == Disposition.NOTIFY_SERVING_UNIT
                        ? "Confirm that the unit still serves the family (unitConfirmed: true)"
                        : "Confirm that the unit accepted the referral (unitConfirmed: true)"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, refs.zone());
            Ids ids = rowIds.take(12);
            return inTransaction(em -> {
                CaseEntity c = findCase(em, region, caseNumber, true);
                requireOpen(c);
                if (CaseStatus.valueOf(c.status) == CaseStatus.AWAITING_DISPATCH) {
                    throw refuse(new ConflictException("Case " + caseNumber + " waits in the manual dispatch queue: it is assessed"
                            + " once it has been dispatched"));
                }
                boolean followUpOpen = c.followUpDue != null && c.followUpCompletedAt == null;
                if (disposition == Disposition.INVESTIGATION_CONTINUING && followUpOpen) {
                    throw refuse(new ConflictException("Case " + caseNumber + " already has a further investigation record due on "
                            + c.followUpDue + ": file it first"));
                }
                List<Event> published = new ArrayList<>();
                DispositionEntity d = new DispositionEntity();
                d.id = ids.next();
                d.caseId = c.id;
                d.disposition = disposition.name();
                d.note = note;
                d.unit = unit;
                d.unitConfirmed = confirmed;
                d.at = now;
                d.by = caller.name();
                em.persist(d);
                history(em, ids, c, now, caller.name(), CaseHistoryKind.DISPOSITION_RECORDED, disposition.name() + " ("
                        + disposition.nameEn() + ")", "event", "disposition", "disposition", disposition.name());
                c.assessedAt = now;
                if (disposition != Disposition.INVESTIGATION_CONTINUING && followUpOpen) {
                    closeFollowUp(em, ids, c, now, caller.name(), "concluded by the disposition " + disposition.name(), "disposition", disposition.name());
                }
                Events recorded = Events.of(IntakeEvents.DISPOSITION_RECORDED, c, caller.name()).with(IntakeEvents.DISPOSITION, disposition);
                switch (disposition) {
                    case CASE_MANAGEMENT, SHORT_TERM_SERVICE, BRIEF_SERVICE -> c.status = CaseStatus.IN_SERVICE.name();
                    case INVESTIGATION_CONTINUING -> {
                        c.status = CaseStatus.ASSESSING.name();
                        c.followUpDue = today.plusDays(FollowUp.DAYS_ALLOWED);
                        c.followUpCompletedAt = null;
                        c.followUpCompletedBy = null;
                        c.followUpNote = null;
                        recorded.with(IntakeEvents.FOLLOW_UP_DUE, c.followUpDue.toString());
                    }
                    case REPORT_CHILD_PROTECTION, REPORT_SEXUAL_ASSAULT, REPORT_DOMESTIC_VIOLENCE, REPORT_ELDER_PROTECTION,
                            REPORT_DISABILITY_PROTECTION -> {
                        if (ServiceLine.valueOf(c.serviceLine) != ServiceLine.FRAGILE_FAMILY) {
                            // a protection case confirmed as a protection matter: treatment follows
                            c.status = CaseStatus.IN_SERVICE.name();
                        }
                    }
                    default -> {
                        // not opened, notified to the serving unit, referred to another unit
                        c.status = CaseStatus.CLOSED.name();
                        history(em, ids, c, now, caller.name(), CaseHistoryKind.CLOSED, "closed: " + disposition.name(),
                                "event", "closed", "disposition", disposition.name());
                    }
                }
                published.add(recorded.with(IntakeEvents.STATUS, c.status).build());
                String detail = disposition.name();
                if (disposition.protectionCaseType() != null && ServiceLine.valueOf(c.serviceLine) == ServiceLine.FRAGILE_FAMILY) {
                    // 經評估保護事件依法通報: the fragile-family case becomes a protection case
                    CaseType target = refs.caseTypes().getOrDefault(disposition.protectionCaseType(), CaseType.CHILD_PROTECTION);
                    published.addAll(moveCase(em, ids, c, TransferDirection.FF_TO_CP, TransferGround.STATUTORY_REPORT,
                            "statutory report: " + disposition.name(), null, target, caller, now));
                    detail += ", transferred FF_TO_CP to " + target.code();
                }
                return new Done<>(Views.caseView(em, c), caseNumber, detail, published);
            });
        });
    }

    @Override
    public CaseView completeFollowUp(Caller caller, String region, String caseNumber, String note) {
        return run(caller, "case.follow-up", region, caseNumber, () -> {
            caller.requireAny(Role.SOCIAL_WORKER, Role.SUPERVISOR);
            caller.requireRegion(region);
            directory.get(region);
            String text = ReportValidator.blankToNull(note);
            if (text != null && text.length() > MAX_NOTE) {
                throw new InvalidInputException("note", "too-long", "note has at most " + MAX_NOTE + " characters");
            }
            Instant now = clock.instant();
            Ids ids = rowIds.take(1);
            return inTransaction(em -> {
                CaseEntity c = findCase(em, region, caseNumber, true);
                if (c.followUpDue == null || c.followUpCompletedAt != null) {
                    throw refuse(new ConflictException("Case " + caseNumber + " has no open further investigation record to file"));
                }
                LocalDate due = c.followUpDue;
                c.followUpCompletedAt = now;
                c.followUpCompletedBy = caller.name();
                c.followUpNote = text;
                history(em, ids, c, now, caller.name(), CaseHistoryKind.FOLLOW_UP_COMPLETED, "further investigation record due "
                        + due + " filed", "event", "filed", "due", due.toString());
                Event e = Events.of(IntakeEvents.FOLLOW_UP_COMPLETED, c, caller.name())
                        .with(IntakeEvents.FOLLOW_UP_DUE, due.toString()).build();
                return new Done<>(Views.caseView(em, c), caseNumber, "due " + due, List.of(e));
            });
        });
    }

    private static void closeFollowUp(EntityManager em, Ids ids, CaseEntity c, Instant now, String actor, String why, String whyKey,
            String whyCode) {
        c.followUpCompletedAt = now;
        c.followUpCompletedBy = actor;
        c.followUpNote = why;
        history(em, ids, c, now, actor, CaseHistoryKind.FOLLOW_UP_COMPLETED, "further investigation record due " + c.followUpDue
                + " closed: " + why, "event", "closed", "due", String.valueOf(c.followUpDue), whyKey, whyCode);
    }

    // ------------------------------------------------------------------ transfers

    @Override
    public CaseView transfer(Caller caller, String region, String caseNumber, TransferRequest request) {
        return run(caller, "case.transfer", region, caseNumber, () -> {
            caller.requireAny(Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.BOARD_CHAIR);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            List<FieldError> errors = new ArrayList<>();
            TransferDirection direction = request == null ? null : request.direction();
            TransferGround ground = request == null ? null : request.ground();
            if (direction == null) {
                errors.add(new FieldError("direction", "required", "direction is required: FF_TO_CP or CP_TO_FF"));
            }
            if (ground == null) {
                errors.add(new FieldError("ground", "required", "ground is required: one of " + List.of(TransferGround.values())));
            } else if (direction != null && ground.direction() != null && ground.direction() != direction) {
                errors.add(new FieldError("ground", "wrong-direction", "Ground " + ground + " applies to " + ground.direction()
                        + " transfers only"));
            }
            String reason = request == null ? null : ReportValidator.blankToNull(request.reason());
            if (reason != null && reason.length() > MAX_NOTE) {
                errors.add(new FieldError("reason", "too-long", "reason has at most " + MAX_NOTE + " characters"));
            } else if (reason == null && ground == TransferGround.OTHER) {
                errors.add(new FieldError("reason", "required", "Ground OTHER needs a reason"));
            }
            String referral = request == null ? null : ReportValidator.blankToNull(request.referral());
            if (referral != null && referral.length() > ReportValidator.MAX_REF) {
                errors.add(new FieldError("referral", "too-long", "referral has at most " + ReportValidator.MAX_REF + " characters"));
            }
            CaseType target = null;
            if (direction != null) {
                String code = request.caseType() == null || request.caseType().isBlank()
                        ? (direction == TransferDirection.FF_TO_CP ? CaseType.CHILD_PROTECTION : CaseType.FRAGILE_FAMILY).code()
                        : request.caseType().trim();
                target = refs.caseTypes().get(code);
                if (target == null) {
                    errors.add(new FieldError("caseType", "unknown", "Region '" + region + "' has no case type '" + code + "'"));
                } else if (direction == TransferDirection.CP_TO_FF ? target.serviceLine() != ServiceLine.FRAGILE_FAMILY
                        : !target.serviceLine().protection()) {
                    errors.add(new FieldError("caseType", "wrong-service-line", "A " + direction + " transfer needs a case type of "
                            + (direction == TransferDirection.CP_TO_FF ? "fragile-family service" : "a protection service")));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            CaseType to = target;
            Instant now = clock.instant();
            Ids ids = rowIds.take(7);
            return inTransaction(em -> {
                CaseEntity c = findCase(em, region, caseNumber, true);
                requireOpen(c);
                ServiceLine line = ServiceLine.valueOf(c.serviceLine);
                if (line != direction.from()) {
                    throw refuse(new ConflictException("Case " + caseNumber + " is served as " + line + "; a " + direction
                            + " transfer moves " + direction.from() + " cases"));
                }
                CaseStatus status = CaseStatus.valueOf(c.status);
                if (direction == TransferDirection.CP_TO_FF) {
                    if (status == CaseStatus.IN_SERVICE) {
                        throw refuse(new ConflictException("Case " + caseNumber + " is under active treatment (處遇中): a child protection"
                                + " case in treatment cannot be transferred to fragile-family service"));
                    }
                    if (c.assessedAt == null) {
                        throw refuse(new ConflictException("Case " + caseNumber + " cannot be transferred to fragile-family service yet:"
                                + " the investigation report has not been filed (record a disposition first)"));
                    }
                }
                List<Event> published = moveCase(em, ids, c, direction, ground, reason, referral, to, caller, now);
                return new Done<>(Views.caseView(em, c), caseNumber, direction + " " + ground + " to " + to.code(), published);
            });
        });
    }

    /**
     * Moves the case to the other service: a new case type, a dispatch decision for it at the transfer time, a
     * transfer record and history; the number stays. Returns the events to publish.
     */
    private List<Event> moveCase(EntityManager em, Ids ids, CaseEntity c, TransferDirection direction, TransferGround ground, String reason,
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

    // ------------------------------------------------------------------ manual queue and disputes

    @Override
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

    @Override
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

    @Override
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

    @Override
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

    // ------------------------------------------------------------------ assignment and caseloads

    @Override
    public CaseView assign(Caller caller, String region, String caseNumber, AssignmentRequest request) {
        return run(caller, "case.assign", region, caseNumber, () -> {
            caller.requireAny(Role.SUPERVISOR);
            caller.requireRegion(region);
            directory.get(region);
            List<FieldError> errors = new ArrayList<>();
            String worker = request == null ? null : ReportValidator.blankToNull(request.worker());
            String reason = request == null ? null : ReportValidator.blankToNull(request.reason());
            if (worker == null) {
                errors.add(new FieldError("worker", "required", "worker is required: the user name of a worker of the case's office"));
            } else if (worker.length() > 100) {
                errors.add(new FieldError("worker", "too-long", "worker has at most 100 characters"));
            }
            if (reason != null && reason.length() > MAX_NOTE) {
                errors.add(new FieldError("reason", "too-long", "reason has at most " + MAX_NOTE + " characters"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            StaffDirectory people = staff;
            Instant now = clock.instant();
            Ids ids = rowIds.take(2);
            return inTransaction(em -> {
                CaseEntity c = findCase(em, region, caseNumber, true);
                requireOpen(c);
                if (c.office == null) {
                    throw refuse(new ConflictException("Case " + caseNumber + " waits in the manual dispatch queue: it is assigned to a"
                            + " worker once an office serves it"));
                }
                if (!caller.has(Role.ADMIN) && !people.supervises(caller.name(), region, c.office)) {
                    throw refuse(new AccessDeniedException("Only a supervisor of office " + c.office + " assigns its cases"));
                }
                if (!people.isWorker(worker, region, c.office)) {
                    throw refuse(new InvalidInputException("worker", "not-in-office", "'" + worker + "' is not a worker of office "
                            + c.office + " (see etc/" + StaffDirectory.PID + ".cfg)"));
                }
                if (worker.equals(c.assignedTo)) {
                    throw refuse(new InvalidInputException("worker", "unchanged", "Case " + caseNumber + " is already assigned to "
                            + worker));
                }
                if (c.assignedTo != null && reason == null) {
                    throw refuse(new InvalidInputException("reason", "required", "Case " + caseNumber + " is assigned to "
                            + c.assignedTo + ": a reassignment needs a reason"));
                }
                String previous = c.assignedTo;
                Event e = assignTo(em, ids, c, worker, reason, caller.name(), now, null);
                return new Done<>(Views.caseView(em, c), caseNumber, (previous == null ? "to " : "from " + previous + " to ") + worker,
                        List.of(e));
            });
        });
    }

    /** Assigns the case (worker null: leaves it without one) with its record, history and event. */
    private static Event assignTo(EntityManager em, Ids ids, CaseEntity c, String worker, String reason, String actor, Instant now,
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
    private static List<Event> unassignIfMoved(EntityManager em, Ids ids, CaseEntity c, String fromOffice, Caller caller, Instant now) {
        if (c.assignedTo == null || java.util.Objects.equals(fromOffice, c.office)) {
            return List.of();
        }
        return List.of(assignTo(em, ids, c, null, "the case moved from office " + fromOffice + " to "
                + (c.office == null ? "the manual dispatch queue" : c.office), caller.name(), now, fromOffice));
    }

    @Override
    public List<CaseSummary> caseload(Caller caller, String region, String worker) {
        String who = worker == null || worker.isBlank() ? caller.name() : worker.strip();
        return run(caller, "caseload.read", region, "worker/" + who, () -> {
            caller.requireAny(Role.SOCIAL_WORKER, Role.SUPERVISOR);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            if (!who.equals(caller.name()) && !caller.has(Role.ADMIN)
                    && !(caller.has(Role.SUPERVISOR) && staff.supervisesWorker(caller.name(), region, who))) {
                throw new AccessDeniedException(caller.has(Role.SUPERVISOR) ? "'" + who + "' is not a worker of an office you supervise"
                        : "A worker sees their own caseload only");
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), refs.zone());
            List<CaseSummary> list = tx.required(em -> em.createQuery("SELECT c FROM CaseEntity c WHERE c.region = :r"
                    + " AND c.assignedTo = :w AND c.status <> :closed", CaseEntity.class).setParameter("r", region).setParameter("w", who)
                    .setParameter("closed", CaseStatus.CLOSED.name()).setMaxResults(MAX_LIMIT).getResultList().stream()
                    .map(c -> Views.summary(c, today)).sorted(DUE_FIRST).toList());
            return new Done<>(list, null, list.size() + " cases", List.of());
        });
    }

    /** What is due first: overdue follow-ups, then open follow-ups by due date, then the rest newest first. */
    static final Comparator<CaseSummary> DUE_FIRST = Comparator.comparing((CaseSummary c) -> !c.overdue())
            .thenComparing(CaseSummary::followUpDue, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CaseSummary::openedAt, Comparator.reverseOrder()).thenComparing(CaseSummary::caseNumber);

    @Override
    public List<OfficeCaseload> caseloads(Caller caller, String region, String office) {
        return run(caller, "caseload.list", region, office == null ? null : "office/" + office, () -> {
            caller.requireAny(Role.SUPERVISOR);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            StaffDirectory people = staff;
            java.util.Set<String> offices = new java.util.TreeSet<>(caller.has(Role.ADMIN) ? people.officesWithWorkers(region)
                    : people.supervisedOffices(caller.name(), region));
            String only = ReportValidator.blankToNull(office);
            if (only != null) {
                if (!refs.offices().containsKey(only)) {
                    throw new NotFoundException("office", only);
                }
                if (!caller.has(Role.ADMIN) && !offices.contains(only)) {
                    throw new AccessDeniedException("You do not supervise office " + only);
                }
                offices = java.util.Set.of(only);
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), refs.zone());
            java.util.Set<String> wanted = offices;
            List<OfficeCaseload> list = tx.required(em -> wanted.stream().map(o -> officeCaseload(em, people, region, o, today)).toList());
            return new Done<>(list, null, list.size() + " offices", List.of());
        });
    }

    private static OfficeCaseload officeCaseload(EntityManager em, StaffDirectory people, String region, String office, LocalDate today) {
        // the office's open cases (SN_CASE_OFFICE_IX), three small columns each, counted per worker here
        Map<String, long[]> counts = new java.util.TreeMap<>();
        Map<String, LocalDate> nextDue = new HashMap<>();
        people.workers(region, office).forEach(w -> counts.put(w, new long[3]));
        long unassigned = 0;
        for (Object[] row : em.createQuery("SELECT c.assignedTo, c.followUpDue, c.followUpCompletedAt FROM CaseEntity c"
                + " WHERE c.region = :r AND c.office = :o AND c.status IN :open", Object[].class)
                .setParameter("r", region).setParameter("o", office).setParameter("open", IN_SERVICE).getResultList()) {
            String worker = (String) row[0];
            if (worker == null) {
                unassigned++;
                continue;
            }
            long[] n = counts.computeIfAbsent(worker, w -> new long[3]);
            n[0]++;
            LocalDate due = (LocalDate) row[1];
            if (due != null && row[2] == null) {
                n[1]++;
                if (due.isBefore(today)) {
                    n[2]++;
                }
                nextDue.merge(worker, due, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<WorkerCaseload> workers = new ArrayList<>();
        counts.forEach((w, n) -> workers.add(new WorkerCaseload(w, office, n[0], n[1], n[2], nextDue.get(w))));
        return new OfficeCaseload(office, unassigned, workers);
    }

    /**
     * Synthetic demo data only ({@link DemoCases}): sets the due date of a demo case's open follow-up (a case whose
     * household reference begins with {@value DemoCases#PREFIX}), so that the demo shows an overdue one. Administrators
     * only; audited as {@code case.demo-data}.
     */
    CaseView demoFollowUpDue(Caller caller, String region, String caseNumber, LocalDate due) {
        return run(caller, "case.demo-data", region, caseNumber, () -> {
            caller.requireAny(Role.ADMIN);
            caller.requireRegion(region);
            directory.get(region);
            Ids ids = rowIds.take(1);
            return inTransaction(em -> {
                CaseEntity c = findCase(em, region, caseNumber, true);
                if (c.householdRef == null || !c.householdRef.startsWith(DemoCases.PREFIX)) {
                    throw refuse(new ConflictException("Case " + caseNumber + " is not a synthetic demo case"));
                }
                if (c.followUpDue == null || c.followUpCompletedAt != null) {
                    throw refuse(new ConflictException("Case " + caseNumber + " has no open follow-up"));
                }
                history(em, ids, c, clock.instant(), caller.name(), CaseHistoryKind.DISPOSITION_RECORDED,
                        "synthetic demo data: follow-up due date set from " + c.followUpDue + " to " + due, "event", "demo-due",
                        "from", String.valueOf(c.followUpDue), "due", due.toString());
                c.followUpDue = due;
                return new Done<>(Views.caseView(em, c), caseNumber, "follow-up due " + due, List.of());
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
    private static Refusal refuse(RuntimeException error) {
        return new Refusal(error);
    }

    /** Runs work that may refuse (see {@link Refusal}); any other failure rolls the transaction back. */
    @SuppressWarnings("unchecked")
    private <T> T inTransaction(Function<EntityManager, T> work) {
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

    private static CaseEntity findCase(EntityManager em, String region, String caseNumber, boolean lock) {
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

    private static void requireOpen(CaseEntity c) {
        if (CaseStatus.valueOf(c.status) == CaseStatus.CLOSED) {
            throw refuse(new ConflictException("Case " + c.caseNumber + " is closed"));
        }
    }

    private static DecisionEntity currentDecision(EntityManager em, CaseEntity c) {
        return c.decisionId == null ? null : em.find(DecisionEntity.class, c.decisionId);
    }

    /** Stores a decision and makes it the case's current one. */
    private static DecisionEntity persistDecision(EntityManager em, Ids ids, CaseEntity c, DispatchDecision decision) {
        DecisionEntity d = persistDecision(em, ids.next(), c.id, decision);
        c.decisionId = d.id;
        return d;
    }

    private static DecisionEntity persistDecision(EntityManager em, long id, Long caseId, DispatchDecision decision) {
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
    private static void history(EntityManager em, Ids ids, CaseEntity c, Instant at, String actor, CaseHistoryKind kind,
            String detail, String... params) {
        history(em, ids, c.id, ++c.historyCount, at, actor, kind, detail, params);
    }

    /**
     * Adds an entry: the English detail (kept for API clients that show it) and the codes and parameters the web page
     * renders in the user's language (pairs of key and value; null values left out; no personal data).
     */
    private static void history(EntityManager em, Ids ids, Long caseId, int position, Instant at, String actor,
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
    private static String[] describeParams(DispatchDecision d) {
        return new String[] {"event", d.manualQueue() ? "manual-queue" : "rule", "office", d.office(), "ruleId", d.ruleId(),
            "version", d.ruleSetVersion() > 0 ? Integer.toString(d.ruleSetVersion()) : null,
            "fallback", d.basis() == DecisionBasis.FALLBACK_RULE ? "true" : null};
    }

    private static String describe(DispatchDecision d) {
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
    private static final class Change {
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
    private <R> R changeTransaction(Function<EntityManager, R> work) {
        Change c = change.get();
        boolean[] wrote = {false};
        R result = plainTx.required(em -> {
            R r = work.apply(em);
            Done<?> done = r instanceof Done<?> d ? d : r instanceof Optional<?> o && o.orElse(null) instanceof Done<?> d ? d : null;
            if (done != null && c != null && !c.written) {
                writeEffects(c, done);
                wrote[0] = true;
            }
            return r;
        });
        if (wrote[0]) {
            c.written = true;
        }
        return result;
    }

    /** The audit record of a successful change and its events, in the caller's transaction. */
    private void writeEffects(Change c, Done<?> done) {
        for (Event e : done.events()) {
            Map<String, Object> props = new HashMap<>();
            for (String name : e.getPropertyNames()) {
                if (!org.osgi.service.event.EventConstants.EVENT_TOPIC.equals(name)) {
                    props.put(name, e.getProperty(name));
                }
            }
            Object caseNumber = e.getProperty(IntakeEvents.CASE_NUMBER);
            outbox.append(UUID.randomUUID().toString(), e.getTopic(), c.region, caseNumber == null ? null : caseNumber.toString(), props);
        }
        audit.recordWithChange(record(c, done.target() != null ? done.target() : c.target, AuditOutcome.SUCCESS, done.detail()));
    }

    /**
     * Runs the work. A change's audit record and outbox events are written in its transaction (see
     * {@link #changeTransaction}); a result made outside a transaction (a read) has its record written before the
     * answer; a refusal or failure is recorded before the exception goes on. In-process EventAdmin listeners are
     * told after the commit. The record holds the action, the region and the case number, never personal data.
     */
    private <T> T run(Caller caller, String action, String region, String target, Supplier<Done<T>> work) {
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
                    writeEffects(c, done);
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

    private void refused(Change c, AuditOutcome outcome, String detail) {
        write(record(c, c.target, outcome, detail));
    }

    private static AuditRecord record(Change c, String target, AuditOutcome outcome, String detail) {
        // the time of the action, not of the write
        return AuditRecord.of(c.caller == null ? "anonymous" : c.caller.name(), c.action, c.region, target, outcome, cut(detail, 500));
    }

    /** Writes a record in a transaction of its own (group-committed with others); durable when it returns. */
    private void write(AuditRecord record) {
        try {
            audit.record(record);
        } catch (RuntimeException e) {
            LOG.error("Audit record {} {} {} could not be written: {}", record.action(), record.region(), record.target(), e.toString());
        }
    }
}
