package org.safenest.intake.internal.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

/** Runs work on an EntityManager inside a transaction (Aries JPA's JpaTemplate in OSGi, plain JPA in tests). */
@FunctionalInterface
public interface Transactions {
    <R> R required(Function<EntityManager, R> work);

    /** Aries JPA's template of the unit, each call in a {@code Required} transaction. */
    static Transactions of(org.apache.aries.jpa.template.JpaTemplate jpa) {
        return new Transactions() {
            @Override
            public <R> R required(Function<EntityManager, R> work) {
                return jpa.txExpr(org.apache.aries.jpa.template.TransactionType.Required, work::apply);
            }
        };
    }
}
