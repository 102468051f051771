package org.safenest.referral.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The next proposal number of a region and year ({@code kaohsiung/2023}); read under a write lock. */
@Entity
@Table(name = "SN_REFERRAL_COUNTER")
public class CounterEntity {
    // KEY is an SQL reserved word.
    @Id
    @Column(name = "COUNTER_NAME", length = 100)
    public String name;
    @Column(name = "NEXT_NUMBER", nullable = false)
    public int next;
}
