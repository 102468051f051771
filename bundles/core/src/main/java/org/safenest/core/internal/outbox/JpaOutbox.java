package org.safenest.core.internal.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.outbox.OutboxConsumer;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.api.schema.SchemaReady;
import org.safenest.core.internal.jpa.OutboxConsumerEntity;
import org.safenest.core.internal.jpa.OutboxEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox on the {@code safenest-core} unit (tables {@code SN_OUTBOX} and
 * {@code SN_OUTBOX_CONSUMER}), and the thread that delivers it.
 *
 * <p>Why not a library: the outbox libraries for Java (Debezium's outbox, namastack, the Spring Modulith event
 * publication registry) need Kafka, Spring or a CDC connector, none of which runs in Karaf; this is the textbook
 * pattern in some 300 lines on the JPA stack the platform already has.
 *
 * <p>How it works:
 * <ol>
 * <li>{@link #append} writes a row in the caller's JTA transaction, at position 0 (not sequenced).</li>
 * <li>The sequencer gives committed rows their position, in the order they were written, under the lock of the
 * {@code #sequencer} row. A row that commits late gets a later position rather than being passed over (which a
 * position taken at insert time would allow).</li>
 * <li>For each registered {@link OutboxConsumer}, one transaction locks the consumer's row
 * ({@code SELECT ... FOR UPDATE}: one node at a time), applies the next events in position order (the consumer's
 * writes join the transaction) and advances the position: an event counts as applied exactly when its effects
 * commit. A failing batch rolls back and is retried event by event after a pause; an event that still fails after
 * {@link #MAX_ATTEMPTS} attempts is logged at ERROR with its id and passed over, so one bad event cannot stop a
 * consumer for good.</li>
 * <li>Pruning deletes events older than the retention that every registered consumer has applied.</li>
 * </ol>
 */
@Component(service = {Outbox.class, JpaOutbox.class}, configurationPid = JpaOutbox.PID)
@Designate(ocd = OutboxConfiguration.class)
public class JpaOutbox implements Outbox {

    public static final String PID = "org.safenest.outbox";
    static final String SEQUENCER = "#sequencer";
    static final int SEQUENCE_BATCH = 2000;
    static final int MAX_ATTEMPTS = 5;
    /**
     * How long a round waits after the signal of a new event, so that a busy intake window's events are delivered a
     * few hundred at a time rather than one round (two transactions, a handful of queries) per event.
     */
    static final long LINGER_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(JpaOutbox.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JpaTemplate jpa;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, OutboxConsumer> consumers = new ConcurrentHashMap<>();
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
    private final AtomicLong lastOrdinal = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Semaphore wake = new Semaphore(0);
    private volatile OutboxConfiguration config;
    private volatile boolean running = true;
    private volatile Instant nextPrune = Instant.EPOCH;
    private final Thread thread;

    /** A consumer whose last batch failed: retried one event at a time after a growing pause. */
    private record Failing(long position, int attempts, long retryAtNanos) {
    }

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-core)")
    SchemaReady schemaReady;

    @Activate
    public JpaOutbox(@Reference(target = "(osgi.unit.name=safenest-core)") JpaTemplate jpa, OutboxConfiguration config) {
        this.jpa = jpa;
        this.config = config;
        this.thread = new Thread(this::run, "safenest-outbox");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Modified
    void modified(OutboxConfiguration config) {
        this.config = config;
        // a changed retention applies at once, not at the next interval
        nextPrune = Instant.EPOCH;
        wake.release();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        wake.release();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConsumer(OutboxConsumer consumer) {
        consumers.put(consumer.name(), consumer);
        LOG.info("Outbox consumer {} registered", consumer.name());
        wake.release();
    }

    void removeConsumer(OutboxConsumer consumer) {
        consumers.remove(consumer.name(), consumer);
        failing.remove(consumer.name());
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void append(String id, String topic, String region, String key, Map<String, Object> properties) {
        if (id == null || topic == null) {
            throw new IllegalArgumentException("an outbox event needs an id and a topic");
        }
        OutboxEntity e = new OutboxEntity();
        e.eventId = id;
        e.topic = topic;
        e.region = region;
        e.key = key;
        e.createdAt = Instant.now();
        e.ordinal = nextOrdinal(e.createdAt);
        try {
            e.properties = json.writeValueAsString(properties == null ? Map.of() : properties);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("outbox event " + topic + " has properties that are not plain values", ex);
        }
        try {
            jpa.tx(TransactionType.Mandatory, em -> em.persist(e));
        } catch (RuntimeException ex) {
            if (ex.getClass().getSimpleName().contains("TransactionRequired") || String.valueOf(ex.getMessage()).contains("No transaction")) {
                throw new IllegalStateException("Outbox.append needs the caller's transaction", ex);
            }
            throw ex;
        }
        wake.release();
    }

    /** Microseconds since the epoch, or one more than the last ordinal of this node. */
    private long nextOrdinal(Instant now) {
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return lastOrdinal.accumulateAndGet(micros, (last, candidate) -> Math.max(last + 1, candidate));
    }

    // ------------------------------------------------------------------ state

    @Override
    public long head() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Long max = em.createQuery("SELECT MAX(o.position) FROM OutboxEntity o", Long.class).getSingleResult();
            return max == null ? sequencerPosition(em) : max;
        });
    }

    @Override
    public long tail() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Long min = em.createQuery("SELECT MIN(o.position) FROM OutboxEntity o WHERE o.position > 0", Long.class)
                    .getSingleResult();
            return min == null ? sequencerPosition(em) + 1 : min;
        });
    }

    @Override
    public List<ConsumerState> consumers() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            // The head a lag is measured against counts committed events the sequencer has not reached yet: they will
            // take the next positions. Without them a consumer shows no lag between an event's commit and its
            // sequencing, and whoever waits for "no lag" (a rebuild's progress, a test) reads its figures too early.
            // The three reads are separate statements (under READ COMMITTED each sees the database of its own moment),
            // so their order matters: the consumers' positions first, then the unsequenced events, then the
            // sequencer's position. An event committed before the first read is then counted by the second (not yet
            // sequenced) or by the third (sequenced meanwhile), at worst twice: the lag can only be over-stated for a
            // moment, never under-stated. (Sequencer first, as before, let a round that committed between the reads
            // hide its events from both counts: PostgreSQL showed "waiting: 0" with a batch still to apply.)
            List<OutboxConsumerEntity> rows = em.createQuery("SELECT c FROM OutboxConsumerEntity c", OutboxConsumerEntity.class)
                    .getResultList();
            long unsequenced = em.createQuery("SELECT COUNT(o) FROM OutboxEntity o WHERE o.position = 0", Long.class)
                    .getSingleResult();
            List<Long> sequencer = em.createQuery("SELECT c.position FROM OutboxConsumerEntity c WHERE c.name = :name", Long.class)
                    .setParameter("name", SEQUENCER).getResultList();
            long head = (sequencer.isEmpty() ? 0 : sequencer.get(0)) + unsequenced;
            Map<String, ConsumerState> states = new java.util.TreeMap<>();
            for (OutboxConsumerEntity c : rows) {
                if (!SEQUENCER.equals(c.name)) {
                    states.put(c.name, new ConsumerState(c.name, c.position, head, consumers.containsKey(c.name)));
                }
            }
            for (String name : consumers.keySet()) {
                states.putIfAbsent(name, new ConsumerState(name, 0, head, true));
            }
            return new ArrayList<>(states.values());
        });
    }

    /** Events passed over because they kept failing (since this node started). */
    public long skipped() {
        return skipped.get();
    }

    @Override
    public long rewind(String consumer) {
        long[] result = new long[1];
        jpa.tx(TransactionType.RequiresNew, em -> {
            OutboxConsumerEntity c = em.find(OutboxConsumerEntity.class, consumer, LockModeType.PESSIMISTIC_WRITE);
            long start = startPosition(em);
            if (c == null) {
                c = new OutboxConsumerEntity();
                c.name = consumer;
                c.position = start;
                c.updatedAt = Instant.now();
                em.persist(c);
            } else {
                c.position = start;
                c.updatedAt = Instant.now();
            }
            result[0] = Math.max(0, sequencerPosition(em) - start);
        });
        failing.remove(consumer);
        wake.release();
        return result[0];
    }

    /** Waits until every consumer registered now has applied every event written before the call (tests, rebuilds). */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            wake.release();
            long unsequenced = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "SELECT COUNT(o) FROM OutboxEntity o WHERE o.position = 0", Long.class).getSingleResult());
            if (unsequenced == 0 && consumers().stream().filter(ConsumerState::registered).allMatch(s -> s.lag() == 0)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    // ------------------------------------------------------------------ delivery

    private void run() {
        while (running) {
            try {
                int sequenced = sequence();
                boolean more = false;
                for (OutboxConsumer c : new ArrayList<>(consumers.values())) {
                    if (!running) {
                        break;
                    }
                    more |= deliver(c);
                }
                prune();
                if (!more && sequenced < SEQUENCE_BATCH && running) {
                    if (wake.tryAcquire(Math.max(10, config.poll_millis()), TimeUnit.MILLISECONDS)) {
                        // signalled by a new event: let the events of the next moment join it in one round
                        Thread.sleep(LINGER_MS);
                    }
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Outbox delivery round failed, trying again in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Gives committed rows without a position the next positions; returns how many. */
    int sequence() {
        return jpa.txExpr(TransactionType.RequiresNew, em -> {
            OutboxConsumerEntity seq = em.find(OutboxConsumerEntity.class, SEQUENCER, LockModeType.PESSIMISTIC_WRITE);
            if (seq == null) {
                seq = new OutboxConsumerEntity();
                seq.name = SEQUENCER;
                Long max = em.createQuery("SELECT MAX(o.position) FROM OutboxEntity o", Long.class).getSingleResult();
                seq.position = max == null ? 0 : max;
                seq.updatedAt = Instant.now();
                em.persist(seq);
                em.flush();
            }
            List<OutboxEntity> fresh = em.createQuery("SELECT o FROM OutboxEntity o WHERE o.position = 0 ORDER BY o.ordinal",
                    OutboxEntity.class).setMaxResults(SEQUENCE_BATCH).getResultList();
            for (OutboxEntity o : fresh) {
                o.position = ++seq.position;
            }
            if (!fresh.isEmpty()) {
                seq.updatedAt = Instant.now();
            }
            return fresh.size();
        });
    }

    /** Delivers the next batch to a consumer; true when a full batch was applied (more may wait). */
    private boolean deliver(OutboxConsumer consumer) {
        String name = consumer.name();
        Failing f = failing.get(name);
        if (f != null && System.nanoTime() < f.retryAtNanos()) {
            return false;
        }
        int batch = f == null ? Math.max(1, config.batch_size()) : 1;
        long[] position = new long[1];
        try {
            int n = jpa.txExpr(TransactionType.RequiresNew, em -> apply(em, consumer, batch, position));
            if (f != null) {
                failing.remove(name);
            }
            return n == batch && f == null;
        } catch (RuntimeException e) {
            if (!consumers.containsKey(name)) {
                return false;
            }
            long at = position[0];
            int attempts = f != null && f.position() == at ? f.attempts() + 1 : 1;
            if (attempts >= MAX_ATTEMPTS && f != null) {
                passOver(consumer, at, e);
                return false;
            }
            long pause = TimeUnit.SECONDS.toNanos(1L << Math.min(attempts - 1, 5));
            failing.put(name, new Failing(at, attempts, System.nanoTime() + pause));
            LOG.warn("Outbox consumer {} failed at the event after position {} (attempt {}), retrying one event at a time: {}",
                    name, at, attempts, rootCause(e));
            return false;
        }
    }

    private int apply(EntityManager em, OutboxConsumer consumer, int batch, long[] position) {
        OutboxConsumerEntity c = em.find(OutboxConsumerEntity.class, consumer.name(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            c = new OutboxConsumerEntity();
            c.name = consumer.name();
            c.position = startPosition(em);
            c.updatedAt = Instant.now();
            em.persist(c);
            em.flush();
            LOG.info("Outbox consumer {} starts after position {} (the oldest event kept)", c.name, c.position);
        }
        position[0] = c.position;
        // read before the rows: every row the sequencer had positioned by then is visible below unless pruned (another
        // node's sequencing round committing between the two reads must not look like a gap)
        long sequenced = sequencerPosition(em);
        List<OutboxEntity> rows = em.createQuery("SELECT o FROM OutboxEntity o WHERE o.position > :p ORDER BY o.position",
                OutboxEntity.class).setParameter("p", c.position).setMaxResults(batch).getResultList();
        long next = rows.isEmpty() ? sequenced + 1 : rows.get(0).position;
        if (next > c.position + 1) {
            // events the consumer never applied were pruned while it was not installed: it goes on after them (its
            // lag would otherwise never reach 0); a consumer with a record of its own fills the gap from there
            LOG.info("Outbox consumer {}: events {} to {} were pruned before it applied them; it goes on after them", c.name,
                    c.position + 1, next - 1);
            c.position = next - 1;
            c.updatedAt = Instant.now();
        }
        List<OutboxEvent> accepted = new ArrayList<>(rows.size());
        for (OutboxEntity o : rows) {
            if (consumer.accepts(o.topic)) {
                accepted.add(event(o));
            }
            c.position = o.position;
        }
        if (!accepted.isEmpty()) {
            consumer.applyAll(accepted);
        }
        if (!rows.isEmpty()) {
            c.updatedAt = Instant.now();
        }
        return rows.size();
    }

    /** Moves a consumer past the event after {@code position}, which failed {@link #MAX_ATTEMPTS} times. */
    private void passOver(OutboxConsumer consumer, long position, RuntimeException cause) {
        jpa.tx(TransactionType.RequiresNew, em -> {
            OutboxConsumerEntity c = em.find(OutboxConsumerEntity.class, consumer.name(), LockModeType.PESSIMISTIC_WRITE);
            if (c == null || c.position != position) {
                return;
            }
            List<OutboxEntity> next = em.createQuery("SELECT o FROM OutboxEntity o WHERE o.position > :p ORDER BY o.position",
                    OutboxEntity.class).setParameter("p", position).setMaxResults(1).getResultList();
            if (!next.isEmpty()) {
                c.position = next.get(0).position;
                c.updatedAt = Instant.now();
                skipped.incrementAndGet();
                LOG.error("Outbox consumer {} passed over event {} ({}) after {} failed attempts: {}", consumer.name(),
                        next.get(0).eventId, next.get(0).topic, MAX_ATTEMPTS, rootCause(cause));
            }
        });
        failing.remove(consumer.name());
    }

    /** Where a new consumer starts: before the oldest event kept. */
    private static long startPosition(EntityManager em) {
        Long min = em.createQuery("SELECT MIN(o.position) FROM OutboxEntity o WHERE o.position > 0", Long.class)
                .getSingleResult();
        return min == null ? sequencerPosition(em) : min - 1;
    }

    private static long sequencerPosition(EntityManager em) {
        OutboxConsumerEntity seq = em.find(OutboxConsumerEntity.class, SEQUENCER);
        return seq == null ? 0 : seq.position;
    }

    private OutboxEvent event(OutboxEntity o) {
        Map<String, Object> props;
        try {
            props = o.properties == null ? Map.of() : json.readValue(o.properties, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + o.eventId + " has unreadable properties", e);
        }
        return new OutboxEvent(o.position, o.eventId, o.topic, o.region, o.key, o.createdAt, new HashMap<>(props));
    }

    // ------------------------------------------------------------------ retention

    private void prune() {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(Duration.ofMinutes(Math.max(1, config.prune_interval_minutes())));
        Instant cutoff = now.minus(Duration.ofDays(Math.max(0, config.retention_days())));
        int deleted = jpa.txExpr(TransactionType.RequiresNew, em -> {
            long applied = sequencerPosition(em);
            for (String name : consumers.keySet()) {
                OutboxConsumerEntity c = em.find(OutboxConsumerEntity.class, name);
                applied = Math.min(applied, c == null ? 0 : c.position);
            }
            return em.createQuery("DELETE FROM OutboxEntity o WHERE o.position > 0 AND o.position <= :p AND o.createdAt < :t")
                    .setParameter("p", applied).setParameter("t", cutoff).executeUpdate();
        });
        if (deleted > 0) {
            LOG.info("Outbox: pruned {} delivered event(s) older than {} days", deleted, config.retention_days());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
