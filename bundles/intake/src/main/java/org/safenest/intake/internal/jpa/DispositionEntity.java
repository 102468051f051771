package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A disposition recorded on a case. */
@Entity
@Table(name = "SN_DISPOSITION", indexes = @Index(name = "SN_DISPOSITION_CASE_IX", columnList = "CASE_ID"))
public class DispositionEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    @Column(name = "DISPOSITION", nullable = false, length = 40)
    public String disposition;
    @Column(name = "NOTE", length = 2000)
    public String note;
    @Column(name = "UNIT_NAME", length = 200)
    public String unit;
    @Column(name = "UNIT_CONFIRMED", nullable = false)
    public boolean unitConfirmed;
    @Column(name = "RECORDED_AT", nullable = false)
    public Instant at;
    @Column(name = "RECORDED_BY", nullable = false, length = 100)
    public String by;
}
