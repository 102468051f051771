package org.safenest.reporting.internal.facts;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A follow-up set by a disposition (the 10-day rule) and, once filed, when it was completed. */
@Entity
@Table(name = "RPT_FOLLOW_UP", indexes = @Index(name = "RPT_FOLLOW_UP_DUE", columnList = "REGION, DUE_DAY"))
public class FollowUpFact {

    @Id
    @Column(name = "ID", length = 40)
    public String id;

    @Column(name = "REGION", length = 40, nullable = false)
    public String region;

    @Column(name = "CASE_NUMBER", length = 40, nullable = false)
    public String caseNumber;

    /** The office serving the case when the follow-up was set; empty when none. */
    @Column(name = "OFFICE", length = 60, nullable = false)
    public String office;

    @Column(name = "SET_DAY", nullable = false)
    public LocalDate setDay;

    @Column(name = "DUE_DAY", nullable = false)
    public LocalDate dueDay;

    @Column(name = "COMPLETED_DAY")
    public LocalDate completedDay;
}
