package org.safenest.api.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.safenest.api.security.Caller;

/**
 * The referral board of a region. Meetings are monthly on a day set in the region's configuration. Every
 * method checks the caller's role and region and is audited; methods taking a region code throw
 * {@link org.safenest.api.error.NotFoundException} for an unknown region.
 */
@ProviderType
public interface ReferralBoard {

    /**
     * Submits a proposal (roles {@code social-worker}, {@code supervisor}). It goes on the agenda of the next
     * meeting whose cutoff (one week before) is not past. {@link org.safenest.api.error.InvalidInputException}
     * naming each wrong field; a field carrying personal data gets the code of its {@link org.safenest.api.privacy.PersonalDataKind}.
     */
    SubmittedProposal propose(Caller caller, String region, ReferralProposal proposal);

    /** One proposal. */
    Optional<SubmittedProposal> proposal(Caller caller, String region, String proposalId);

    /** The region's meetings whose day falls within the dates (inclusive), with status and agenda. */
    List<ReferralMeeting> meetings(Caller caller, String region, LocalDate from, LocalDate to);

    /** The next meeting not yet held (created from the schedule when needed). */
    ReferralMeeting nextMeeting(Caller caller, String region);

    /**
     * Records the chair's decision (role {@code board-chair}). A decision that moves a case applies the
     * transfer to the intake case when the case exists there; the follow-up stays {@link FollowUpStatus#PENDING}
     * until marked done. {@link org.safenest.api.error.ConflictException} when already decided.
     */
    SubmittedProposal decide(Caller caller, String region, String proposalId, DecisionRequest decision);

    /** Marks a decision as carried out, with a note. */
    SubmittedProposal completeFollowUp(Caller caller, String region, String proposalId, String note);

    /** What needs attention on {@code today}: proposals waiting, meetings coming, decisions not carried out. */
    List<Reminder> reminders(Caller caller, String region, LocalDate today);
}
