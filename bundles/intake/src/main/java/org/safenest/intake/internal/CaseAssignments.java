package org.safenest.intake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import org.osgi.service.event.Event;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.AssignmentRequest;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.OfficeCaseload;
import org.safenest.api.intake.WorkerCaseload;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.IdAllocator.Ids;
import org.safenest.intake.internal.jpa.CaseEntity;

/** Cases assigned to workers, a worker's caseload and the supervisors' view of their offices' caseloads. */
final class CaseAssignments extends CasePart {
    CaseAssignments(CasePart first) {
        super(first);
    }


    // ------------------------------------------------------------------ assignment and caseloads

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
            StaffDirectory people = staff();
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

    public List<CaseSummary> caseload(Caller caller, String region, String worker) {
        String who = worker == null || worker.isBlank() ? caller.name() : worker.strip();
        return run(caller, "caseload.read", region, "worker/" + who, () -> {
            caller.requireAny(Role.SOCIAL_WORKER, Role.SUPERVISOR);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            if (!who.equals(caller.name()) && !caller.has(Role.ADMIN)
                    && !(caller.has(Role.SUPERVISOR) && staff().supervisesWorker(caller.name(), region, who))) {
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

    public List<OfficeCaseload> caseloads(Caller caller, String region, String office) {
        return run(caller, "caseload.list", region, office == null ? null : "office/" + office, () -> {
            caller.requireAny(Role.SUPERVISOR);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            StaffDirectory people = staff();
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
}
