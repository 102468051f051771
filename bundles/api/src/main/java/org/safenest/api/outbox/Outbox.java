package org.safenest.api.outbox;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes events in the caller's transaction and tells how far each consumer has got.
 */
@ProviderType
public interface Outbox {

    /**
     * Appends an event to the outbox <em>in the caller's ongoing JTA transaction</em> (a {@code JpaTemplate}
     * transaction of {@code TransactionType.Required}): the row commits or rolls back with the change it reports.
     * Outside a transaction it throws {@link IllegalStateException}.
     */
    void append(String id, String topic, String region, String key, Map<String, Object> properties);

    /** The position of the newest event (0 when empty). */
    long head();

    /** The position of the oldest event still kept (retention prunes older ones), or {@code head() + 1} when empty. */
    long tail();

    /** Every consumer registered now or before, with the position it has applied. */
    List<ConsumerState> consumers();

    /**
     * Has a consumer start again from the oldest event kept, for example after it dropped what it had built; the
     * consumer skips events it has applied (by id). Returns the number of events it will go through.
     */
    long rewind(String consumer);

    /** How far a consumer has got. */
    record ConsumerState(String name, long position, long head, boolean registered) {

        /** Events written but not yet applied by this consumer. */
        public long lag() {
            return Math.max(0, head - position);
        }
    }
}
