package org.safenest.allocation.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The strategy an administrator made active for a region. It lives in the database, not in a node's Config Admin, so
 * that every node of a deployment on one database runs the same strategy the moment it is chosen on any of them.
 */
@Entity
@Table(name = "SN_ALLOCATION_ACTIVE")
public class StrategyChoiceEntity {
    @Id
    @Column(name = "REGION", length = 64)
    public String region;
    @Column(name = "STRATEGY_ID", nullable = false, length = 100)
    public String strategy;
    @Column(name = "CHOSEN_BY", nullable = false, length = 100)
    public String chosenBy;
    @Column(name = "CHOSEN_AT", nullable = false)
    public Instant chosenAt;
}
