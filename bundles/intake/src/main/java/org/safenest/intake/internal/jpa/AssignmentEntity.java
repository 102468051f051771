package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** An assignment of a case to a worker (or the end of one when the case moved office). */
@Entity
@Table(name = "SN_ASSIGNMENT", indexes = @Index(name = "SN_ASSIGNMENT_CASE_IX", columnList = "CASE_ID"))
public class AssignmentEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    /** Null when the case was left without a worker. */
    @Column(name = "WORKER", length = 100)
    public String worker;
    @Column(name = "PREVIOUS_WORKER", length = 100)
    public String previousWorker;
    @Column(name = "OFFICE", length = 64)
    public String office;
    @Column(name = "REASON", length = 2000)
    public String reason;
    @Column(name = "ASSIGNED_BY", nullable = false, length = 100)
    public String assignedBy;
    @Column(name = "ASSIGNED_AT", nullable = false)
    public Instant assignedAt;
}
