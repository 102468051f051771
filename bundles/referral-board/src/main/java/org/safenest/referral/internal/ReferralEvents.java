package org.safenest.referral.internal;

/**
 * The EventAdmin topics the referral board posts (asynchronously, after the change is committed) and their
 * property keys. Events carry identifiers and codes only, never a summary, a reason or a rationale. Values are
 * {@code String} (dates ISO-8601) or {@code Boolean}. Internal for now: a subscriber in another bundle would need these
 * constants moved to {@code org.safenest.api.referral}.
 */
public final class ReferralEvents {

    public static final String TOPIC_PREFIX = "org/safenest/referral/";
    /** A proposal was put on a meeting's agenda. */
    public static final String PROPOSAL_SUBMITTED = TOPIC_PREFIX + "PROPOSAL_SUBMITTED";
    /** The chair recorded a decision (after the transfer, when one was applied). */
    public static final String DECISION_RECORDED = TOPIC_PREFIX + "DECISION_RECORDED";
    /** A decision was marked carried out by hand. */
    public static final String FOLLOW_UP_COMPLETED = TOPIC_PREFIX + "FOLLOW_UP_COMPLETED";

    public static final String REGION = "region";
    public static final String PROPOSAL_ID = "proposalId";
    public static final String MEETING_DATE = "meetingDate";
    public static final String ACTOR = "actor";
    public static final String DIRECTION = "direction";
    /** {@link org.safenest.api.referral.ReferralOutcome} name; decision. */
    public static final String OUTCOME = "outcome";
    /** {@link org.safenest.api.referral.FollowUpStatus} name; decision and follow-up. */
    public static final String FOLLOW_UP = "followUp";
    /** The intake case the transfer was applied to; decision, when applied. */
    public static final String CASE_NUMBER = "caseNumber";

    private ReferralEvents() {
    }
}
