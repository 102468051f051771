package org.safenest.intake.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The last case-number sequence given out in a region and year. It is incremented by an UPDATE inside the
 * transaction that records the new case, so the row lock serialises concurrent new cases of a region and year
 * and a rolled-back case gives its number back.
 */
@Entity
@Table(name = "SN_CASE_COUNTER")
public class CaseCounterEntity {
    /** {@code <region>/<year>}. */
    @Id
    @Column(name = "COUNTER_ID", length = 80)
    public String id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    // YEAR is an SQL reserved word.
    @Column(name = "CASE_YEAR", nullable = false)
    public int year;
    @Column(name = "LAST_SEQUENCE", nullable = false)
    public long lastSequence;
}
