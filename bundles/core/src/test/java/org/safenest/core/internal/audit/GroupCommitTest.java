package org.safenest.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Group commit: every item written once before its caller returns, many per batch under load, failures isolated. */
class GroupCommitTest {

    @Test
    void concurrentCallersShareCommitsAndReturnOnlyOnceWritten() throws Exception {
        Set<Integer> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        GroupCommit<Integer> commit = new GroupCommit<>("test-writer", batch -> {
            sleep(2); // a commit's log flush
            batches.incrementAndGet();
            committed.addAll(batch);
        }, 64, 1000, 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        List<Integer> notYetWritten = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    int item = thread * 1000 + i;
                    commit.write(item);
                    if (!committed.contains(item)) {
                        notYetWritten.add(item);
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        commit.stop(1000);
        assertEquals(800, committed.size());
        assertEquals(List.of(), notYetWritten);
        assertTrue(batches.get() < 800, "batches: " + batches.get());
    }

    @Test
    void aFailingItemFailsOnlyItsOwnCaller() throws Exception {
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothWaiting = new CountDownLatch(1);
        GroupCommit<Integer> commit = new GroupCommit<>("test-writer", batch -> {
            await(bothWaiting);
            if (batch.contains(13)) {
                throw new IllegalArgumentException("unlucky");
            }
            committed.addAll(batch);
        }, 64, 1000, 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> good = pool.submit(() -> commit.write(7));
        Future<?> bad = pool.submit(() -> commit.write(13));
        Thread.sleep(100);
        bothWaiting.countDown();
        good.get(10, TimeUnit.SECONDS);
        Exception e = assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
        assertEquals(List.of(7), committed);
        pool.shutdown();
        commit.stop(1000);
        assertThrows(IllegalStateException.class, () -> commit.write(1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
