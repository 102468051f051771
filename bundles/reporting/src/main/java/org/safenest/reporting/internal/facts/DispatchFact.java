package org.safenest.reporting.internal.facts;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One dispatch decision ({@code CASE_DISPATCHED}): by the rules, into the manual queue, or by hand. */
@Entity
@Table(name = "RPT_DISPATCH", indexes = @Index(name = "RPT_DISPATCH_DAY", columnList = "REGION, DECIDED_DAY"))
public class DispatchFact {

    @Id
    @Column(name = "ID", length = 40)
    public String id;

    @Column(name = "REGION", length = 40, nullable = false)
    public String region;

    @Column(name = "CASE_NUMBER", length = 40, nullable = false)
    public String caseNumber;

    @Column(name = "DECIDED_AT", nullable = false)
    public long decidedAt;

    @Column(name = "DECIDED_DAY", nullable = false)
    public LocalDate decidedDay;

    /** The received time of the report the decision was for, epoch milliseconds; null when unknown. */
    @Column(name = "RECEIVED_AT")
    public Long receivedAt;

    @Column(name = "BASIS", length = 40, nullable = false)
    public String basis;

    @Column(name = "RULE_SET_VERSION", nullable = false)
    public int ruleSetVersion;

    @Column(name = "RULE_ID", length = 80)
    public String ruleId;

    /** Empty when the case went to the manual queue. */
    @Column(name = "OFFICE", length = 60, nullable = false)
    public String office;

    @Column(name = "MANUAL_QUEUE", nullable = false)
    public int manualQueue;

    @Column(name = "CASE_TYPE", length = 60, nullable = false)
    public String caseType;

    @Column(name = "DISTRICT", length = 60, nullable = false)
    public String district;
}
