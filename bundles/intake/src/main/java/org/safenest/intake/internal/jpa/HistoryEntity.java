package org.safenest.intake.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One entry of a case's history; holds no personal data. */
@Entity
@Table(name = "SN_CASE_HISTORY", indexes = @Index(name = "SN_HISTORY_CASE_IX", columnList = "CASE_ID"))
public class HistoryEntity {
    /** Assigned from {@code IdAllocator}. */
    @Id
    @Column(name = "ID")
    public Long id;
    @Column(name = "CASE_ID", nullable = false)
    public Long caseId;
    /** The entry's position in the case's history, from 1 (rows written in one flush may get ids in any order). */
    @Column(name = "POSITION_NO", nullable = false)
    public int position;
    // AT is an SQL reserved word.
    @Column(name = "HAPPENED_AT", nullable = false)
    public Instant at;
    @Column(name = "ACTOR", nullable = false, length = 100)
    public String actor;
    @Column(name = "KIND", nullable = false, length = 32)
    public String kind;
    @Column(name = "DETAIL", length = 1000)
    public String detail;
    /** The entry's event code and parameters (codes, never personal data), one {@code key=value} a line; null before 0.3. */
    @Column(name = "PARAMS", length = 1000)
    public String params;
}
