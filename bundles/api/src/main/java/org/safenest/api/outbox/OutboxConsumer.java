package org.safenest.api.outbox;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of the outbox: register an implementation as an OSGi service. The platform delivers every
 * event the consumer {@link #accepts accepts}, in outbox order, at least once; on one node at a time (the
 * consumer's position row is locked while it runs, so two nodes never apply one event twice).
 *
 * <p>{@link #apply} runs inside the transaction that also advances the consumer's position: write with
 * {@code TransactionType.Required} so that the writes join it, and the event counts as applied exactly when they
 * commit. Throwing rolls the batch back; it is delivered again later. A consumer installed into a platform that
 * already holds events starts from the oldest event kept and so builds what it needs from the history.
 */
@ConsumerType
public interface OutboxConsumer {

    /** A stable name: the consumer's position is kept under it. */
    String name();

    /** Whether the consumer wants events of this topic (others are skipped without a call). */
    boolean accepts(String topic);

    /**
     * Applies one event in the delivery transaction. Must skip an event whose {@link OutboxEvent#id()} it has
     * applied before (a redelivery or a replay).
     */
    void apply(OutboxEvent event);

    /**
     * Applies a batch of accepted events, in order, in the delivery transaction. The default applies them one by
     * one; a consumer that can check and write many events at once (one query for the ids it has applied) overrides it.
     */
    default void applyAll(java.util.List<OutboxEvent> events) {
        for (OutboxEvent e : events) {
            apply(e);
        }
    }
}
