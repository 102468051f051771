package org.safenest.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * The catchment of a preschool. The columns are named, as {@code RegionStore} inserts the rows of a region in one JDBC
 * batch.
 */
@Entity
@Table(name = "SN_CATCHMENT", indexes = @Index(name = "SN_CATCHMENT_UNIT_UQ", columnList = "REGION, UNIT", unique = true))
public class CatchmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "UNIT", nullable = false, length = 64)
    public String unit;
    @Column(name = "CATCHMENT", nullable = false, length = 64)
    public String catchment;
    @Column(name = "SYNTHETIC", nullable = false)
    public boolean synthetic;
}
