package org.safenest.intake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.event.Event;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.CaseHistoryKind;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.Disposition;
import org.safenest.api.intake.DispositionRequest;
import org.safenest.api.intake.FollowUp;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.IdAllocator.Ids;
import org.safenest.intake.internal.jpa.CaseEntity;
import org.safenest.intake.internal.jpa.DispositionEntity;

/** A case's disposition after assessment, and the further investigation record it may call for. */
final class CaseDispositions extends CasePart {
    CaseDispositions(CasePart first) {
        super(first);
    }


    // ------------------------------------------------------------------ dispositions and follow-ups

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
}
