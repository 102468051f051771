package org.safenest.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportDescription;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.api.reporting.ReportingService;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists and runs the installed {@link Report} services (any bundle may add one), for analysts, supervisors and
 * administrators: fills in the default period (the last 12 months), checks it, raises the suppression threshold to
 * the configured minimum (PID {@value #PID}, {@code suppression.threshold}, default 5), suppresses small counts and
 * audits every run.
 */
@Component(service = ReportingService.class, configurationPid = ReportingServiceImpl.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ReportingServiceImpl implements ReportingService {

    public static final String PID = "org.safenest.reporting";
    public static final String THRESHOLD = "suppression.threshold";
    public static final int DEFAULT_THRESHOLD = 5;
    /** The longest period one run covers. */
    public static final int MAX_PERIOD_MONTHS = 120;
    static final Role[] READERS = {Role.ANALYST, Role.SUPERVISOR};

    private static final Logger LOG = LoggerFactory.getLogger(ReportingServiceImpl.class);

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final RegionService regions;
    private final AuditLog audit;
    private final Clock clock;
    private volatile int threshold = DEFAULT_THRESHOLD;

    @Activate
    public ReportingServiceImpl(@Reference RegionService regions, @Reference AuditLog audit, Map<String, Object> config) {
        this(regions, audit, Clock.systemUTC(), config);
    }

    public ReportingServiceImpl(RegionService regions, AuditLog audit, Clock clock, Map<String, ?> config) {
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(Map<String, ?> config) {
        Object value = config == null ? null : config.get(THRESHOLD);
        int t = DEFAULT_THRESHOLD;
        if (value != null) {
            try {
                t = Integer.parseInt(value.toString().trim());
                if (t < 0) {
                    throw new NumberFormatException("negative");
                }
            } catch (NumberFormatException e) {
                LOG.error("{} {} = '{}' is not a whole number from 0 up; keeping {}", PID, THRESHOLD, value, threshold);
                return;
            }
        }
        threshold = t;
    }

    /** The configured minimum threshold. */
    public int threshold() {
        return threshold;
    }

    @Reference(service = Report.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addReport(Report report) {
        Report before = reports.putIfAbsent(report.id(), report);
        if (before != null && before != report) {
            LOG.warn("Two reports have the id '{}'; the first one installed is used", report.id());
        }
    }

    public void removeReport(Report report) {
        reports.remove(report.id(), report);
    }

    @Override
    public List<ReportDescription> reports(String region) {
        regions.require(region);
        List<ReportDescription> out = new ArrayList<>();
        for (Report r : reports.values()) {
            if (r.appliesTo(region)) {
                out.add(new ReportDescription(r.id(), r.titleZh(), r.titleEn(), r.descriptionZh(), r.descriptionEn(), r.groupings(),
                        r.parameters()));
            }
        }
        out.sort(Comparator.comparing(ReportDescription::id));
        return out;
    }

    @Override
    public ReportTable run(Caller caller, String reportId, ReportRequest request) {
        String region = request.region();
        String action = "reporting.run";
        try {
            caller.requireAny(READERS);
            caller.requireRegion(region);
            Region r = regions.require(region);
            Report report = reports.get(reportId);
            if (report == null || !report.appliesTo(region)) {
                throw new NotFoundException("report", reportId);
            }
            ReportRequest effective = effective(request, ZoneId.of(r.timeZone()), report.groupings());
            ReportTable table = Suppression.apply(report.compute(effective), effective.suppressionThreshold());
            audit.record(AuditRecord.of(caller.name(), action, region, "report " + reportId, AuditOutcome.SUCCESS,
                    effective.from() + ".." + effective.to() + " by " + String.join(",", table.request().grouping()) + ", "
                            + table.rows().size() + " rows"));
            return table;
        } catch (AccessDeniedException e) {
            audit.record(AuditRecord.of(caller.name(), action, region, "report " + reportId, AuditOutcome.DENIED, e.getMessage()));
            throw e;
        } catch (InvalidInputException | NotFoundException e) {
            audit.record(AuditRecord.of(caller.name(), action, region, "report " + reportId, AuditOutcome.REJECTED, e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            audit.record(AuditRecord.of(caller.name(), action, region, "report " + reportId, AuditOutcome.FAILED, e.getClass().getSimpleName()));
            throw e;
        }
    }

    /** The request with the default period and grouping, and the threshold raised to the configured minimum. */
    ReportRequest effective(ReportRequest request, ZoneId zone, List<String> groupings) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = request.to() != null ? request.to() : today;
        LocalDate from = request.from() != null ? request.from() : YearMonth.from(to).minusMonths(11).atDay(1);
        if (from.isAfter(to)) {
            throw new InvalidInputException("to", "before-from", "The period ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) >= MAX_PERIOD_MONTHS) {
            throw new InvalidInputException("from", "period-too-long", "A period covers at most " + MAX_PERIOD_MONTHS + " months");
        }
        int t = Math.max(request.suppressionThreshold(), threshold);
        List<String> grouping = request.grouping().isEmpty() && !groupings.isEmpty() ? List.of(groupings.get(0)) : request.grouping();
        return new ReportRequest(request.region(), from, to, grouping, t, request.parameters());
    }
}
