package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A dispatch decision made for a case, by the rules or by hand. Never changed once written. */
@Entity
@Table(name = "SN_DECISION", indexes = @Index(name = "SN_DECISION_CASE_IX", columnList = "CASE_ID"))
public class DecisionEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    @Column(name = "OFFICE", length = 64)
    public String office;
    @Column(name = "MANUAL_QUEUE", nullable = false)
    public boolean manualQueue;
    @Column(name = "RULE_SET_VERSION", nullable = false)
    public int ruleSetVersion;
    @Column(name = "RULE_ID", length = 200)
    public String ruleId;
    @Column(name = "BASIS", nullable = false, length = 20)
    public String basis;
    @Column(name = "EXPLANATION", length = 2000)
    public String explanation;
    @Column(name = "DECIDED_AT", nullable = false)
    public Instant decidedAt;
    @Column(name = "DECIDED_BY", nullable = false, length = 100)
    public String decidedBy;
}
