package org.safenest.intake.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.dispatch.DispatchDispute;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.dispatch.DisputeStatus;
import org.safenest.api.dispatch.HandDispatch;
import org.safenest.api.intake.AssignmentRequest;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.DispatchedReport;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.OfficeCaseload;
import org.safenest.api.intake.TransferRequest;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.api.region.RegionService;
import org.safenest.api.schema.SchemaReady;
import org.safenest.api.security.Caller;
import org.safenest.intake.internal.jpa.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central intake window on the {@code safenest-intake} persistence unit: the {@link IntakeService} facade over
 * its parts, each a class of its own on what they share ({@link CasePart}): recording reports ({@link CaseIntake}),
 * reading cases ({@link CaseQueries}), dispositions and follow-ups ({@link CaseDispositions}), transfers
 * ({@link CaseTransfers}), the manual queue and disputes ({@link ManualDispatch}), assignment and caseloads
 * ({@link CaseAssignments}).
 *
 * <p>Every change is one transaction that also writes the change's domain audit record and its events (as
 * {@link Outbox} rows, kept as well with intake's records): an acknowledged change always has both; EventAdmin events
 * follow the commit as a signal for in-process listeners. Every change of a case takes the case's row lock first.
 */
@Component(service = IntakeService.class, configurationPid = "org.safenest.intake", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CaseService implements IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

    private volatile PersonalDataPolicy personalData = PersonalDataPolicy.DEFAULT;
    private final CaseIntake intake;
    private final CaseQueries queries;
    private final CaseDispositions dispositions;
    private final CaseTransfers transfers;
    private final ManualDispatch manual;
    private final CaseAssignments assignments;

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
        this(Transactions.of(jpa), regions, catalogue, dispatch, audit, outbox, events, guard, Clock.systemUTC(), RegionDirectory.DEFAULT_TTL);
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
        this.intake = new CaseIntake(tx, new RegionDirectory(regions, catalogue, referenceDataTtl), dispatch, audit, outbox, events,
                clock, guard, () -> personalData, () -> staff);
        this.queries = new CaseQueries(intake);
        this.dispositions = new CaseDispositions(intake);
        this.transfers = new CaseTransfers(intake);
        this.manual = new ManualDispatch(intake);
        this.assignments = new CaseAssignments(intake);
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
        intake.numbers.release();
    }

    @Override
    public IntakeReceipt submit(Caller caller, String region, IntakeReport report) {
        return intake.submit(caller, region, report);
    }

    /** Indexes the child references of reports recorded before schema change 3 (see {@link CaseIntake#indexOldChildRefs}). */
    void indexOldChildRefs() {
        intake.indexOldChildRefs();
    }

    @Override
    public CaseView caseView(Caller caller, String region, String caseNumber) {
        return queries.caseView(caller, region, caseNumber);
    }

    @Override
    public List<CaseSummary> cases(Caller caller, String region, CaseFilter filter) {
        return queries.cases(caller, region, filter);
    }

    @Override
    public long countCases(Caller caller, String region, CaseFilter filter) {
        return queries.countCases(caller, region, filter);
    }

    @Override
    public List<DispatchedReport> dispatchedReports(Caller caller, String region, Instant from, Instant to, int offset, int limit) {
        return queries.dispatchedReports(caller, region, from, to, offset, limit);
    }

    @Override
    public CaseView recordDisposition(Caller caller, String region, String caseNumber, DispositionRequest request) {
        return dispositions.recordDisposition(caller, region, caseNumber, request);
    }

    @Override
    public CaseView completeFollowUp(Caller caller, String region, String caseNumber, String note) {
        return dispositions.completeFollowUp(caller, region, caseNumber, note);
    }

    @Override
    public CaseView transfer(Caller caller, String region, String caseNumber, TransferRequest request) {
        return transfers.transfer(caller, region, caseNumber, request);
    }

    @Override
    public CaseView dispatchByHand(Caller caller, String region, String caseNumber, HandDispatch hand) {
        return manual.dispatchByHand(caller, region, caseNumber, hand);
    }

    @Override
    public DispatchDispute dispute(Caller caller, String region, String caseNumber, HandDispatch redispatch) {
        return manual.dispute(caller, region, caseNumber, redispatch);
    }

    @Override
    public List<DispatchDispute> disputes(Caller caller, String region, DisputeStatus status) {
        return manual.disputes(caller, region, status);
    }

    @Override
    public DispatchDispute resolveDispute(Caller caller, String region, long disputeId, String outcome) {
        return manual.resolveDispute(caller, region, disputeId, outcome);
    }

    @Override
    public CaseView assign(Caller caller, String region, String caseNumber, AssignmentRequest request) {
        return assignments.assign(caller, region, caseNumber, request);
    }

    @Override
    public List<CaseSummary> caseload(Caller caller, String region, String worker) {
        return assignments.caseload(caller, region, worker);
    }

    @Override
    public List<OfficeCaseload> caseloads(Caller caller, String region, String office) {
        return assignments.caseloads(caller, region, office);
    }

    /** Synthetic demo data only: see {@link CaseAssignments#demoFollowUpDue}. */
    CaseView demoFollowUpDue(Caller caller, String region, String caseNumber, LocalDate due) {
        return assignments.demoFollowUpDue(caller, region, caseNumber, due);
    }
}
