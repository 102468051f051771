package org.safenest.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A receiving unit. The districts it serves are kept as "district[:part]" separated by ';'. */
@Entity
// The key is a unique index, not a @UniqueConstraint: with create-or-extend-tables EclipseLink adds unique
// constraints again to an existing table at every start (an error on Derby), indexes only when it creates the table.
@Table(name = "SN_OFFICE", indexes = {
        @Index(name = "SN_OFFICE_CODE_UQ", columnList = "REGION, CODE", unique = true),
        @Index(columnList = "REGION")})
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
