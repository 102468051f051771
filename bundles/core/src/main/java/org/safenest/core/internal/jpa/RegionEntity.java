package org.safenest.core.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A region and where its reference data came from. */
@Entity
@Table(name = "SN_REGION")
public class RegionEntity {
    @Id
    @Column(length = 64)
    public String code;
    @Column(nullable = false, length = 200)
    public String nameEn;
    @Column(nullable = false, length = 200)
    public String nameZh;
    @Column(nullable = false, length = 64)
    public String timeZone;
    @Column(nullable = false)
    public Instant loadedAt;
    @Column(length = 500)
    public String source;
    @Column(length = 64)
    public String checksum;
}
