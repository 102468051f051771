package org.safenest.core.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * How far a consumer of the outbox has got (and, under the name {@code #sequencer}, the last position given out).
 * A node locks the row while it delivers to the consumer, so two nodes never apply one event twice.
 */
@Entity
@Table(name = "SN_OUTBOX_CONSUMER")
public class OutboxConsumerEntity {
    @Id
    @Column(name = "NAME", length = 100)
    public String name;
    @Column(name = "POSITION", nullable = false)
    public long position;
    @Column(name = "UPDATED_AT", nullable = false)
    public Instant updatedAt;
}
