package org.safenest.reporting.internal.facts;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** The current state of a case as the events told it: its type, district, office and whether it waits in the manual queue. */
@Entity
@Table(name = "RPT_CASE", indexes = {@Index(name = "RPT_CASE_QUEUE", columnList = "REGION, MANUAL_QUEUE"),
        // schema change 2: the caseloads report (open cases per office and worker) reads only this index
        @Index(name = "RPT_CASE_LOAD", columnList = "REGION, CLOSED, OFFICE, WORKER, MANUAL_QUEUE")})
public class CaseFact {

    /** {@code region:caseNumber}. */
    @Id
    @Column(name = "ID", length = 100)
    public String id;

    @Column(name = "REGION", length = 40, nullable = false)
    public String region;

    @Column(name = "CASE_NUMBER", length = 40, nullable = false)
    public String caseNumber;

    @Column(name = "CASE_TYPE", length = 60, nullable = false)
    public String caseType;

    @Column(name = "SERVICE_LINE", length = 40, nullable = false)
    public String serviceLine;

    @Column(name = "DISTRICT", length = 60, nullable = false)
    public String district;

    @Column(name = "OFFICE", length = 60, nullable = false)
    public String office;

    @Column(name = "MANUAL_QUEUE", nullable = false)
    public int manualQueue;

    /** Since when the case waits in the manual queue, epoch milliseconds; null when it does not. */
    @Column(name = "QUEUED_AT")
    public Long queuedAt;

    @Column(name = "OPENED_DAY", nullable = false)
    public LocalDate openedDay;

    /** The worker the case is assigned to (CASE_ASSIGNED); null when none, or before schema change 2. */
    @Column(name = "WORKER", length = 100)
    public String worker;

    /** 1 once a closing disposition was recorded; null or 0 while open. */
    @Column(name = "CLOSED")
    public Integer closed;
}
