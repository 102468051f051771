package org.safenest.core.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * One audit record. {@code mac} seals its content when written (HMAC with the node's audit key); {@code chainPos}
 * and {@code chainHash} link it to the record before, once the audit chain has taken it in.
 */
@Entity
@Table(name = "SN_AUDIT", indexes = {@Index(columnList = "RECORDED_AT"), @Index(columnList = "ACTOR"), @Index(columnList = "REGION"),
        @Index(columnList = "CHAIN_POS")})
public class AuditEntity {
    // Not an IDENTITY column: Derby refuses concurrent inserts into one (40XL1, contention on the identity
    // generator) and every API request writes a record. A table generator hands out blocks of 100 ids.
    @Id
    @TableGenerator(name = "SN_AUDIT_ID", table = "SN_ID_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_ID",
            pkColumnValue = "SN_AUDIT", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SN_AUDIT_ID")
    public Long id;
    // AT is an SQL reserved word.
    @Column(name = "RECORDED_AT", nullable = false)
    public Instant at;
    @Column(name = "ACTOR", nullable = false, length = 100)
    public String actor;
    @Column(nullable = false, length = 300)
    public String action;
    @Column(name = "REGION", length = 64)
    public String region;
    @Column(length = 200)
    public String target;
    @Column(nullable = false, length = 20)
    public String outcome;
    @Column(length = 500)
    public String detail;
    @Column(name = "MAC", length = 64)
    public String mac;
    @Column(name = "CHAIN_POS")
    public Long chainPos;
    @Column(name = "CHAIN_HASH", length = 64)
    public String chainHash;
}
