package org.safenest.referral.internal.jpa;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A proposal with, once decided, its decision and follow-up. The free texts passed the personal-data guard before
 * they were stored. Enums are stored by name.
 */
@Entity
// The key is a unique index, not a @UniqueConstraint: with create-or-extend-tables EclipseLink adds unique
// constraints again to an existing table at every start (an error on Derby), indexes only when it creates the table.
@Table(name = "SN_REFERRAL_PROPOSAL", indexes = {
        @Index(name = "SN_REFERRAL_PROPOSAL_ID_UQ", columnList = "REGION, PROPOSAL_ID", unique = true),
        @Index(columnList = "REGION,MEETING_DATE"),
        @Index(columnList = "REGION,FOLLOW_UP")})
public class ProposalEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "SEQ")
    public Long seq;
    @Column(name = "REGION", nullable = false, length = 64)
    public String region;
    @Column(name = "PROPOSAL_ID", nullable = false, length = 32)
    public String proposalId;

    // the form
    @Column(name = "PROPOSING_OFFICE", nullable = false, length = 64)
    public String proposingOffice;
    @Column(name = "DISTRICT", nullable = false, length = 64)
    public String district;
    @Column(name = "REPORT_NUMBER", nullable = false, length = 64)
    public String reportNumber;
    @Column(name = "CHILD_AGE", nullable = false)
    public int childAge;
    @Column(name = "SUMMARY", nullable = false, length = 2000)
    public String summary;
    @Column(name = "REASON", nullable = false, length = 2000)
    public String reason;
    @Column(name = "DIRECTION", nullable = false, length = 16)
    public String direction;

    @Column(name = "SUBMITTED_AT", nullable = false)
    public Instant submittedAt;
    @Column(name = "SUBMITTED_BY", nullable = false, length = 100)
    public String submittedBy;
    @Column(name = "MEETING_DATE", nullable = false)
    public LocalDate meetingDate;

    // the decision; OUTCOME is null until decided
    @Column(name = "OUTCOME", length = 16)
    public String outcome;
    @Column(name = "LEAD_SERVICE", length = 32)
    public String lead;
    @Column(name = "RATIONALE", length = 2000)
    public String rationale;
    @Column(name = "BEST_INTEREST")
    public Boolean bestInterest;
    @Column(name = "DECIDED_BY", length = 100)
    public String decidedBy;
    @Column(name = "DECIDED_AT")
    public Instant decidedAt;

    // the follow-up
    @Column(name = "FOLLOW_UP", length = 16)
    public String followUp;
    @Column(name = "TRANSFERRED_CASE", length = 64)
    public String transferredCase;
    /** Why the transfer could not be applied automatically (never personal data), or null. */
    @Column(name = "TRANSFER_PROBLEM", length = 500)
    public String transferProblem;
    @Column(name = "FOLLOW_UP_NOTE", length = 1000)
    public String followUpNote;
    @Column(name = "FOLLOW_UP_BY", length = 100)
    public String followUpBy;
    @Column(name = "FOLLOW_UP_DONE_AT")
    public Instant followUpDoneAt;
}
