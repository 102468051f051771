package org.safenest.intake.internal;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.safenest.intake.internal.jpa.CaseCounterEntity;
import org.safenest.intake.internal.jpa.Transactions;

/**
 * Case-number sequences per region and year, safe across threads and across nodes sharing the database.
 *
 * <p>The counter row of a region and year ({@code SN_CASE_COUNTER}) holds the last sequence reserved. A node
 * reserves sequences in a short transaction of its own (an UPDATE that holds the row lock until its commit), then
 * hands them out from memory, so that recording a report never waits for another report's commit. When reports
 * come one at a time a block is one number; under load blocks grow (up to {@link #MAX_BLOCK}) so that the
 * counter is not a bottleneck. A number taken but not used (the report was merged, was a replay, or its
 * transaction failed) is given back and handed out next, so a running node leaves no gaps. On an orderly stop the
 * unused rest of the last block is given back to the counter when no other node reserved after it; only a crash
 * can leave a gap (at most one block).
 */
final class CaseNumberAllocator {

    static final int MAX_BLOCK = 64;
    /** Blocks grow while reservations follow each other within this time. */
    static final long BUSY_NANOS = 1_000_000_000L;

    /** The numbers of one region and year held by this node. */
    private static final class Sequence {
        final String key;
        final String region;
        final int year;
        final TreeSet<Long> returned = new TreeSet<>();
        long next = 1;
        long end = 0;
        int blockSize = 1;
        long lastReservation = Long.MIN_VALUE;

        Sequence(String key, String region, int year) {
            this.key = key;
            this.region = region;
            this.year = year;
        }
    }

    private final Transactions tx;
    private final Map<String, Sequence> sequences = new ConcurrentHashMap<>();

    CaseNumberAllocator(Transactions tx) {
        this.tx = tx;
    }

    /** The next sequence of the region and year. Must not be called inside a transaction of the intake unit. */
    long take(String region, int year) {
        Sequence s = sequences.computeIfAbsent(CaseNumbers.counter(region, year), k -> new Sequence(k, region, year));
        synchronized (s) {
            if (!s.returned.isEmpty()) {
                return s.returned.pollFirst();
            }
            if (s.next > s.end) {
                long now = System.nanoTime();
                s.blockSize = now - s.lastReservation < BUSY_NANOS ? Math.min(MAX_BLOCK, s.blockSize * 2) : 1;
                s.lastReservation = now;
                long last = reserve(s, s.blockSize);
                s.next = last - s.blockSize + 1;
                s.end = last;
            }
            return s.next++;
        }
    }

    /** Gives back a sequence taken and not used; it is handed out next. */
    void giveBack(String region, int year, long sequence) {
        Sequence s = sequences.get(CaseNumbers.counter(region, year));
        if (s != null) {
            synchronized (s) {
                s.returned.add(sequence);
            }
        }
    }

    /**
     * Gives the unused rest of each block back to its counter when no one reserved after it (on an orderly stop).
     * Numbers given back one by one and not yet reused are lost then, as gaps.
     */
    void release() {
        for (Sequence s : sequences.values()) {
            synchronized (s) {
                if (s.next > s.end) {
                    continue;
                }
                long unusedFrom = s.next;
                long end = s.end;
                try {
                    tx.required(em -> em.createQuery("UPDATE CaseCounterEntity c SET c.lastSequence = :back"
                            + " WHERE c.id = :id AND c.lastSequence = :end").setParameter("back", unusedFrom - 1)
                            .setParameter("id", s.key).setParameter("end", end).executeUpdate());
                } catch (RuntimeException e) {
                    // a gap, not an error
                }
                s.end = s.next - 1;
            }
        }
    }

    /** Reserves {@code size} sequences in a transaction of its own; returns the last one reserved. */
    private long reserve(Sequence s, int size) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.required(em -> {
                    int updated = em.createQuery("UPDATE CaseCounterEntity c SET c.lastSequence = c.lastSequence + :n"
                            + " WHERE c.id = :id").setParameter("n", (long) size).setParameter("id", s.key).executeUpdate();
                    if (updated == 0) {
                        CaseCounterEntity counter = new CaseCounterEntity();
                        counter.id = s.key;
                        counter.region = s.region;
                        counter.year = s.year;
                        counter.lastSequence = size;
                        em.persist(counter);
                        em.flush();
                        return (long) size;
                    }
                    return em.createQuery("SELECT c.lastSequence FROM CaseCounterEntity c WHERE c.id = :id", Long.class)
                            .setParameter("id", s.key).getSingleResult();
                });
            } catch (RuntimeException e) {
                // two nodes (or threads of two services) created the counter row at once: the loser updates it
                if (attempt > 0 || !constraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Whether the failure is a unique or other integrity constraint of the database (SQLState class 23). */
    static boolean constraintViolation(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException n = sql; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && n.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
