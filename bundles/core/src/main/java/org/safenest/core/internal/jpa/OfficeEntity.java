package org.safenest.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A receiving unit. The districts it serves are kept as "district[:part]" separated by ';'. */
@Entity
@Table(name = "SN_OFFICE", uniqueConstraints = @UniqueConstraint(columnNames = {"REGION", "CODE"}),
        indexes = @Index(columnList = "REGION"))
public class OfficeEntity {
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
    @Column(nullable = false, length = 40)
    public String type;
    @Column(length = 64)
    public String area;
    @Column(length = 64)
    public String parent;
    public Double latitude;
    public Double longitude;
    @Column(length = 4000)
    public String serves;
    public int position;
}
