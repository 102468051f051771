package org.safenest.core.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The head of the audit chain: the last position given out and its hash. Locked while records are chained. */
@Entity
@Table(name = "SN_AUDIT_CHAIN")
public class AuditChainEntity {
    @Id
    @Column(name = "NAME", length = 50)
    public String name;
    @Column(name = "LAST_POS", nullable = false)
    public long lastPos;
    @Column(name = "LAST_HASH", nullable = false, length = 64)
    public String lastHash;
    @Column(name = "UPDATED_AT", nullable = false)
    public Instant updatedAt;
}
