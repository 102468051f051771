package org.safenest.reporting.internal.facts;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One accepted intake report (通報), as the {@code CASE_RECEIVED} event told it: codes and times only, never a
 * summary or a household reference. The index covers every column the intake-volume report groups by, so that
 * Derby answers it from the index alone.
 */
@Entity
@Table(name = "RPT_INTAKE", indexes = {
        @Index(name = "RPT_INTAKE_VOLUME", columnList = "REGION, RECEIVED_DAY, CASE_TYPE, DISTRICT, OFFICE, SERVICE_LINE, MERGED")})
public class IntakeFact {

    /** {@code region:reportId}. */
    @Id
    @Column(name = "ID", length = 160)
    public String id;

    @Column(name = "REGION", length = 40, nullable = false)
    public String region;

    @Column(name = "CASE_NUMBER", length = 40, nullable = false)
    public String caseNumber;

    /** Received time, epoch milliseconds. */
    @Column(name = "RECEIVED_AT", nullable = false)
    public long receivedAt;

    /** Received day in the region's time zone. */
    @Column(name = "RECEIVED_DAY", nullable = false)
    public LocalDate receivedDay;

    @Column(name = "CASE_TYPE", length = 60, nullable = false)
    public String caseType;

    @Column(name = "SERVICE_LINE", length = 40, nullable = false)
    public String serviceLine;

    @Column(name = "DISTRICT", length = 60, nullable = false)
    public String district;

    @Column(name = "DISTRICT_PART", length = 60)
    public String districtPart;

    /** The office serving the case when the report arrived; empty when it waited in the manual queue. */
    @Column(name = "OFFICE", length = 60, nullable = false)
    public String office;

    @Column(name = "MERGE_RULE", length = 40, nullable = false)
    public String mergeRule;

    /** 1 when the report joined or merged into an existing case, else 0. */
    @Column(name = "MERGED", nullable = false)
    public int merged;
}
