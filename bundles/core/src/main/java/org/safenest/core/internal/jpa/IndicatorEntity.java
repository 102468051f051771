package org.safenest.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A figure about a district. */
@Entity
@Table(name = "SN_INDICATOR", indexes = @Index(columnList = "REGION,INDICATOR_KEY"))
public class IndicatorEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(nullable = false, length = 64)
    public String district;
    // INDICATOR is an SQL reserved word.
    @Column(name = "INDICATOR_KEY", nullable = false, length = 100)
    public String indicator;
    public double indicatorValue;
    @Column(length = 40)
    public String unit;
    @Column(length = 40)
    public String period;
    @Column(length = 500)
    public String source;
}
