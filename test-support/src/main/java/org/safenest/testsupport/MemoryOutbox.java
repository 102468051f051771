package org.safenest.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.safenest.api.outbox.Outbox;
import org.safenest.api.outbox.OutboxConsumer;
import org.safenest.api.outbox.OutboxEvent;

/**
 * The platform's {@link Outbox} in memory, for tests outside OSGi: events are kept in the order appended (there
 * is no transaction to join) and handed to a consumer on {@link #deliverTo}, as the outbox's delivery thread does.
 */
public final class MemoryOutbox implements Outbox {

    private final List<OutboxEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicLong head = new AtomicLong();

    @Override
    public synchronized void append(String id, String topic, String region, String key, Map<String, Object> properties) {
        events.add(new OutboxEvent(head.incrementAndGet(), id, topic, region, key, Instant.now(), Map.copyOf(properties)));
    }

    /** Every event so far, oldest first. */
    public List<OutboxEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one topic, oldest first. */
    public List<OutboxEvent> byTopic(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).toList();
    }

    /** Applies every event (from the first) that the consumer accepts, in order; returns how many. */
    public int deliverTo(OutboxConsumer consumer) {
        int n = 0;
        for (OutboxEvent e : events) {
            if (consumer.accepts(e.topic())) {
                consumer.apply(e);
                n++;
            }
        }
        return n;
    }

    /** Drops the oldest {@code n} events, as retention prunes delivered events. */
    public synchronized void prune(int n) {
        for (int i = 0; i < n && !events.isEmpty(); i++) {
            events.remove(0);
        }
    }

    @Override
    public long head() {
        return head.get();
    }

    @Override
    public long tail() {
        return events.isEmpty() ? head.get() + 1 : events.get(0).position();
    }

    @Override
    public List<ConsumerState> consumers() {
        return new ArrayList<>();
    }

    @Override
    public long rewind(String consumer) {
        return events.size();
    }
}
