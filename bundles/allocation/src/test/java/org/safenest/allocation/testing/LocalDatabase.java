package org.safenest.allocation.testing;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.safenest.allocation.internal.jpa.Transactions;
import org.safenest.testsupport.UnitDatabase;

/**
 * The production persistence unit {@code safenest-allocation} on a fresh in-memory Derby database (see
 * {@link UnitDatabase}), as the allocation stores' {@link Transactions}, and reopened in place as after a restart.
 */
public final class LocalDatabase implements Transactions, AutoCloseable {

    private UnitDatabase db = new UnitDatabase("safenest-allocation");

    /** Opens the unit again on the same database, as after a restart. */
    public void reopen() {
        db = db.reopen();
    }

    @Override
    public <R> R required(Function<EntityManager, R> work) {
        return db.required(work);
    }

    @Override
    public void close() {
        db.close();
    }
}
