package org.safenest.intake.internal;

import org.safenest.intake.internal.jpa.IdBlockEntity;
import org.safenest.intake.internal.jpa.Transactions;

/**
 * Row ids of the intake tables, unique across nodes sharing the database: reserved {@link #BLOCK} at a time in a
 * transaction of their own and handed out from memory. Ids left unused (at a stop, or taken for a change that
 * needed fewer rows) are gaps, which do not matter for row ids.
 */
final class IdAllocator {

    static final int BLOCK = 500;
    static final String NAME = "rows";

    /** Ids taken for one change, before its transaction starts. */
    static final class Ids {
        private long next;
        private final long end;

        Ids(long first, long end) {
            this.next = first;
            this.end = end;
        }

        long next() {
            if (next > end) {
                throw new IllegalStateException("more rows written than ids taken");
            }
            return next++;
        }
    }

    private final Transactions tx;
    private long next = 1;
    private long end = 0;

    IdAllocator(Transactions tx) {
        this.tx = tx;
    }

    /** {@code count} consecutive ids. Must not be called inside a transaction of the intake unit. */
    synchronized Ids take(int count) {
        if (next + count - 1 > end) {
            long last = reserve(Math.max(BLOCK, count));
            next = last - Math.max(BLOCK, count) + 1;
            end = last;
        }
        Ids ids = new Ids(next, next + count - 1);
        next += count;
        return ids;
    }

    private long reserve(int size) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.required(em -> {
                    int updated = em.createQuery("UPDATE IdBlockEntity b SET b.lastId = b.lastId + :n WHERE b.name = :name")
                            .setParameter("n", (long) size).setParameter("name", NAME).executeUpdate();
                    if (updated == 0) {
                        IdBlockEntity block = new IdBlockEntity();
                        block.name = NAME;
                        block.lastId = size;
                        em.persist(block);
                        em.flush();
                        return (long) size;
                    }
                    return em.createQuery("SELECT b.lastId FROM IdBlockEntity b WHERE b.name = :name", Long.class)
                            .setParameter("name", NAME).getSingleResult();
                });
            } catch (RuntimeException e) {
                // two nodes created the row at once: the loser updates it
                if (attempt > 0 || !CaseNumberAllocator.constraintViolation(e)) {
                    throw e;
                }
            }
        }
    }
}
