package org.safenest.allocation.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import javax.persistence.LockModeType;

import org.safenest.allocation.internal.jpa.StrategyChoiceEntity;
import org.safenest.allocation.internal.jpa.Transactions;

/**
 * The active strategy of each region as chosen by an administrator, kept in the database so that all nodes agree.
 * A region nobody chose for runs the strategy its configuration names ({@code <region>.strategy} in
 * {@code etc/org.safenest.allocation.cfg}), then the fallback.
 */
public final class StrategyChoices {

    private final Transactions tx;

    public StrategyChoices(Transactions tx) {
        this.tx = tx;
    }

    /** The strategy chosen for the region, if one was. */
    public Optional<String> chosen(String region) {
        return tx.required(em -> Optional.ofNullable(em.find(StrategyChoiceEntity.class, region)).map(e -> e.strategy));
    }

    /**
     * Makes {@code strategy} the region's choice and gives {@code inTransaction} (which writes the audit record) the
     * choice before, if any, in the same transaction. Returns the choice before.
     */
    public Optional<String> choose(String region, String strategy, String by, Consumer<Optional<String>> inTransaction) {
        return tx.required(em -> {
            StrategyChoiceEntity e = em.find(StrategyChoiceEntity.class, region, LockModeType.PESSIMISTIC_WRITE);
            Optional<String> before = Optional.ofNullable(e).map(x -> x.strategy);
            if (e == null) {
                e = new StrategyChoiceEntity();
                e.region = region;
                e.strategy = strategy;
                e.chosenBy = by;
                e.chosenAt = Instant.now();
                em.persist(e);
            } else {
                // a bulk update reaches the database whatever change tracking does with public fields
                em.createQuery("UPDATE StrategyChoiceEntity e SET e.strategy = :s, e.chosenBy = :b, e.chosenAt = :t WHERE e.region = :r")
                        .setParameter("s", strategy).setParameter("b", by).setParameter("t", Instant.now()).setParameter("r", region)
                        .executeUpdate();
            }
            inTransaction.accept(before);
            return before;
        });
    }
}
