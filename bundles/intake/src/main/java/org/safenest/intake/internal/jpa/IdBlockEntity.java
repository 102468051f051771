package org.safenest.intake.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The last row id handed out to a node for the intake tables. Ids are reserved in blocks by short transactions of
 * their own, so that rows need no identity column: Derby's identity generators fail with "too much contention"
 * when many transactions insert at once, and an identity needs a round trip per row.
 */
@Entity
@Table(name = "SN_INTAKE_ID_BLOCK")
public class IdBlockEntity {
    @Id
    @Column(name = "BLOCK_NAME", length = 40)
    public String name;
    @Column(name = "LAST_ID", nullable = false)
    public long lastId;
}
