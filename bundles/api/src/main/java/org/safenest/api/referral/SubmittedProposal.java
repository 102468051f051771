package org.safenest.api.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A proposal as stored on the board.
 *
 * @param id          identifier within the region
 * @param region      the region code
 * @param proposal    the form
 * @param submittedAt when it was submitted
 * @param submittedBy who submitted it
 * @param meetingDate the meeting whose agenda it is on
 * @param status      where it stands
 * @param decision    the decision, or null
 */
public record SubmittedProposal(String id, String region, ReferralProposal proposal, Instant submittedAt,
        String submittedBy, LocalDate meetingDate, ProposalStatus status, ReferralDecision decision) {
}
