package org.safenest.api.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One event in the outbox.
 *
 * @param position   its place in the outbox: increasing in commit order of a node (consumers get events in this order)
 * @param id         a stable id that names the change, for example {@code intake:received:kaohsiung:<reportId>}: a
 *                   consumer applies each id once, so a redelivery (after a crash) or a replay (a rebuild) never
 *                   counts twice
 * @param topic      what happened, for example {@link org.safenest.api.intake.IntakeEvents#CASE_RECEIVED}
 * @param region     the region code
 * @param key        what the event is about (a case number): events with one key are delivered in order
 * @param createdAt  when it was written
 * @param properties codes, ids and times only (never personal data): {@code String}, {@code Boolean},
 *                   {@code Integer} or {@code Long} values, as in {@link org.safenest.api.intake.IntakeEvents}
 */
public record OutboxEvent(long position, String id, String topic, String region, String key, Instant createdAt,
        Map<String, Object> properties) {
}
