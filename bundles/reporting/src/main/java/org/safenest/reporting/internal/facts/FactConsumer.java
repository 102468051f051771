package org.safenest.reporting.internal.facts;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.outbox.EventHistory;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.outbox.OutboxConsumer;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.api.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reporting's consumer of the outbox: every intake event becomes rows of the reporting tables, in the delivery
 * transaction (so an event counts exactly when its position advances) and at most once per event id (the
 * {@link AppliedEvent} row). Installed into a platform that already holds cases, it starts from the oldest event
 * the outbox keeps and so builds its figures from the history; {@link #rebuild} starts a region over.
 *
 * <p>Where the outbox has pruned events (retention), the capabilities' own records of their events
 * ({@link EventHistory}, intake's {@code SN_CASE_EVENT}) fill the gap: a rebuild goes through the region's kept events
 * first and then has the outbox deliver again what it keeps (the same ids, so each event counts once); and when this
 * consumer starts and, once it has caught up with the outbox, has applied fewer events than the histories hold (it was
 * installed late, or was not installed while the outbox pruned), it goes through the histories the same way. While a
 * region is gone through, the outbox's deliveries of that region are left to the pass (which reads to the end of the
 * history) and delivered again after it, so that every case's events are applied in the order they were written.
 */
@Component(service = {OutboxConsumer.class, FactConsumer.class})
public class FactConsumer implements OutboxConsumer {

    /** The consumer's name in the outbox. */
    public static final String NAME = "reporting";
    private static final List<String> FACT_ENTITIES = List.of("IntakeFact", "DispatchFact", "CaseFact", "FollowUpFact",
            "TransferFact", "DisputeFact", "AppliedEvent");
    /** Every region: what {@link #passing} holds while the histories of all regions are gone through. */
    private static final String ALL = "*";
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FactConsumer.class);

    private final Transactions tx;
    private final FactWriter writer;
    private final Outbox outbox;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final List<EventHistory> histories = new CopyOnWriteArrayList<>();
    /** Regions (or {@link #ALL}) being gone through from the histories: the outbox's deliveries of them wait for the pass. */
    private final Set<String> passing = ConcurrentHashMap.newKeySet();
    /** Events of the histories still to go through in the passes under way. */
    private final AtomicLong historyWaiting = new AtomicLong();
    /** Catch-up checks ({@link #catchUp}) not finished yet: the figures may still be incomplete. */
    private final java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService passes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "safenest-reporting-history");
        t.setDaemon(true);
        return t;
    });
    private volatile Duration catchUpWait = Duration.ofSeconds(60);

    @Activate
    public FactConsumer(@Reference FactStore store, @Reference RegionService regions, @Reference Outbox outbox) {
        this(store, zones(regions), outbox);
    }

    /** Outside OSGi (tests): the reporting unit's transactions, the regions' time zones and the outbox. */
    public static FactConsumer of(Transactions tx, java.util.function.Function<String, ZoneId> zones, Outbox outbox) {
        return new FactConsumer(tx, zones, outbox);
    }

    // private: Declarative Services must see one public constructor of three arguments
    private FactConsumer(Transactions tx, java.util.function.Function<String, ZoneId> zones, Outbox outbox) {
        this.tx = tx;
        this.writer = new FactWriter(zones);
        this.outbox = outbox;
    }

    /** A capability's record of its events (intake's): when one comes, checks whether events are missing. */
    @Reference(service = EventHistory.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindHistory(EventHistory history) {
        if (accepts(history.topicPrefix())) {
            histories.add(history);
            checks.incrementAndGet();
            passes.execute(() -> {
                try {
                    catchUp();
                } finally {
                    checks.decrementAndGet();
                }
            });
        }
    }

    public void unbindHistory(EventHistory history) {
        histories.remove(history);
    }

    @Deactivate
    public void deactivate() {
        passes.shutdownNow();
    }

    /** How long {@link #catchUp} waits for the outbox's lag to reach 0 before it compares (tests shorten it). */
    public void catchUpWait(Duration wait) {
        this.catchUpWait = wait;
    }

    /** Waits until the passes through the histories started so far are done (tests). */
    public void awaitPasses(Duration timeout) throws Exception {
        passes.submit(() -> { }).get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static java.util.function.Function<String, ZoneId> zones(RegionService regions) {
        Map<String, ZoneId> zones = new ConcurrentHashMap<>();
        return region -> zones.computeIfAbsent(region, r -> ZoneId.of(regions.require(r).timeZone()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String topic) {
        return topic != null && topic.startsWith(IntakeEvents.TOPIC_PREFIX);
    }

    @Override
    public void apply(OutboxEvent event) {
        applyAll(List.of(event));
    }

    /** One transaction (the delivery's), one query for the ids already applied, then the new events in order. */
    @Override
    public void applyAll(List<OutboxEvent> events) {
        apply(events, true);
    }

    private void apply(List<OutboxEvent> events, boolean fromOutbox) {
        tx.required(em -> {
            Set<String> seen = new HashSet<>();
            List<String> ids = events.stream().map(OutboxEvent::id).toList();
            for (int i = 0; i < ids.size(); i += 500) {
                seen.addAll(em.createQuery("SELECT a.eventId FROM AppliedEvent a WHERE a.eventId IN :ids", String.class)
                        .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500))).getResultList());
            }
            for (OutboxEvent event : events) {
                if (fromOutbox && (passing.contains(ALL) || passing.contains(event.region()))) {
                    // a pass through the histories is under way for this region: it applies the event in its order
                    continue;
                }
                if (!seen.add(event.id())) {
                    duplicates.incrementAndGet();
                    continue;
                }
                AppliedEvent a = new AppliedEvent();
                a.eventId = event.id();
                a.region = event.region();
                em.persist(a);
                writer.apply(em, event.id(), event.topic(), event.properties());
                applied.incrementAndGet();
            }
            return null;
        });
    }

    /** Events applied since this node started. */
    public long applied() {
        return applied.get();
    }

    /** Events delivered again and recognised (since this node started). */
    public long duplicates() {
        return duplicates.get();
    }

    /**
     * Drops a region's figures and builds them again: in the background, from the region's events kept by the
     * capabilities ({@link EventHistory}: every event since the first, also those the outbox pruned), then from the
     * outbox's oldest kept event on (recognised by id). Returns how many kept events the pass goes through; other
     * regions' figures are left as they are. {@link #waiting()} reaches 0 when it is done.
     */
    public long rebuild(String region) {
        passing.add(region);
        long kept;
        try {
            tx.required(em -> {
                for (String entity : FACT_ENTITIES) {
                    em.createQuery("DELETE FROM " + entity + " f WHERE f.region = :r").setParameter("r", region).executeUpdate();
                }
                return null;
            });
            kept = histories.stream().mapToLong(h -> h.count(region)).sum();
            historyWaiting.addAndGet(kept);
            passes.execute(() -> pass(region, kept));
        } catch (RuntimeException e) {
            passing.remove(region);
            throw e;
        }
        return kept;
    }

    /**
     * Goes through the region's (or every region's: {@link #ALL}) kept events, then has the outbox deliver again what
     * it keeps, so that events it delivered during the pass (and left to the pass) are applied if the pass did not
     * reach them.
     */
    private void pass(String region, long expected) {
        long[] done = {0};
        long[] counted = {0};
        try {
            for (EventHistory history : histories) {
                history.replay(ALL.equals(region) ? null : region, BATCH, batch -> {
                    applyWithRetry(batch);
                    done[0] += batch.size();
                    // events written during the pass are gone through too, but were not in the figure announced
                    long step = Math.min(batch.size(), expected - counted[0]);
                    counted[0] += step;
                    historyWaiting.addAndGet(-step);
                });
            }
            LOG.info("Statistics of {}: went through {} event(s) kept by {}", ALL.equals(region) ? "every region" : region, done[0],
                    histories.size() == 1 ? "intake" : histories.size() + " capabilities");
        } catch (RuntimeException e) {
            LOG.warn("Statistics of {}: the pass through the kept events stopped after {} event(s): {}", region, done[0], e.toString());
        } finally {
            historyWaiting.addAndGet(-(expected - counted[0]));
            passing.remove(region);
            outbox.rewind(NAME);
        }
    }

    /** A batch of the histories; a conflict with the outbox's delivery of the same event (another node) is tried again. */
    private void applyWithRetry(List<OutboxEvent> batch) {
        for (int attempt = 1;; attempt++) {
            try {
                apply(batch, false);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * At start and when a history comes: once the outbox's lag is 0 (or after {@link #catchUpWait}), compares the
     * events applied with those the histories hold; fewer applied means the outbox pruned events this consumer never
     * saw, and every region is gone through.
     */
    private void catchUp() {
        try {
            long end = System.nanoTime() + catchUpWait.toNanos();
            while (state().lag() > 0 && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            // kept first, the lag last: an event written meanwhile adds to the lag, never only to what is kept, so
            // a busy platform is not taken for one that misses events
            long kept = histories.stream().mapToLong(h -> h.count(null)).sum();
            long appliedAll = tx.required(em -> em.createQuery("SELECT COUNT(a) FROM AppliedEvent a", Long.class).getSingleResult());
            long lag = state().lag();
            if (appliedAll + lag >= kept) {
                LOG.info("Statistics: {} event(s) applied and {} waiting in the outbox of {} kept by intake: nothing missing",
                        appliedAll, lag, kept);
                return;
            }
            LOG.info("Statistics: {} event(s) applied, {} kept by intake: going through the kept events", appliedAll, kept);
            passing.add(ALL);
            historyWaiting.addAndGet(kept);
            pass(ALL, kept);
        } catch (InterruptedException e) {
            LOG.info("Statistics: the check of the events applied against those kept was interrupted (reporting stopping)");
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Statistics: could not compare the events applied with those kept: {}", e.toString());
        }
    }

    /** The outbox's view of this consumer: its position, the head and the lag. */
    public Outbox.ConsumerState state() {
        return outbox.consumers().stream().filter(s -> s.name().equals(NAME)).findFirst()
                .orElse(new Outbox.ConsumerState(NAME, 0, outbox.head(), true));
    }

    /**
     * Events not yet applied: the outbox's lag and the kept events the passes under way still have to go through (plus
     * one while a pass or a catch-up check runs); 0 when the figures are complete.
     */
    public long waiting() {
        return state().lag() + Math.max(0, historyWaiting.get()) + (passing.isEmpty() ? 0 : 1) + checks.get();
    }

    /** Kept events the passes under way still have to go through. */
    public long historyWaiting() {
        return Math.max(0, historyWaiting.get());
    }
}
