package org.safenest.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A pre-primary unit; sessions as a comma-separated list of {@code PreschoolSession} names. The columns are named,
 * as {@code RegionStore} inserts the rows of a region in one JDBC batch.
 */
@Entity
// The key is a unique index, not a @UniqueConstraint: with create-or-extend-tables EclipseLink adds unique
// constraints again to an existing table at every start (an error on Derby), indexes only when it creates the table.
@Table(name = "SN_PRESCHOOL", indexes = {
        @Index(name = "SN_PRESCHOOL_CODE_UQ", columnList = "REGION, CODE", unique = true),
        @Index(columnList = "REGION,DISTRICT")})
public class PreschoolEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "CODE", nullable = false, length = 64)
    public String code;
    @Column(name = "NAMEEN", nullable = false, length = 300)
    public String nameEn;
    @Column(name = "NAMEZH", nullable = false, length = 300)
    public String nameZh;
    @Column(name = "DISTRICT", nullable = false, length = 64)
    public String district;
    @Column(name = "CATEGORY", length = 100)
    public String category;
    @Column(name = "SESSIONS", length = 100)
    public String sessions;
    @Column(name = "LATITUDE")
    public Double latitude;
    @Column(name = "LONGITUDE")
    public Double longitude;
}
