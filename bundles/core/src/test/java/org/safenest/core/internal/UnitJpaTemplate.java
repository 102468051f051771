package org.safenest.core.internal;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.safenest.testsupport.UnitDatabase;

/**
 * Aries' {@link JpaTemplate} over a {@link UnitDatabase}, for core's services in unit tests: every call runs in a
 * transaction of its own that commits when the work returns (what {@code Required} gives a caller without one).
 */
public final class UnitJpaTemplate implements JpaTemplate {

    private final UnitDatabase db;

    public UnitJpaTemplate(UnitDatabase db) {
        this.db = db;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        return db.required(code::apply);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        db.required(em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
