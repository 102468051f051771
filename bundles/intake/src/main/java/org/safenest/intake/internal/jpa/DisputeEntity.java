package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A dispatcher's dispute of a dispatch decision, on the list for the coordination meeting. */
@Entity
@Table(name = "SN_DISPUTE", indexes = {@Index(name = "SN_DISPUTE_REGION_IX", columnList = "REGION, DISPUTE_STATUS"),
        @Index(name = "SN_DISPUTE_CASE_IX", columnList = "CASE_ID")})
public class DisputeEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    @Column(name = "CASE_NUMBER", nullable = false, length = 40)
    public String caseNumber;
    /** The decision disputed. */
    @Column(name = "DECISION_ID", nullable = false)
    public Long decisionId;
    @Column(name = "REASON", nullable = false, length = 2000)
    public String reason;
    @Column(name = "REDISPATCHED_TO", nullable = false, length = 64)
    public String redispatchedTo;
    @Column(name = "RAISED_BY", nullable = false, length = 100)
    public String raisedBy;
    @Column(name = "RAISED_AT", nullable = false)
    public Instant raisedAt;
    @Column(name = "DISPUTE_STATUS", nullable = false, length = 16)
    public String status;
    @Column(name = "OUTCOME", length = 4000)
    public String outcome;
    @Column(name = "RESOLVED_BY", length = 100)
    public String resolvedBy;
    @Column(name = "RESOLVED_AT")
    public Instant resolvedAt;
}
