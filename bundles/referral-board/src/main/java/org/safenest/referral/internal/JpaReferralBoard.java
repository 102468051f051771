package org.safenest.referral.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.stream.Collectors;


import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.privacy.PersonalDataFinding;
import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.error.SafenestException;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.intake.TransferRequest;
import org.safenest.api.referral.DecisionRequest;
import org.safenest.api.referral.FollowUpStatus;
import org.safenest.api.referral.MeetingStatus;
import org.safenest.api.referral.ProposalStatus;
import org.safenest.api.referral.ReferralBoard;
import org.safenest.api.referral.ReferralDecision;
import org.safenest.api.referral.ReferralMeeting;
import org.safenest.api.referral.ReferralOutcome;
import org.safenest.api.referral.ReferralProposal;
import org.safenest.api.referral.Reminder;
import org.safenest.api.referral.ReminderKind;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.api.schema.SchemaReady;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.referral.internal.jpa.ProposalEntity;
import org.safenest.referral.internal.jpa.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referral board of every region, stored with JPA. Meetings follow {@link MeetingSchedule} (configuration PID
 * {@value MeetingSchedule#PID}; changes apply without a restart). Dates are the region's dates (its time zone).
 *
 * <p>Who may do what: welfare-centre and protection-centre staff (roles {@code social-worker}, {@code supervisor})
 * propose; the chair ({@code board-chair}) decides; members ({@code social-worker}, {@code supervisor},
 * {@code board-chair}) see proposals, agendas and reminders and mark a decision carried out; {@code admin} may do
 * everything. A caller limited to regions works only there.
 *
 * <p><b>Which decisions move a case.</b> A decision names the service that leads the case from now on. The case moves
 * when that service is the one the proposal asked for ({@code lead == direction.to()}): for a proposal
 * {@link TransferDirection#FF_TO_CP}, {@link ReferralOutcome#CP_TAKES} (lead child protection) moves it, and so does
 * {@link ReferralOutcome#JOINT} or {@link ReferralOutcome#OTHER} led by child protection; for
 * {@link TransferDirection#CP_TO_FF}, {@link ReferralOutcome#FF_KEEPS} (lead fragile family) moves it, and so does a
 * joint or other decision led by fragile-family service. {@code FF_KEEPS} must be led by fragile-family service and
 * {@code CP_TAKES} by child protection (they default to it). Every other decision keeps the case where it is: its
 * follow-up is {@link FollowUpStatus#NOT_NEEDED}.
 *
 * <p><b>Applying the move.</b> After the decision is stored, when the intake capability is installed, the board calls
 * {@link IntakeService#transfer} on the proposal's report number with ground
 * {@link TransferGround#REFERRAL_BOARD_DECISION} and the proposal id, as the chair. Applied: the follow-up is
 * {@link FollowUpStatus#DONE} with the case number. Not applied (no intake capability, the number is not an intake
 * case of the region, intake refused): the follow-up stays {@link FollowUpStatus#PENDING}, with the reason in the
 * reminders, until someone marks it done by hand ({@link #completeFollowUp}).
 *
 * <p>Every call leaves a domain audit record ({@code referral.*}; target the proposal id or the meeting date, detail
 * codes only, never the form's text), refused calls included.
 */
@Component(service = ReferralBoard.class, configurationPid = MeetingSchedule.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class JpaReferralBoard implements ReferralBoard {

    private static final Logger LOG = LoggerFactory.getLogger(JpaReferralBoard.class);

    static final Role[] MEMBERS = {Role.SOCIAL_WORKER, Role.SUPERVISOR, Role.BOARD_CHAIR};
    static final Role[] PROPOSERS = {Role.SOCIAL_WORKER, Role.SUPERVISOR};
    static final int MAX_TEXT = 2000;
    static final int MAX_NOTE = 1000;
    static final int MAX_NUMBER = 64;
    static final int MAX_AGE = 17;
    /** The longest span {@link #meetings} answers. */
    static final int MAX_RANGE_MONTHS = 60;
    private static final EnumSet<OfficeType> MEMBER_OFFICES = EnumSet.of(OfficeType.WELFARE_SERVICE_CENTRE, OfficeType.PROTECTION_STATION);

    private final ReferralStore store;
    private final RegionService regions;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    /** The platform's one personal-data guard (safenest-privacy), shared with intake. */
    private final PersonalDataGuard guard;
    private volatile MeetingSchedule schedule = MeetingSchedule.defaults();

    /** The intake window, when installed: decisions that move a case apply the transfer there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile IntakeService intake;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-referral)")
    SchemaReady schemaReady;

    @Activate
    public JpaReferralBoard(@Reference(target = "(osgi.unit.name=safenest-referral)") JpaTemplate jpa,
            @Reference RegionService regions, @Reference AuditLog audit, @Reference Outbox outbox, @Reference PersonalDataGuard guard,
            Map<String, Object> config) {
        this(Transactions.of(jpa), regions, audit, outbox, guard, Clock.systemUTC(), config);
    }

    /** For tests: plain transactions and a clock they control. */
    JpaReferralBoard(Transactions tx, RegionService regions, AuditLog audit, Outbox outbox, PersonalDataGuard guard, Clock clock,
            Map<String, ?> config) {
        this.store = new ReferralStore(tx);
        this.guard = guard;
        this.regions = regions;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(Map<String, ?> config) {
        List<String> problems = new ArrayList<>();
        this.schedule = MeetingSchedule.parse(config, problems);
        problems.forEach(LOG::error);
    }

    MeetingSchedule schedule() {
        return schedule;
    }

    // ------------------------------------------------------------------ proposals

    @Override
    public SubmittedProposal propose(Caller caller, String region, ReferralProposal form) {
        String action = "referral.propose";
        try {
            Region r = access(caller, region, PROPOSERS);
            ProposalEntity e = validate(region, form);
            Instant now = now();
            LocalDate today = LocalDate.ofInstant(now, zone(r));
            e.submittedAt = now;
            e.submittedBy = caller.name();
            MeetingSchedule s = schedule;
            ProposalEntity stored = store.add(e, today.getYear(), today.withDayOfMonth(1),
                    dates -> s.meetingFor(region, today, dates).orElseThrow(() -> new ConflictException(
                            "No meeting of the referral board of region '" + region + "' is scheduled in the next "
                                    + MeetingSchedule.MONTHS_AHEAD + " months")),
                    added -> inTransaction(caller, action, added, "meeting " + added.meetingDate + ", " + added.direction,
                            ReferralEvents.PROPOSAL_SUBMITTED, Map.of(ReferralEvents.DIRECTION, added.direction)));
            SubmittedProposal p = toApi(stored);
            post(ReferralEvents.PROPOSAL_SUBMITTED, caller, p, Map.of(ReferralEvents.DIRECTION, p.proposal().direction().name()));
            return p;
        } catch (RuntimeException e) {
            throw refused(caller, action, region, null, e);
        }
    }

    /**
     * Synthetic demo data (issue 17, {@link DemoMeeting}): puts a proposal on the region's meeting of today, as if the
     * proposer had submitted it {@code daysBefore} days ago (before the cutoff), so that the chair can decide it today.
     * The same checks as {@link #propose}; an administrator only; audited and published like any proposal.
     */
    SubmittedProposal demoPropose(Caller caller, String region, ReferralProposal form, String proposer, int daysBefore) {
        String action = "referral.propose";
        try {
            Region r = access(caller, region, Role.ADMIN);
            ProposalEntity e = validate(region, form);
            LocalDate today = today(r);
            Instant submitted = today.minusDays(daysBefore).atTime(10, 0).atZone(zone(r)).toInstant();
            e.submittedAt = submitted;
            e.submittedBy = proposer;
            int year = today.minusDays(daysBefore).getYear();
            ProposalEntity stored = store.add(e, year, today.withDayOfMonth(1), dates -> today,
                    added -> inTransaction(caller, action, added, "synthetic demo proposal, meeting " + added.meetingDate + ", "
                            + added.direction, ReferralEvents.PROPOSAL_SUBMITTED, Map.of(ReferralEvents.DIRECTION, added.direction)));
            SubmittedProposal p = toApi(stored);
            post(ReferralEvents.PROPOSAL_SUBMITTED, caller, p, Map.of(ReferralEvents.DIRECTION, p.proposal().direction().name()));
            return p;
        } catch (RuntimeException e) {
            throw refused(caller, action, region, null, e);
        }
    }

    /** The region's proposals on today's meeting (synthetic demo: what is already loaded). */
    List<SubmittedProposal> onTodaysMeeting(String region) {
        LocalDate today = today(regions.require(region));
        return store.onMeetings(region, today, today).stream().map(this::toApi).toList();
    }

    private ProposalEntity validate(String region, ReferralProposal form) {
        if (form == null) {
            throw new InvalidInputException("body", "required", "The request needs a proposal");
        }
        List<FieldError> errors = new ArrayList<>();
        ProposalEntity e = new ProposalEntity();
        e.region = region;

        String office = trim(form.proposingOffice());
        if (office == null) {
            errors.add(required("proposingOffice"));
        } else {
            Optional<Office> o = regions.office(region, office);
            if (o.isEmpty()) {
                errors.add(new FieldError("proposingOffice", "unknown", "The region has no office with this code"));
            } else if (!MEMBER_OFFICES.contains(o.get().type())) {
                errors.add(new FieldError("proposingOffice", "not-a-member",
                        "Only welfare service centres and protection-centre stations propose to the referral board"));
            } else {
                e.proposingOffice = o.get().code();
            }
        }

        String district = trim(form.district());
        if (district == null) {
            errors.add(required("district"));
        } else {
            regions.district(region, district).ifPresentOrElse(d -> e.district = d.code(),
                    () -> errors.add(new FieldError("district", "unknown", "The region has no district with this code or name")));
        }

        e.reportNumber = text("reportNumber", form.reportNumber(), MAX_NUMBER, errors);
        if (e.reportNumber != null && e.reportNumber.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new FieldError("reportNumber", "invalid", "The report or system number must be on one line"));
        }

        Integer age = form.childAge();
        if (age == null) {
            errors.add(required("childAge"));
        } else if (age < 0 || age > MAX_AGE) {
            errors.add(new FieldError("childAge", "out-of-range", "The child's age must be from 0 to " + MAX_AGE + " years"));
        } else {
            e.childAge = age;
        }

        e.summary = text("summary", form.summary(), MAX_TEXT, errors);
        e.reason = text("reason", form.reason(), MAX_TEXT, errors);

        if (form.direction() == null) {
            errors.add(required("direction"));
        } else {
            e.direction = form.direction().name();
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return e;
    }

    /** A required free text: trimmed, without personal data, at most {@code max} characters; null when wrong. */
    private String text(String field, String value, int max, List<FieldError> errors) {
        String t = trim(value);
        if (t == null) {
            errors.add(required(field));
            return null;
        }
        Optional<PersonalDataFinding> personal = guard.check(field, t);
        if (personal.isPresent()) {
            errors.add(personal.get().toFieldError());
            return null;
        }
        if (t.length() > max) {
            errors.add(new FieldError(field, "too-long", "Field '" + field + "' has more than " + max + " characters"));
            return null;
        }
        return t;
    }

    @Override
    public Optional<SubmittedProposal> proposal(Caller caller, String region, String proposalId) {
        String action = "referral.read";
        try {
            access(caller, region, MEMBERS);
            Optional<SubmittedProposal> p = proposalId == null ? Optional.empty() : store.find(region, proposalId).map(this::toApi);
            record(caller, action, region, proposalId, p.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.REJECTED,
                    p.isPresent() ? null : "not found");
            return p;
        } catch (RuntimeException e) {
            throw refused(caller, action, region, proposalId, e);
        }
    }

    // ------------------------------------------------------------------ meetings

    @Override
    public List<ReferralMeeting> meetings(Caller caller, String region, LocalDate from, LocalDate to) {
        String action = "referral.meetings";
        try {
            Region r = access(caller, region, MEMBERS);
            LocalDate today = today(r);
            LocalDate start = from != null ? from : today.minusMonths(12).withDayOfMonth(1);
            LocalDate end = to != null ? to : YearMonth.from(today.plusMonths(3)).atEndOfMonth();
            if (start.isAfter(end)) {
                throw new InvalidInputException("to", "before-from", "'to' must not be before 'from'");
            }
            if (ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) > MAX_RANGE_MONTHS) {
                throw new InvalidInputException("to", "range-too-long", "At most " + MAX_RANGE_MONTHS + " months at a time");
            }
            List<ReferralMeeting> result = meetingsBetween(region, start, end, today);
            record(caller, action, region, start + ".." + end, AuditOutcome.SUCCESS, result.size() + " meetings");
            return result;
        } catch (RuntimeException e) {
            throw refused(caller, action, region, null, e);
        }
    }

    @Override
    public ReferralMeeting nextMeeting(Caller caller, String region) {
        String action = "referral.next-meeting";
        try {
            Region r = access(caller, region, MEMBERS);
            ReferralMeeting next = next(region, today(r))
                    .orElseThrow(() -> new NotFoundException("referral meeting", "next"));
            record(caller, action, region, next.date().toString(), AuditOutcome.SUCCESS, next.status() + ", " + next.agenda().size() + " proposals");
            return next;
        } catch (RuntimeException e) {
            throw refused(caller, action, region, null, e);
        }
    }

    /** The first meeting on or after {@code today} that is still {@link MeetingStatus#SCHEDULED}. */
    private Optional<ReferralMeeting> next(String region, LocalDate today) {
        LocalDate end = YearMonth.from(today).plusMonths(MeetingSchedule.MONTHS_AHEAD).atEndOfMonth();
        return meetingsBetween(region, today, end, today).stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED).findFirst();
    }

    private List<ReferralMeeting> meetingsBetween(String region, LocalDate from, LocalDate to, LocalDate today) {
        MeetingSchedule s = schedule;
        // whole months: a month holding a stored meeting outside [from, to] has no other meeting
        List<ProposalEntity> stored = store.onMeetings(region, from.withDayOfMonth(1), YearMonth.from(to).atEndOfMonth());
        Map<LocalDate, List<SubmittedProposal>> agendas = stored.stream().map(this::toApi)
                .collect(Collectors.groupingBy(SubmittedProposal::meetingDate, HashMap::new, Collectors.toList()));
        List<ReferralMeeting> result = new ArrayList<>();
        for (LocalDate d : s.meetingsBetween(region, from, to, agendas.keySet())) {
            List<SubmittedProposal> agenda = agendas.getOrDefault(d, List.of());
            result.add(new ReferralMeeting(region, d, s.cutoff(d), s.status(d, agenda.isEmpty(), today), agenda));
        }
        return result;
    }

    // ------------------------------------------------------------------ decisions

    /** A checked decision request. */
    private record Decision(ReferralOutcome outcome, ServiceLine lead, String rationale, boolean bestInterest) {
    }

    @Override
    public SubmittedProposal decide(Caller caller, String region, String proposalId, DecisionRequest request) {
        String action = "referral.decide";
        try {
            Region r = access(caller, region, Role.BOARD_CHAIR);
            Decision d = validate(request);
            LocalDate today = today(r);
            Instant now = now();
            ProposalEntity p = store.update(region, proposalId, e -> {
                if (e.outcome != null) {
                    throw new ConflictException("Proposal " + proposalId + " is already decided");
                }
                if (e.meetingDate.isAfter(today)) {
                    throw new ConflictException("Proposal " + proposalId + " is on the agenda of the meeting of "
                            + e.meetingDate + ": it can be decided from that day on");
                }
                e.outcome = d.outcome().name();
                e.lead = d.lead().name();
                e.rationale = d.rationale();
                e.bestInterest = d.bestInterest();
                e.decidedBy = caller.name();
                e.decidedAt = now;
                e.followUp = (movesCase(TransferDirection.valueOf(e.direction), d.lead()) ? FollowUpStatus.PENDING
                        : FollowUpStatus.NOT_NEEDED).name();
            }, decided -> inTransaction(caller, action, decided, decided.outcome + ", lead " + decided.lead
                    + (Boolean.TRUE.equals(decided.bestInterest) ? ", best interest" : "") + ", follow-up " + decided.followUp,
                    ReferralEvents.DECISION_RECORDED, decisionProperties(decided)));
            post(ReferralEvents.DECISION_RECORDED, caller, toApi(p), decisionProperties(p));
            if (FollowUpStatus.PENDING.name().equals(p.followUp)) {
                p = applyTransfer(caller, region, p);
            }
            return toApi(p);
        } catch (RuntimeException e) {
            throw refused(caller, action, region, proposalId, e);
        }
    }

    /** Whether a decision led by {@code lead} moves a case proposed in {@code direction}: it goes where it was asked to. */
    static boolean movesCase(TransferDirection direction, ServiceLine lead) {
        return lead == direction.to();
    }

    private Decision validate(DecisionRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "required", "The request needs a decision");
        }
        List<FieldError> errors = new ArrayList<>();
        ReferralOutcome outcome = request.outcome();
        ServiceLine lead = request.lead();
        if (outcome == null) {
            errors.add(required("outcome"));
        }
        if (lead != null && lead != ServiceLine.FRAGILE_FAMILY && lead != ServiceLine.CHILD_PROTECTION) {
            errors.add(new FieldError("lead", "invalid", "The lead is FRAGILE_FAMILY or CHILD_PROTECTION"));
        } else if (outcome == ReferralOutcome.FF_KEEPS || outcome == ReferralOutcome.CP_TAKES) {
            ServiceLine implied = outcome == ReferralOutcome.FF_KEEPS ? ServiceLine.FRAGILE_FAMILY : ServiceLine.CHILD_PROTECTION;
            if (lead == null) {
                lead = implied;
            } else if (lead != implied) {
                errors.add(new FieldError("lead", "inconsistent", "Outcome " + outcome + " is led by " + implied));
            }
        } else if (outcome != null && lead == null) {
            errors.add(new FieldError("lead", "required", "A joint or other decision names the service that leads"));
        }
        String rationale = text("rationale", request.rationale(), MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Decision(outcome, lead, rationale, Boolean.TRUE.equals(request.decidedOnBestInterest()));
    }

    /**
     * Applies the transfer of a decided proposal to its intake case, outside the decision's transaction (so that a
     * refusal by intake does not undo the decision), and records how it went.
     */
    private ProposalEntity applyTransfer(Caller caller, String region, ProposalEntity p) {
        TransferDirection direction = TransferDirection.valueOf(p.direction);
        IntakeService window = intake;
        CaseView applied = null;
        String problem;
        if (window == null) {
            problem = "The intake capability is not installed: carry the transfer out by hand";
        } else {
            problem = null;
            String reason = "Referral board decision on proposal " + p.proposalId + " (meeting " + p.meetingDate + "): "
                    + p.outcome + ", lead " + p.lead;
            try {
                applied = window.transfer(caller, region, p.reportNumber,
                        new TransferRequest(direction, TransferGround.REFERRAL_BOARD_DECISION, null, reason, p.proposalId));
            } catch (NotFoundException e) {
                problem = "The report number is not a case of the intake window: carry the transfer out by hand";
            } catch (ConflictException e) {
                problem = "The intake window refused the transfer: " + e.getMessage();
            } catch (AccessDeniedException e) {
                problem = "The intake window did not allow the transfer: " + e.getMessage();
            } catch (InvalidInputException e) {
                problem = "The intake window refused the transfer request (" + codes(e) + ")";
            } catch (RuntimeException e) {
                LOG.warn("Applying the transfer of proposal {} in region {} failed: {}", p.proposalId, region, e.getClass().getName());
                problem = "The transfer failed (" + e.getClass().getSimpleName() + "): carry it out by hand";
            }
        }
        CaseView done = applied;
        String why = cut(problem, 500);
        Instant now = now();
        ProposalEntity updated = store.update(region, p.proposalId, e -> {
            if (done != null) {
                e.followUp = FollowUpStatus.DONE.name();
                e.transferredCase = done.caseNumber();
                e.followUpNote = "Transfer " + direction + " applied to intake case " + done.caseNumber()
                        + " (ground " + TransferGround.REFERRAL_BOARD_DECISION + ")";
                e.followUpBy = caller.name();
                e.followUpDoneAt = now;
                e.transferProblem = null;
            } else {
                e.transferProblem = why;
            }
        }, e -> {
            if (done != null) {
                inTransaction(caller, "referral.transfer", e, "transfer " + direction + " applied to intake case " + done.caseNumber(),
                        ReferralEvents.FOLLOW_UP_COMPLETED, followUpDone(done.caseNumber()));
            } else {
                audit.recordWithChange(new AuditRecord(0, now(), caller.name(), "referral.transfer", region, e.proposalId,
                        AuditOutcome.REJECTED, why));
            }
        });
        if (done != null) {
            post(ReferralEvents.FOLLOW_UP_COMPLETED, caller, toApi(updated), followUpDone(done.caseNumber()));
        }
        return updated;
    }

    private static Map<String, Object> decisionProperties(ProposalEntity p) {
        return Map.of(ReferralEvents.OUTCOME, p.outcome, ReferralEvents.FOLLOW_UP, p.followUp);
    }

    private static Map<String, Object> followUpDone(String caseNumber) {
        return Map.of(ReferralEvents.FOLLOW_UP, FollowUpStatus.DONE.name(), ReferralEvents.CASE_NUMBER, caseNumber);
    }

    /**
     * In the transaction of a change of a proposal: its audit record and its event in the outbox, so that an
     * acknowledged change always has both.
     */
    private void inTransaction(Caller caller, String action, ProposalEntity p, String detail, String topic, Map<String, Object> extra) {
        audit.recordWithChange(new AuditRecord(0, now(), caller.name(), action, p.region, cut(p.proposalId, 200),
                AuditOutcome.SUCCESS, cut(detail, 500)));
        outbox.append(UUID.randomUUID().toString(), topic, p.region, p.proposalId,
                properties(p.region, p.proposalId, p.meetingDate.toString(), caller, extra));
    }

    @Override
    public SubmittedProposal completeFollowUp(Caller caller, String region, String proposalId, String note) {
        String action = "referral.follow-up";
        try {
            access(caller, region, MEMBERS);
            List<FieldError> errors = new ArrayList<>();
            String text = text("note", note, MAX_NOTE, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            Instant now = now();
            ProposalEntity p = store.update(region, proposalId, e -> {
                if (e.outcome == null) {
                    throw new ConflictException("Proposal " + proposalId + " is not decided yet");
                }
                if (FollowUpStatus.NOT_NEEDED.name().equals(e.followUp)) {
                    throw new ConflictException("The decision on proposal " + proposalId + " moves no case: there is nothing to carry out");
                }
                if (FollowUpStatus.DONE.name().equals(e.followUp)) {
                    throw new ConflictException("The decision on proposal " + proposalId + " is already carried out");
                }
                e.followUp = FollowUpStatus.DONE.name();
                e.followUpNote = text;
                e.followUpBy = caller.name();
                e.followUpDoneAt = now;
            }, done -> inTransaction(caller, action, done, "follow-up DONE by hand", ReferralEvents.FOLLOW_UP_COMPLETED,
                    Map.of(ReferralEvents.FOLLOW_UP, FollowUpStatus.DONE.name())));
            SubmittedProposal result = toApi(p);
            post(ReferralEvents.FOLLOW_UP_COMPLETED, caller, result, Map.of(ReferralEvents.FOLLOW_UP, FollowUpStatus.DONE.name()));
            return result;
        } catch (RuntimeException e) {
            throw refused(caller, action, region, proposalId, e);
        }
    }

    // ------------------------------------------------------------------ reminders

    @Override
    public List<Reminder> reminders(Caller caller, String region, LocalDate today) {
        String action = "referral.reminders";
        try {
            Region r = access(caller, region, MEMBERS);
            LocalDate day = today != null ? today : today(r);
            List<Reminder> result = new ArrayList<>();
            for (ProposalEntity p : store.undecided(region)) {
                String detail = p.meetingDate.isAfter(day)
                        ? "Proposal " + p.proposalId + " waits for the meeting of " + p.meetingDate
                        : "Proposal " + p.proposalId + " was on the agenda of " + p.meetingDate + " and waits for its decision";
                result.add(new Reminder(ReminderKind.PROPOSAL_WAITING, p.proposalId, p.meetingDate, p.meetingDate, detail));
            }
            next(region, day).ifPresent(m -> {
                boolean open = !day.isAfter(m.cutoff());
                String detail = "Meeting on " + m.date() + " with " + m.agenda().size() + " proposal(s) on the agenda; "
                        + (open ? "proposals until " + m.cutoff() : "agenda closed on " + m.cutoff());
                result.add(new Reminder(ReminderKind.MEETING_COMING, null, m.date(), open ? m.cutoff() : m.date(), detail));
            });
            ZoneId zone = zone(r);
            for (ProposalEntity p : store.pendingFollowUps(region)) {
                String detail = "Decision " + p.outcome + " (lead " + p.lead + ") on proposal " + p.proposalId
                        + " is not carried out yet" + (p.transferProblem == null ? "" : ": " + p.transferProblem);
                result.add(new Reminder(ReminderKind.DECISION_NOT_CARRIED_OUT, p.proposalId, p.meetingDate,
                        LocalDate.ofInstant(p.decidedAt, zone), detail));
            }
            result.sort(Comparator.comparing(Reminder::due).thenComparing(Reminder::kind)
                    .thenComparing(x -> x.proposalId() == null ? "" : x.proposalId()));
            record(caller, action, region, day.toString(), AuditOutcome.SUCCESS, result.size() + " reminders");
            return result;
        } catch (RuntimeException e) {
            throw refused(caller, action, region, null, e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Region access(Caller caller, String region, Role... roles) {
        if (caller == null) {
            throw new AccessDeniedException("The call has no authenticated caller");
        }
        caller.requireRegion(region);
        caller.requireAny(roles);
        return regions.require(region);
    }

    private LocalDate today(Region r) {
        return LocalDate.ofInstant(now(), zone(r));
    }

    /** The time, to the millisecond: what every database keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ZoneId zone(Region r) {
        try {
            return r.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(r.timeZone());
        } catch (DateTimeException e) {
            LOG.warn("Region {} has an unknown time zone; using UTC", r.code());
            return ZoneId.of("UTC");
        }
    }

    SubmittedProposal toApi(ProposalEntity e) {
        ReferralProposal form = new ReferralProposal(e.proposingOffice, e.district, e.reportNumber, e.childAge, e.summary,
                e.reason, TransferDirection.valueOf(e.direction));
        ReferralDecision decision = e.outcome == null ? null
                : new ReferralDecision(ReferralOutcome.valueOf(e.outcome), ServiceLine.valueOf(e.lead), e.rationale,
                        Boolean.TRUE.equals(e.bestInterest), FollowUpStatus.valueOf(e.followUp), e.transferredCase,
                        e.decidedBy, e.decidedAt, e.followUpNote, e.followUpDoneAt);
        return new SubmittedProposal(e.proposalId, e.region, form, e.submittedAt, e.submittedBy, e.meetingDate,
                decision == null ? ProposalStatus.ON_AGENDA : ProposalStatus.DECIDED, decision);
    }

    private static FieldError required(String field) {
        return new FieldError(field, "required", "Field '" + field + "' is required");
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String codes(InvalidInputException e) {
        return e.errors().stream().map(f -> f.field() + ":" + f.code()).collect(Collectors.joining(","));
    }

    private void record(Caller caller, String action, String region, String target, AuditOutcome outcome, String detail) {
        try {
            audit.record(new AuditRecord(0, now(), caller == null ? "anonymous" : caller.name(), action, region,
                    cut(target, 200), outcome, cut(detail, 500)));
        } catch (RuntimeException e) {
            LOG.error("The audit record of {} in region {} could not be written", action, region, e);
        }
    }

    /** Audits a refused or failed call (codes and our own messages only, never input text) and returns the error. */
    private RuntimeException refused(Caller caller, String action, String region, String target, RuntimeException e) {
        AuditOutcome outcome = e instanceof AccessDeniedException ? AuditOutcome.DENIED
                : e instanceof SafenestException ? AuditOutcome.REJECTED : AuditOutcome.FAILED;
        String detail = e instanceof InvalidInputException iie ? codes(iie)
                : e instanceof SafenestException ? e.getMessage() : e.getClass().getName();
        record(caller, action, region, target, outcome, detail);
        return e;
    }

    private void post(String topic, Caller caller, SubmittedProposal p, Map<String, Object> extra) {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        try {
            admin.postEvent(new Event(topic, properties(p.region(), p.id(), p.meetingDate().toString(), caller, extra)));
        } catch (RuntimeException e) {
            LOG.warn("Event {} for proposal {} could not be posted: {}", topic, p.id(), e.toString());
        }
    }

    private static Map<String, Object> properties(String region, String proposalId, String meetingDate, Caller caller,
            Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(ReferralEvents.REGION, region);
        props.put(ReferralEvents.PROPOSAL_ID, proposalId);
        props.put(ReferralEvents.MEETING_DATE, meetingDate);
        props.put(ReferralEvents.ACTOR, caller.name());
        return props;
    }
}
