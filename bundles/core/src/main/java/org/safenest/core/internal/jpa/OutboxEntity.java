package org.safenest.core.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One event of the outbox. Written in the transaction of the change with {@link #position} 0 (not sequenced yet);
 * the outbox's sequencer gives committed rows their position (from 1) in {@link #ordinal} order, and consumers read
 * by position, so a row that commits late is never passed over. The sequencer finds the few rows at 0 through the
 * POSITION index (an equality, which Derby answers from the index; {@code IS NULL} made it read the whole table)
 * and sorts them; an index on ORDINAL would cost every insert and save nothing.
 */
@Entity
@Table(name = "SN_OUTBOX", indexes = @Index(columnList = "POSITION"))
public class OutboxEntity {
    /** The event's stable id (a consumer applies each once). */
    @Id
    @Column(name = "EVENT_ID", length = 200)
    public String eventId;
    /** Order of writing: per node strictly increasing, microseconds since the epoch or just above the last. */
    @Column(name = "ORDINAL", nullable = false)
    public long ordinal;
    @Column(name = "POSITION", nullable = false)
    public long position;
    @Column(name = "TOPIC", nullable = false, length = 120)
    public String topic;
    @Column(name = "REGION", length = 64)
    public String region;
    @Column(name = "EVENT_KEY", length = 120)
    public String key;
    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;
    /** The properties as JSON: codes, ids and times only. */
    @Column(name = "PROPERTIES", length = 4000)
    public String properties;
}
