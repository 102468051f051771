package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Case-number sequences: in order, no gaps in a running node, unique across nodes sharing a database. */
class CaseNumberAllocatorTest {

    private TestSupport t;

    @BeforeEach
    void open() {
        t = new TestSupport();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void numbersComeInOrderAndAGivenBackNumberComesNext() {
        CaseNumberAllocator a = new CaseNumberAllocator(t.db::required);
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(a.take("kaohsiung", 2026));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), taken);
        assertEquals(1L, a.take("hong-kong", 2026), "per region");
        assertEquals(1L, a.take("kaohsiung", 2025), "per year");
        a.giveBack("kaohsiung", 2026, 3);
        assertEquals(3L, a.take("kaohsiung", 2026));
        assertEquals(6L, a.take("kaohsiung", 2026));
    }

    @Test
    void anOrderlyStopGivesTheRestOfTheBlockBack() {
        CaseNumberAllocator a = new CaseNumberAllocator(t.db::required);
        // quick succession: the blocks grow beyond what is used
        for (int i = 0; i < 20; i++) {
            a.take("kaohsiung", 2026);
        }
        long reserved = counter("kaohsiung/2026");
        assertTrue(reserved > 20, "blocks grow under load: " + reserved);
        a.release();
        assertEquals(20, counter("kaohsiung/2026"));
        CaseNumberAllocator restarted = new CaseNumberAllocator(t.db::required);
        assertEquals(21L, restarted.take("kaohsiung", 2026), "no gap after a restart");
    }

    @Test
    void twoNodesNeverHandOutTheSameNumber() throws Exception {
        List<CaseNumberAllocator> nodes = List.of(new CaseNumberAllocator(t.db::required),
                new CaseNumberAllocator(t.db::required));
        Set<Long> all = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int th = 0; th < 8; th++) {
            CaseNumberAllocator node = nodes.get(th % 2);
            futures.add(pool.submit(() -> {
                start.await();
                int duplicates = 0;
                for (int i = 0; i < 100; i++) {
                    if (!all.add(node.take("kaohsiung", 2026))) {
                        duplicates++;
                    }
                }
                return duplicates;
            }));
        }
        start.countDown();
        for (Future<Integer> f : futures) {
            assertEquals(0, f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(800, all.size());
        assertTrue(counter("kaohsiung/2026") >= 800);
    }

    private long counter(String id) {
        var em = t.emf.createEntityManager();
        try {
            return em.createQuery("SELECT c.lastSequence FROM CaseCounterEntity c WHERE c.id = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
        } finally {
            em.close();
        }
    }
}
