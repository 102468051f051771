package org.safenest.api.referral;

import org.safenest.api.intake.ServiceLine;

/**
 * What the chair records for a proposal.
 *
 * @param outcome               the outcome
 * @param lead                  the leading service: {@link ServiceLine#FRAGILE_FAMILY} or
 *                              {@link ServiceLine#CHILD_PROTECTION}
 * @param rationale             why; required
 * @param decidedOnBestInterest the two sides disagreed and the chair decided on the child's best interest
 */
public record DecisionRequest(ReferralOutcome outcome, ServiceLine lead, String rationale,
        Boolean decidedOnBestInterest) {
}
