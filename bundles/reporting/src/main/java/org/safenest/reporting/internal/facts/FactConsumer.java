package org.safenest.reporting.internal.facts;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.outbox.OutboxConsumer;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.api.region.RegionService;

/**
 * Reporting's consumer of the outbox: every intake event becomes rows of the reporting tables, in the delivery
 * transaction (so an event counts exactly when its position advances) and at most once per event id (the
 * {@link AppliedEvent} row). Installed into a platform that already holds cases, it starts from the oldest event
 * the outbox keeps and so builds its figures from the history; {@link #rebuild} starts a region over.
 */
@Component(service = {OutboxConsumer.class, FactConsumer.class})
public class FactConsumer implements OutboxConsumer {

    /** The consumer's name in the outbox. */
    public static final String NAME = "reporting";
    private static final List<String> FACT_ENTITIES = List.of("IntakeFact", "DispatchFact", "CaseFact", "FollowUpFact",
            "TransferFact", "DisputeFact", "AppliedEvent");

    private final Transactions tx;
    private final FactWriter writer;
    private final Outbox outbox;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

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
        tx.required(em -> {
            Set<String> seen = new HashSet<>();
            List<String> ids = events.stream().map(OutboxEvent::id).toList();
            for (int i = 0; i < ids.size(); i += 500) {
                seen.addAll(em.createQuery("SELECT a.eventId FROM AppliedEvent a WHERE a.eventId IN :ids", String.class)
                        .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500))).getResultList());
            }
            for (OutboxEvent event : events) {
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
     * Drops a region's figures and has the outbox deliver its events again from the oldest kept; returns how many
     * events that goes through. Other regions' events are recognised by id and left as they are.
     */
    public long rebuild(String region) {
        tx.required(em -> {
            for (String entity : FACT_ENTITIES) {
                em.createQuery("DELETE FROM " + entity + " f WHERE f.region = :r").setParameter("r", region).executeUpdate();
            }
            return null;
        });
        return outbox.rewind(NAME);
    }

    /** The outbox's view of this consumer: its position, the head and the lag. */
    public Outbox.ConsumerState state() {
        return outbox.consumers().stream().filter(s -> s.name().equals(NAME)).findFirst()
                .orElse(new Outbox.ConsumerState(NAME, 0, outbox.head(), true));
    }
}
