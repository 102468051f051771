package org.safenest.intake.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.event.Event;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.intake.TransferRequest;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.IdAllocator.Ids;
import org.safenest.intake.internal.jpa.CaseEntity;

/** Transfers between the fragile-family and the protection service lines. */
final class CaseTransfers extends CasePart {
    CaseTransfers(CasePart first) {
        super(first);
    }


    // ------------------------------------------------------------------ transfers

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
}
