package org.safenest.intake.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManager;

import org.safenest.api.outbox.OutboxEvent;
import org.safenest.intake.internal.jpa.CaseEventEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Intake's own copy of the events it writes to the outbox ({@code SN_CASE_EVENT}), written in the change's transaction
 * with the same id, topic and properties (JSON, as the outbox keeps them). The outbox prunes delivered events after
 * its retention; these stay with the cases, so a consumer can build its figures again from intake's records.
 */
final class CaseEventJournal {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong lastOrdinal = new AtomicLong();

    /** Keeps one event in the caller's transaction. */
    void keep(EntityManager em, String id, String topic, String region, String caseNumber, Map<String, Object> properties,
            Instant now) {
        CaseEventEntity e = new CaseEventEntity();
        e.eventId = id;
        e.topic = topic;
        e.region = region;
        e.caseNumber = caseNumber;
        e.createdAt = now;
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        e.ordinal = lastOrdinal.accumulateAndGet(micros, (last, candidate) -> Math.max(last + 1, candidate));
        try {
            e.properties = json.writeValueAsString(properties);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event " + topic + " has properties that are not plain values", ex);
        }
        em.persist(e);
    }

    /**
     * The region's kept events (every region: null) after the given place in their order ({@code ordinal},
     * {@code eventId}), at most {@code limit}, oldest first.
     */
    List<OutboxEvent> after(EntityManager em, String region, long ordinal, String eventId, int limit) {
        String where = "(e.ordinal > :o OR (e.ordinal = :o AND e.eventId > :id))" + (region == null ? "" : " AND e.region = :r");
        var q = em.createQuery("SELECT e FROM CaseEventEntity e WHERE " + where + " ORDER BY e.ordinal, e.eventId",
                CaseEventEntity.class).setParameter("o", ordinal).setParameter("id", eventId).setMaxResults(limit);
        if (region != null) {
            q.setParameter("r", region);
        }
        return q.getResultList().stream().map(this::event).toList();
    }

    /** How many events of the region (every region: null) are kept. */
    long count(EntityManager em, String region) {
        var q = em.createQuery("SELECT COUNT(e) FROM CaseEventEntity e" + (region == null ? "" : " WHERE e.region = :r"), Long.class);
        if (region != null) {
            q.setParameter("r", region);
        }
        return q.getSingleResult();
    }

    /** The event, with its place in the order kept as its position. */
    private OutboxEvent event(CaseEventEntity e) {
        try {
            Map<String, Object> props = e.properties == null ? Map.of() : json.readValue(e.properties, MAP);
            return new OutboxEvent(e.ordinal, e.eventId, e.topic, e.region, e.caseNumber, e.createdAt, props);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("kept event " + e.eventId + " has unreadable properties", ex);
        }
    }
}
