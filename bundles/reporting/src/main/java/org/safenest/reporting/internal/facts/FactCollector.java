package org.safenest.reporting.internal.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the events of intake and writes them on one thread of its own, many per transaction, so that the
 * EventAdmin delivery thread never waits for the database and the rows of one case are written in the order its
 * events were posted. When a batch fails (a duplicate event, say), its events are written one by one and only the
 * failing one is skipped, with a warning naming its topic (never its content).
 *
 * <p>The queue holds up to {@link #CAPACITY} events; when it is full the delivery thread waits up to
 * {@link #OFFER_WAIT_MS} ms and then the event is counted as lost (EventAdmin stops delivering to a handler that
 * takes longer than its timeout, which would lose every later event).
 */
public final class FactCollector {

    public static final int CAPACITY = 200_000;
    public static final int BATCH = 500;
    public static final long OFFER_WAIT_MS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(FactCollector.class);

    private record Pending(String topic, Map<String, Object> properties) {
    }

    private final Transactions tx;
    private final FactWriter writer;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Object idle = new Object();
    private volatile boolean running = true;
    private volatile int inFlight;
    private final Thread thread;

    public FactCollector(Transactions tx, FactWriter writer) {
        this.tx = tx;
        this.writer = writer;
        this.thread = new Thread(this::run, "safenest-reporting-facts");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues an event (called on the EventAdmin delivery thread). */
    public void accept(String topic, Map<String, Object> properties) {
        if (!running) {
            lost.incrementAndGet();
            return;
        }
        try {
            if (!queue.offer(new Pending(topic, new HashMap<>(properties)), OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                long n = lost.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    LOG.warn("Reporting's event queue is full: {} event(s) not counted so far", n);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lost.incrementAndGet();
        }
    }

    /** Events written so far. */
    public long written() {
        return written.get();
    }

    /** Events that could not be written (malformed or duplicate). */
    public long skipped() {
        return skipped.get();
    }

    /** Events that arrived while the queue was full or the collector stopping. */
    public long lost() {
        return lost.get();
    }

    /** Events waiting to be written. */
    public int backlog() {
        return queue.size() + inFlight;
    }

    /** Waits until every event queued so far is written; false when the time ran out. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        synchronized (idle) {
            while (backlog() > 0) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.min(left, 100));
            }
        }
        return true;
    }

    /** Stops accepting events and writes those queued, waiting up to the timeout. */
    public void stop(long timeoutMillis) {
        running = false;
        try {
            if (!awaitIdle(timeoutMillis)) {
                LOG.warn("Reporting stopped with {} event(s) not yet written", backlog());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                inFlight = batch.size();
                write(batch);
            } catch (InterruptedException e) {
                if (!running && queue.isEmpty()) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.error("Reporting could not write {} event(s): {}", batch.size(), e.toString());
                skipped.addAndGet(batch.size());
            } finally {
                batch.clear();
                inFlight = 0;
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            tx.required(em -> {
                for (Pending p : batch) {
                    writer.apply(em, p.topic(), p.properties());
                }
                return null;
            });
            written.addAndGet(batch.size());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                skip(batch.get(0), e);
                return;
            }
            for (Pending p : batch) {
                try {
                    tx.required(em -> writer.apply(em, p.topic(), p.properties()));
                    written.incrementAndGet();
                } catch (RuntimeException single) {
                    skip(p, single);
                }
            }
        }
    }

    private void skip(Pending p, RuntimeException e) {
        skipped.incrementAndGet();
        LOG.warn("Reporting skipped a {} event: {}", p.topic(), rootCause(e));
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
