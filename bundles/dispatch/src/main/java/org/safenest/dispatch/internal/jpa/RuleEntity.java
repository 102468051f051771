package org.safenest.dispatch.internal.jpa;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

/** One rule of a published version, at its position in the rule file. */
@Entity
@Table(name = "SN_DISPATCH_RULE", indexes = @Index(columnList = "REGION,RULESET_VERSION"))
@IdClass(RuleEntity.Key.class)
public class RuleEntity {
    @Id
    @Column(name = "REGION", length = 64)
    public String region;
    @Id
    @Column(name = "RULESET_VERSION")
    public int version;
    /** 0-based position in the rule set (POSITION is a reserved word). */
    @Id
    @Column(name = "RULE_POS")
    public int position;
    @Column(name = "RULE_ID", nullable = false, length = 100)
    public String ruleId;
    @Column(name = "CASE_TYPE", length = 64)
    public String caseType;
    @Column(name = "SERVICE_LINE", length = 40)
    public String serviceLine;
    @Column(name = "DISTRICT", length = 64)
    public String district;
    @Column(name = "DISTRICT_PART", length = 64)
    public String part;
    @Column(name = "OFFICE", nullable = false, length = 64)
    public String office;
    @Column(name = "IS_FALLBACK", nullable = false)
    public boolean fallback;
    @Column(name = "EXPLANATION", length = 2000)
    public String explanation;
    @Column(name = "SOURCE_LINE", nullable = false)
    public int line;

    /** The primary key: region, version and position. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String region;
        public int version;
        public int position;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && k.position == position && Objects.equals(k.region, region);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, version, position);
        }
    }
}
