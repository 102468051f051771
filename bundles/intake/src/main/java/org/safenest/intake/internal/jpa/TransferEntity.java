package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A transfer of a case between child protection and fragile-family service. */
@Entity
@Table(name = "SN_TRANSFER", indexes = @Index(name = "SN_TRANSFER_CASE_IX", columnList = "CASE_ID"))
public class TransferEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    @Column(name = "DIRECTION", nullable = false, length = 16)
    public String direction;
    @Column(name = "GROUND", nullable = false, length = 48)
    public String ground;
    @Column(name = "REASON", length = 2000)
    public String reason;
    @Column(name = "FROM_CASE_TYPE", nullable = false, length = 64)
    public String fromCaseType;
    @Column(name = "TO_CASE_TYPE", nullable = false, length = 64)
    public String toCaseType;
    @Column(name = "FROM_OFFICE", length = 64)
    public String fromOffice;
    /** The decision made for the new service. */
    @Column(name = "DECISION_ID", nullable = false)
    public Long decisionId;
    @Column(name = "REFERRAL", length = 100)
    public String referral;
    @Column(name = "TRANSFERRED_AT", nullable = false)
    public Instant at;
    @Column(name = "TRANSFERRED_BY", nullable = false, length = 100)
    public String by;
}
