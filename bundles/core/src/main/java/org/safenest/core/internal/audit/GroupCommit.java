package org.safenest.core.internal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Group commit: callers hand over an item and wait until it is durably written, while one writer thread writes
 * everything waiting at that moment in a single transaction. Under concurrent load many requests share one commit
 * (the database's log flush is the cost), and no caller answers before its item is written. When a batch fails,
 * its items are written one by one, so that only the failing item's caller sees the error.
 *
 * @param <T> the item
 */
public final class GroupCommit<T> {

    private record Pending<T>(T item, CompletableFuture<Void> written) {
    }

    private final Consumer<List<T>> writer;
    private final int maxBatch;
    private final long waitMillis;
    private final BlockingQueue<Pending<T>> queue;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param name       the writer thread's name
     * @param writer     writes a batch in one transaction, or throws
     * @param maxBatch   the most items in one transaction
     * @param capacity   the most items waiting; further callers block until there is room
     * @param waitMillis how long a caller waits for its item to be written before it fails
     */
    public GroupCommit(String name, Consumer<List<T>> writer, int maxBatch, int capacity, long waitMillis) {
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.waitMillis = waitMillis;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Writes the item with whatever else is waiting, and returns once it is committed; rethrows the writer's failure. */
    public void write(T item) {
        if (!running) {
            throw new IllegalStateException("the writer has stopped");
        }
        Pending<T> p = new Pending<>(item, new CompletableFuture<>());
        try {
            if (!queue.offer(p, waitMillis, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the writer is " + queue.size() + " items behind");
            }
            p.written().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the write", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("not written within " + waitMillis + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops taking items, writes those waiting (up to the timeout) and ends the writer thread. */
    public void stop(long timeoutMillis) {
        running = false;
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        Pending<T> left;
        while ((left = queue.poll()) != null) {
            left.written().completeExceptionally(new IllegalStateException("the writer stopped before writing this"));
        }
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending<T>> batch) {
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(p -> items.add(p.item()));
        try {
            writer.accept(items);
            batch.forEach(p -> p.written().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).written().completeExceptionally(e);
                return;
            }
            for (Pending<T> p : batch) {
                try {
                    writer.accept(List.of(p.item()));
                    p.written().complete(null);
                } catch (RuntimeException single) {
                    p.written().completeExceptionally(single);
                }
            }
        }
    }
}
