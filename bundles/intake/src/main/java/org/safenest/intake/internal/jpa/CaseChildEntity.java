package org.safenest.intake.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A child reference of a case (from any of its reports), one row per report and reference: what the search by child
 * reference reads through its index instead of the reports' text column.
 */
@Entity
@Table(name = "SN_CASE_CHILD", indexes = {@Index(name = "SN_CASE_CHILD_REF_IX", columnList = "REGION, CHILD_REF"),
        @Index(name = "SN_CASE_CHILD_CASE_IX", columnList = "CASE_ID")})
public class CaseChildEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    @Column(name = "REPORT_ID", nullable = false)
    public Long reportId;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "CHILD_REF", nullable = false, length = 100)
    public String childRef;
}
