package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One event intake wrote to the outbox, kept with intake's records: the same id, topic and properties (codes, ids and
 * times only, never personal data). The outbox prunes delivered events; this stays, so that reporting (or any
 * consumer) can build its figures again from intake's records (see {@code CaseEventHistory}).
 */
@Entity
@Table(name = "SN_CASE_EVENT", indexes = @Index(name = "SN_CASE_EVENT_ORDER_IX", columnList = "REGION, ORDINAL"))
public class CaseEventEntity {
    /** The outbox event's id. */
    @Id
    @Column(name = "EVENT_ID", length = 200)
    public String eventId;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "CASE_NUMBER", length = 120)
    public String caseNumber;
    @Column(name = "TOPIC", nullable = false, length = 120)
    public String topic;
    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;
    /**
     * The order events were written in: microseconds since the epoch, or one more than the node's last (as the
     * outbox's own ordinal), so the events of one change and of one case keep their order.
     */
    @Column(name = "ORDINAL", nullable = false)
    public long ordinal;
    /** The properties as JSON, as the outbox stores them. */
    @Column(name = "PROPERTIES", length = 4000)
    public String properties;
}
