package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A report as recorded. The unique index on (region, report id) protects the idempotency key against two concurrent
 * submits. Children are kept as lines {@code age|childRef}.
 */
@Entity
@Table(name = "SN_REPORT", indexes = {@Index(name = "SN_REPORT_ID_UQ", columnList = "REGION, REPORT_ID", unique = true),
        @Index(name = "SN_REPORT_CASE_IX", columnList = "CASE_ID")})
public class ReportEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "REPORT_ID", nullable = false, length = 100)
    public String reportId;
    @Column(name = "RECEIVED_AT", nullable = false)
    public Instant receivedAt;
    @Column(name = "CASE_TYPE", nullable = false, length = 64)
    public String caseType;
    @Column(name = "DISTRICT", nullable = false, length = 64)
    public String district;
    @Column(name = "DISTRICT_PART", length = 64)
    public String districtPart;
    @Column(name = "CHILDREN", nullable = false, length = 8000)
    public String children;
    @Column(name = "HOUSEHOLD_REF", length = 100)
    public String householdRef;
    @Column(name = "SUMMARY", nullable = false, length = 4000)
    public String summary;
    @Column(name = "REPORT_SOURCE", nullable = false, length = 100)
    public String source;
    @Column(name = "MERGE_RULE", nullable = false, length = 32)
    public String mergeRule;
    @Column(name = "RECORDED_AT", nullable = false)
    public Instant recordedAt;
    @Column(name = "RECORDED_BY", nullable = false, length = 100)
    public String recordedBy;
    /** The case's decision when the report was recorded: the one its receipt carries. */
    @Column(name = "DECISION_ID")
    public Long decisionId;
}
