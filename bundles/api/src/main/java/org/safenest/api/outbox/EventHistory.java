package org.safenest.api.outbox;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability's permanent record of the events it wrote to the {@link Outbox}: the same ids, topics and properties,
 * kept with the capability's own records after the outbox has pruned them (retention). A consumer that builds what it
 * needs from events (reporting's statistics) goes through it when it starts over ({@code safenest:reports-rebuild}) or
 * is installed into a platform whose outbox no longer holds the older events; because the ids are those of the
 * outbox, events still in the outbox are recognised and applied once. Register an implementation as an OSGi service.
 */
@ConsumerType
public interface EventHistory {

    /** The topics this history holds all begin with this prefix (for example {@code org/safenest/intake/}). */
    String topicPrefix();

    /** How many events of the region (every region: {@code null}) the history holds. */
    long count(String region);

    /**
     * Hands the region's events (every region: {@code null}) to {@code batches}, oldest first and in the order they
     * were written for each {@link OutboxEvent#key() key}, at most {@code batchSize} at a time. An event's
     * {@link OutboxEvent#position() position} is its place in the history's order, not in the outbox. Each batch is read in a transaction of its own and handed over
     * outside it, so the receiver may write in transactions of its own.
     */
    void replay(String region, int batchSize, Consumer<List<OutboxEvent>> batches);
}
