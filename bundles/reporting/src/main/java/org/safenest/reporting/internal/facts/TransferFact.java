package org.safenest.reporting.internal.facts;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A transfer between child protection and fragile-family service ({@code CASE_TRANSFERRED}). */
@Entity
@Table(name = "RPT_TRANSFER", indexes = @Index(name = "RPT_TRANSFER_DAY", columnList = "REGION, TRANSFER_DAY"))
public class TransferFact {

    @Id
    @Column(name = "ID", length = 40)
    public String id;

    @Column(name = "REGION", length = 40, nullable = false)
    public String region;

    @Column(name = "CASE_NUMBER", length = 40, nullable = false)
    public String caseNumber;

    @Column(name = "TRANSFER_DAY", nullable = false)
    public LocalDate transferDay;

    @Column(name = "DIRECTION", length = 20, nullable = false)
    public String direction;

    @Column(name = "GROUND", length = 60, nullable = false)
    public String ground;

    @Column(name = "FROM_OFFICE", length = 60, nullable = false)
    public String fromOffice;

    @Column(name = "DISTRICT", length = 60, nullable = false)
    public String district;
}
