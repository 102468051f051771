package org.safenest.reporting.internal.facts;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A disputed dispatch decision ({@code DISPATCH_DISPUTED}) and its resolution by the coordination meeting. */
@Entity
@Table(name = "RPT_DISPUTE", indexes = @Index(name = "RPT_DISPUTE_DAY", columnList = "REGION, DISPUTED_DAY"))
public class DisputeFact {

    /** {@code region:disputeId}. */
    @Id
    @Column(name = "ID", length = 80)
    public String id;

    @Column(name = "REGION", length = 40, nullable = false)
    public String region;

    @Column(name = "CASE_NUMBER", length = 40, nullable = false)
    public String caseNumber;

    @Column(name = "DISPUTED_DAY", nullable = false)
    public LocalDate disputedDay;

    @Column(name = "FROM_OFFICE", length = 60, nullable = false)
    public String fromOffice;

    @Column(name = "TO_OFFICE", length = 60, nullable = false)
    public String toOffice;

    @Column(name = "RESOLVED_DAY")
    public LocalDate resolvedDay;
}
