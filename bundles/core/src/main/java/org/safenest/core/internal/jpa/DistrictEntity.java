package org.safenest.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A district of a region. Parts (where offices split it) are kept as "code=description" lines. */
@Entity
@Table(name = "SN_DISTRICT", uniqueConstraints = @UniqueConstraint(columnNames = {"REGION", "CODE"}),
        indexes = @Index(columnList = "REGION"))
public class DistrictEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "CODE", nullable = false, length = 64)
    public String code;
    @Column(nullable = false, length = 200)
    public String nameZh;
    @Column(nullable = false, length = 200)
    public String nameEn;
    public int position;
    @Column(length = 2000)
    public String parts;
}
