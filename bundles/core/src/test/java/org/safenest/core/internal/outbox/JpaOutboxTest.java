package org.safenest.core.internal.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.outbox.OutboxConsumer;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.core.internal.UnitJpaTemplate;
import org.safenest.testsupport.UnitDatabase;

/** The outbox on a real (in-memory Derby) database: delivery in order, and what a consumer's lag counts. */
class JpaOutboxTest {

    private final UnitDatabase db = new UnitDatabase("safenest-core");
    private final JpaTemplate jpa = new UnitJpaTemplate(db);
    private final JpaOutbox outbox = new JpaOutbox(jpa, config());
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final OutboxConsumer consumer = new OutboxConsumer() {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public boolean accepts(String topic) {
            return true;
        }

        @Override
        public void apply(OutboxEvent event) {
            applied.add(event.id());
        }
    };

    @AfterEach
    void close() throws InterruptedException {
        outbox.deactivate();
        db.close();
    }

    private static OutboxConfiguration config() {
        return config(30);
    }

    private static OutboxConfiguration config(int retentionDays) {
        return new OutboxConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OutboxConfiguration.class;
            }

            @Override
            public int retention_days() {
                return retentionDays;
            }

            @Override
            public int prune_interval_minutes() {
                return 60;
            }

            @Override
            public int batch_size() {
                return 500;
            }

            @Override
            public int poll_millis() {
                return 60_000;
            }
        };
    }

    private void append(String id) {
        // the fake template gives append its own committed transaction, as the caller's would be
        outbox.append(id, "case.reported", "kaohsiung", id, Map.of("n", 1));
    }

    private Outbox.ConsumerState state() {
        return outbox.consumers().stream().filter(s -> s.name().equals("counting")).findFirst().orElseThrow();
    }

    @Test
    void deliversEveryCommittedEventOnceInOrder() throws InterruptedException {
        outbox.addConsumer(consumer);
        for (int i = 0; i < 5; i++) {
            append("e" + i);
        }
        assertTrue(outbox.awaitDelivered(Duration.ofSeconds(30)));
        assertEquals(List.of("e0", "e1", "e2", "e3", "e4"), applied);
        assertEquals(0, state().lag());
        assertEquals(5, state().position());
    }

    /**
     * An event committed but not yet given its position (the sequencer runs a moment later, or on another node) is
     * part of the lag: "no lag" means every committed event has been applied, which tests and rebuild progress rely
     * on before they read the figures.
     */
    @Test
    void committedEventsNotYetSequencedCountAsLag() throws InterruptedException {
        outbox.addConsumer(consumer);
        append("first");
        assertTrue(outbox.awaitDelivered(Duration.ofSeconds(30)));
        outbox.deactivate(); // no delivery from here on: the next event stays unsequenced
        append("second");
        append("third");
        Outbox.ConsumerState s = state();
        assertEquals(1, s.position());
        assertEquals(2, s.lag(), "two committed events not yet sequenced: " + s);
    }

    /**
     * Issue 12: a consumer that was not installed while the outbox pruned the events it had not applied goes on after
     * them when it comes back (its lag reaches 0 instead of staying at the pruned events for ever); what it missed it
     * takes from a capability's own record of its events ({@link org.safenest.api.outbox.EventHistory}).
     */
    @Test
    void aConsumerBackAfterPruningGoesOnAfterThePrunedEvents() throws InterruptedException {
        outbox.addConsumer(consumer);
        append("e0");
        append("e1");
        assertTrue(outbox.awaitDelivered(Duration.ofSeconds(30)));
        outbox.removeConsumer(consumer);
        append("e2");
        append("e3");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.head() < 4 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        outbox.modified(config(0)); // retention 0 days: every delivered event goes at once
        while (outbox.tail() <= outbox.head() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(outbox.head() + 1, outbox.tail(), "every event pruned");
        assertEquals(2, state().lag(), "e2 and e3 were never applied by the consumer");

        outbox.addConsumer(consumer);
        append("e4");
        assertTrue(outbox.awaitDelivered(Duration.ofSeconds(30)));
        assertEquals(List.of("e0", "e1", "e4"), applied);
        assertEquals(0, state().lag());
        assertEquals(5, state().position());
    }
}
