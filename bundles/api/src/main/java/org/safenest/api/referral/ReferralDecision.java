package org.safenest.api.referral;

import java.time.Instant;

import org.safenest.api.intake.ServiceLine;

/**
 * The chair's decision on a proposal.
 *
 * @param outcome               the outcome
 * @param lead                  the service that leads the case: {@link ServiceLine#FRAGILE_FAMILY} or
 *                              {@link ServiceLine#CHILD_PROTECTION}
 * @param rationale             why
 * @param decidedOnBestInterest true when the two sides disagreed and the chair decided on the child's best
 *                              interest (兒少最佳利益)
 * @param followUp              whether it has been carried out
 * @param transferredCase       the intake case number the transfer was applied to, or null (no move, or the case is
 *                              not in the intake window)
 * @param decidedBy             the chair
 * @param decidedAt             when
 * @param followUpNote          what was done to carry it out, or null
 * @param followUpDoneAt        when it was marked done, or null
 */
public record ReferralDecision(ReferralOutcome outcome, ServiceLine lead, String rationale,
        boolean decidedOnBestInterest, FollowUpStatus followUp, String transferredCase, String decidedBy,
        Instant decidedAt, String followUpNote, Instant followUpDoneAt) {
}
