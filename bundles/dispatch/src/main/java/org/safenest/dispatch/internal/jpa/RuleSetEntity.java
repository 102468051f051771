package org.safenest.dispatch.internal.jpa;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** One published rule-set version of a region. Written once, never updated. */
@Entity
@Table(name = "SN_DISPATCH_RULE_SET")
@IdClass(RuleSetEntity.Key.class)
public class RuleSetEntity {
    @Id
    @Column(name = "REGION", length = 64)
    public String region;
    // VERSION is avoided as a column name (a keyword in several databases).
    @Id
    @Column(name = "RULESET_VERSION")
    public int version;
    @Column(name = "ADOPTED_ON", nullable = false)
    public LocalDate adoptedOn;
    @Column(name = "EFFECTIVE_FROM", nullable = false)
    public LocalDate effectiveFrom;
    @Column(name = "NOTE", length = 2000)
    public String note;
    @Column(name = "SOURCE_FILE", length = 500)
    public String source;
    @Column(name = "PUBLISHED_AT", nullable = false)
    public Instant publishedAt;
    @Column(name = "PUBLISHED_BY", nullable = false, length = 100)
    public String publishedBy;
    /** SHA-256 of the version's dates, note and rules: a redefinition with other content is refused. */
    @Column(name = "FINGERPRINT", nullable = false, length = 64)
    public String fingerprint;
    @Column(name = "RULE_COUNT", nullable = false)
    public int ruleCount;

    /** The primary key: region and version number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String region;
        public int version;

        public Key() {
        }

        public Key(String region, int version) {
            this.region = region;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.region, region);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, version);
        }
    }
}
