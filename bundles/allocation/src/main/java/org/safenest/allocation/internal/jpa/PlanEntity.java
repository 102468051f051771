package org.safenest.allocation.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A stored plan: its content (the plan with its metrics) as JSON, and where it stands. */
@Entity
@Table(name = "SN_ALLOCATION_PLAN", indexes = {@Index(columnList = "REGION"), @Index(columnList = "REGION,PLAN_STATUS")})
public class PlanEntity {
    /** Assigned by the store (one more than the largest): Derby's identity columns fail under concurrent inserts. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "STRATEGY_ID", nullable = false, length = 100)
    public String strategy;
    /** PlanStatus name. */
    @Column(name = "PLAN_STATUS", nullable = false, length = 20)
    public String status;
    @Column(name = "STORED_BY", nullable = false, length = 100)
    public String storedBy;
    @Column(name = "STORED_AT", nullable = false)
    public Instant storedAt;
    @Column(name = "ADOPTED_AT")
    public Instant adoptedAt;
    @Column(name = "ADOPTED_BY", length = 100)
    public String adoptedBy;
    @Column(name = "SUPERSEDED_AT")
    public Instant supersededAt;
    @Column(name = "SYNTHETIC_DATA", nullable = false)
    public boolean synthetic;
    /** The AllocationPlan with its metrics, as JSON. */
    @Lob
    @Column(name = "PLAN_JSON", nullable = false, length = 100_000_000)
    public String content;
}
