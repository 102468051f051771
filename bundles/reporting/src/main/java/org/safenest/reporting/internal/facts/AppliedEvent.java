package org.safenest.reporting.internal.facts;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * An outbox event reporting has applied, written in the transaction of the facts it made: a redelivered or replayed
 * event finds its row and changes nothing, so no figure counts an event twice.
 */
@Entity
@Table(name = "RPT_APPLIED", indexes = @Index(columnList = "REGION"))
public class AppliedEvent {
    @Id
    @Column(name = "EVENT_ID", length = 200)
    public String eventId;
    @Column(name = "REGION", length = 64)
    public String region;
}
