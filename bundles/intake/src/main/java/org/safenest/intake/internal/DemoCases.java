package org.safenest.intake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.error.SafenestException;
import org.safenest.api.intake.AssignmentRequest;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.Disposition;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.ReportedChild;
import org.safenest.api.security.Caller;

/**
 * Synthetic demo cases of Kaohsiung for the demo users (console {@code safenest:demo-cases}): four fragile-family
 * reports from Fengshan, three of them assigned to the demo {@code worker} (one with an overdue follow-up, one with a
 * follow-up due in 10 days, one in service) and one left for the demo {@code supervisor} to assign. Every household
 * reference begins with {@value #PREFIX} and every summary says it is synthetic. Loading again changes nothing (the
 * reports have fixed ids). Then the other capabilities' {@link org.safenest.api.demo.DemoData} (the referral board's
 * meeting of today with proposals for the demo chair).
 */
@Component(service = DemoCases.class)
public class DemoCases {

    /** The household references of demo cases begin with this. */
    public static final String PREFIX = "DEMO-";
    static final String REGION = "kaohsiung";
    static final String WORKER = "worker";

    private final IntakeService intake;
    private final java.time.Clock clock;

    /**
     * The other capabilities' synthetic demo data, loaded after the cases (issue 17: the referral board's meeting of
     * today with proposals for the demo chair).
     */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    volatile List<org.safenest.api.demo.DemoData> more = List.of();

    @Activate
    public DemoCases(@Reference IntakeService intake) {
        this(intake, java.time.Clock.systemUTC());
    }

    /** Outside OSGi (tests): the clock that says what "now" is. */
    public DemoCases(IntakeService intake, java.time.Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    private record Demo(String id, String part, int age, String childRef, Disposition disposition, boolean assign, int overdueDays) {
    }

    private static final List<Demo> CASES = List.of(
            new Demo("demo-case-1", "north", 6, "DEMO-C-001", Disposition.INVESTIGATION_CONTINUING, true, 3),
            new Demo("demo-case-2", "north", 9, "DEMO-C-002", Disposition.INVESTIGATION_CONTINUING, true, 0),
            new Demo("demo-case-3", "south", 4, "DEMO-C-003", Disposition.CASE_MANAGEMENT, true, 0),
            new Demo("demo-case-4", "north", 12, "DEMO-C-004", null, false, 0));

    /** Loads the demo cases as the caller (an administrator); answers a line per case. */
    public List<String> load(Caller caller) {
        List<String> lines = new ArrayList<>();
        ZoneId zone = ZoneId.of("Asia/Taipei");
        Instant received = clock.instant().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        int n = 0;
        for (Demo d : CASES) {
            n++;
            IntakeReport report = new IntakeReport(d.id(), received.plus(n, ChronoUnit.HOURS), "fragile-family", "fengshan", d.part(),
                    List.of(new ReportedChild(d.age(), d.childRef())), PREFIX + "H-00" + n,
                    "示範資料，非真實個案 Synthetic demo case " + n + ", not a real family", "school");
            try {
                IntakeReceipt r = intake.submit(caller, REGION, report);
                if (r.replay()) {
                    lines.add(r.caseNumber() + ": already loaded");
                    continue;
                }
                String line = r.caseNumber() + ": " + (r.dispatch() == null || r.dispatch().office() == null ? "manual dispatch queue"
                        : r.dispatch().office());
                if (d.assign() && r.dispatch() != null && r.dispatch().office() != null) {
                    intake.assign(caller, REGION, r.caseNumber(), new AssignmentRequest(WORKER, null));
                    line += ", assigned to " + WORKER;
                }
                if (d.disposition() != null) {
                    CaseView v = intake.recordDisposition(caller, REGION, r.caseNumber(),
                            new DispositionRequest(d.disposition(), "Synthetic demo disposition", null, null));
                    line += ", " + d.disposition();
                    if (d.overdueDays() > 0 && intake instanceof CaseService service) {
                        LocalDate due = LocalDate.now(clock.withZone(zone)).minusDays(d.overdueDays());
                        service.demoFollowUpDue(caller, REGION, r.caseNumber(), due);
                        line += ", follow-up overdue since " + due;
                    } else if (v.followUp() != null) {
                        line += ", follow-up due " + v.followUp().due();
                    }
                }
                lines.add(line);
            } catch (SafenestException e) {
                lines.add(d.id() + ": " + e.getMessage());
            }
        }
        List<org.safenest.api.demo.DemoData> others = more;
        if (others != null) {
            for (org.safenest.api.demo.DemoData data : others) {
                try {
                    data.load(caller).forEach(l -> lines.add(data.name() + ": " + l));
                } catch (SafenestException e) {
                    lines.add(data.name() + ": " + e.getMessage());
                }
            }
        }
        return lines;
    }
}
