package org.safenest.intake.internal.jpa;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A case: what a unit serves, with its number, where it stands and the latest further-investigation follow-up.
 * The counts and times of its reports are kept here so that a case list needs one query.
 */
@Entity
// The tables come from db/changelog/safenest-intake.xml; the indexes here say the same for readers (and for the schema
// test, which compares the changelog with what EclipseLink would make of these annotations).
// SN_CASE_OPENED_IX (schema change 2): the case list, newest first, a page of one region's cases.
@Table(name = "SN_CASE", indexes = {@Index(name = "SN_CASE_NUMBER_UQ", columnList = "REGION, CASE_NUMBER", unique = true),
        @Index(name = "SN_CASE_HOUSEHOLD_IX", columnList = "REGION, HOUSEHOLD_REF"),
                @Index(name = "SN_CASE_STATUS_IX", columnList = "REGION, CASE_STATUS"),
                @Index(name = "SN_CASE_FOLLOW_UP_IX", columnList = "REGION, FOLLOW_UP_DUE"),
                @Index(name = "SN_CASE_OPENED_IX", columnList = "REGION, OPENED_AT, ID"),
                // schema change 3: search by office and status, district, received period; caseloads by worker
                @Index(name = "SN_CASE_OFFICE_IX", columnList = "REGION, OFFICE, CASE_STATUS"),
                @Index(name = "SN_CASE_DISTRICT_IX", columnList = "REGION, DISTRICT"),
                @Index(name = "SN_CASE_RECEIVED_IX", columnList = "REGION, FIRST_RECEIVED_AT"),
                @Index(name = "SN_CASE_ASSIGNED_IX", columnList = "REGION, ASSIGNED_TO, CASE_STATUS")})
public class CaseEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "CASE_NUMBER", nullable = false, length = 40)
    public String caseNumber;
    @Column(name = "HOUSEHOLD_REF", length = 100)
    public String householdRef;
    @Column(name = "CASE_TYPE", nullable = false, length = 64)
    public String caseType;
    @Column(name = "SERVICE_LINE", nullable = false, length = 32)
    public String serviceLine;
    @Column(name = "DISTRICT", nullable = false, length = 64)
    public String district;
    @Column(name = "DISTRICT_PART", length = 64)
    public String districtPart;
    @Column(name = "CASE_STATUS", nullable = false, length = 32)
    public String status;
    /** The office serving the case now; null while in the manual dispatch queue. */
    @Column(name = "OFFICE", length = 64)
    public String office;
    /** The current dispatch decision (the latest, by the rules or by hand). */
    @Column(name = "DECISION_ID")
    public Long decisionId;
    @Column(name = "OPENED_AT", nullable = false)
    public Instant openedAt;
    @Column(name = "FIRST_RECEIVED_AT", nullable = false)
    public Instant firstReceivedAt;
    @Column(name = "LAST_RECEIVED_AT", nullable = false)
    public Instant lastReceivedAt;
    @Column(name = "REPORT_COUNT", nullable = false)
    public int reportCount;
    /** When a disposition was last recorded in the case's current service; null until then (and after a transfer). */
    @Column(name = "ASSESSED_AT")
    public Instant assessedAt;
    /** How many history entries the case has: the position of the next one. */
    @Column(name = "HISTORY_COUNT", nullable = false)
    public int historyCount;
    @Column(name = "FOLLOW_UP_DUE")
    public LocalDate followUpDue;
    @Column(name = "FOLLOW_UP_DONE_AT")
    public Instant followUpCompletedAt;
    @Column(name = "FOLLOW_UP_DONE_BY", length = 100)
    public String followUpCompletedBy;
    @Column(name = "FOLLOW_UP_NOTE", length = 2000)
    public String followUpNote;
    /** The worker (user name) the case is assigned to now; null when none. */
    @Column(name = "ASSIGNED_TO", length = 100)
    public String assignedTo;
    @Column(name = "ASSIGNED_AT")
    public Instant assignedAt;
}
