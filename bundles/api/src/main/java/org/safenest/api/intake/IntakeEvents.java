package org.safenest.api.intake;

/**
 * The OSGi EventAdmin topics intake publishes (asynchronously, after the change is committed) and the keys of
 * their properties, so that other bundles subscribe without depending on the intake implementation. Events
 * carry identifiers and codes only, never a summary, a household reference or other personal data. Property
 * values are {@code String}, {@code Boolean}, {@code Integer} or {@code Long}; times are epoch milliseconds.
 */
public final class IntakeEvents {

    /** Prefix of every intake topic. */
    public static final String TOPIC_PREFIX = "org/safenest/intake/";
    /** Subscribe to every intake topic. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";

    /** A report was recorded (every accepted report, not replays). Carries {@link #MERGE_RULE}. */
    public static final String CASE_RECEIVED = TOPIC_PREFIX + "CASE_RECEIVED";
    /** A case was dispatched: by the rules at intake or transfer, into the manual queue, or by hand. */
    public static final String CASE_DISPATCHED = TOPIC_PREFIX + "CASE_DISPATCHED";
    /** A report joined or was merged into an existing case (after its {@link #CASE_RECEIVED}). */
    public static final String CASE_MERGED = TOPIC_PREFIX + "CASE_MERGED";
    /** A case moved between child protection and fragile-family service. */
    public static final String CASE_TRANSFERRED = TOPIC_PREFIX + "CASE_TRANSFERRED";
    /** A dispatch decision was disputed; the case's re-dispatch by hand follows as {@link #CASE_DISPATCHED}. */
    public static final String DISPATCH_DISPUTED = TOPIC_PREFIX + "DISPATCH_DISPUTED";
    /** The coordination meeting resolved a dispute. */
    public static final String DISPUTE_RESOLVED = TOPIC_PREFIX + "DISPUTE_RESOLVED";
    /** A disposition was recorded. */
    public static final String DISPOSITION_RECORDED = TOPIC_PREFIX + "DISPOSITION_RECORDED";
    /** A further investigation record was filed, completing a follow-up. */
    public static final String FOLLOW_UP_COMPLETED = TOPIC_PREFIX + "FOLLOW_UP_COMPLETED";
    /**
     * A case was assigned to a worker of its office, reassigned to another, or left without a worker because it moved
     * to another office. Carries {@link #WORKER} (absent when unassigned), {@link #PREVIOUS_WORKER} (absent for a
     * first assignment) and {@link #OFFICE}; never the reason given.
     */
    public static final String CASE_ASSIGNED = TOPIC_PREFIX + "CASE_ASSIGNED";

    /** Region code ({@code String}); on every event. */
    public static final String REGION = "region";
    /** Case number ({@code String}); on every event. */
    public static final String CASE_NUMBER = "caseNumber";
    /** The user who caused the event, or {@code system} ({@code String}); on every event. */
    public static final String ACTOR = "actor";
    /** When the event was built, right after the change was committed, epoch milliseconds ({@code Long}); on every event. */
    public static final String OCCURRED_AT = "occurredAt";
    /** Report idempotency key ({@code String}); received and merged. */
    public static final String REPORT_ID = "reportId";
    /**
     * Report received time, epoch milliseconds ({@code Long}); received, merged, and dispatched at intake or by hand
     * out of the manual queue (absent on the dispatch after a transfer or a dispute, which answer no new report).
     */
    public static final String RECEIVED_AT = "receivedAt";
    /** Case type code ({@code String}); every event (the type after the change for transfers). */
    public static final String CASE_TYPE = "caseType";
    /** {@link ServiceLine} name ({@code String}); every event. */
    public static final String SERVICE_LINE = "serviceLine";
    /** District code ({@code String}); every event. */
    public static final String DISTRICT = "district";
    /** District part code ({@code String}); absent when none. */
    public static final String DISTRICT_PART = "districtPart";
    /** {@link MergeRule} name ({@code String}); received and merged. */
    public static final String MERGE_RULE = "mergeRule";
    /**
     * Office code ({@code String}): on a dispatch, the office it chose (absent when the case went to the manual
     * queue); on every other event, the office serving the case after the change (absent when none).
     */
    public static final String OFFICE = "office";
    /** Office before a change ({@code String}); transferred and disputed. */
    public static final String FROM_OFFICE = "fromOffice";
    /** Whether the case went to the manual dispatch queue ({@code Boolean}); dispatched. */
    public static final String MANUAL_QUEUE = "manualQueue";
    /** {@link org.safenest.api.dispatch.DecisionBasis} name ({@code String}); dispatched. */
    public static final String DECISION_BASIS = "decisionBasis";
    /** Rule set version, 0 when none ({@code Integer}); dispatched. */
    public static final String RULE_SET_VERSION = "ruleSetVersion";
    /** Id of the matched rule ({@code String}); dispatched, absent when no rule matched. */
    public static final String RULE_ID = "ruleId";
    /** Decision time, epoch milliseconds ({@code Long}); dispatched. */
    public static final String DECIDED_AT = "decidedAt";
    /** {@link TransferDirection} name ({@code String}); transferred. */
    public static final String DIRECTION = "direction";
    /** {@link TransferGround} name ({@code String}); transferred. */
    public static final String GROUND = "ground";
    /** Dispute id ({@code Long}); disputed and resolved. */
    public static final String DISPUTE_ID = "disputeId";
    /** {@link Disposition} name ({@code String}); disposition recorded. */
    public static final String DISPOSITION = "disposition";
    /** Follow-up due date, ISO-8601 ({@code String}); disposition recorded (when set) and follow-up completed. */
    public static final String FOLLOW_UP_DUE = "followUpDue";

    /** {@link CaseStatus} name after the change ({@code String}); disposition recorded (a closing disposition says CLOSED). */
    public static final String STATUS = "status";
    /** User name of the worker the case is assigned to ({@code String}); assigned, absent when the case has no worker now. */
    public static final String WORKER = "worker";
    /** User name of the worker the case was assigned to before ({@code String}); assigned, absent when none. */
    public static final String PREVIOUS_WORKER = "previousWorker";

    private IntakeEvents() {
    }
}
