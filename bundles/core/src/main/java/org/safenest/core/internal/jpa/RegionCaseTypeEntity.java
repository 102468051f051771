package org.safenest.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A case type a region's files add to the default list ({@code case-types} in region.properties). */
@Entity
@Table(name = "SN_REGION_CASE_TYPE", indexes = @Index(name = "SN_REGION_CASE_TYPE_UQ", columnList = "REGION, CODE", unique = true))
public class RegionCaseTypeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "CODE", nullable = false, length = 64)
    public String code;
    @Column(name = "NAMEZH", nullable = false, length = 200)
    public String nameZh;
    @Column(name = "NAMEEN", nullable = false, length = 200)
    public String nameEn;
    @Column(name = "SERVICELINE", nullable = false, length = 40)
    public String serviceLine;
    @Column(name = "POSITION", nullable = false)
    public int position;
}
