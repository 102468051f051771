package org.safenest.reporting.internal.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.MergeRule;

/**
 * Turns one intake event into rows of the reporting tables, inside the caller's transaction. Events carry codes
 * and times only (see {@link IntakeEvents}); nothing else is stored. An event about a case reporting has not seen
 * (one recorded before reporting was installed) creates the case's row from the event's own codes.
 */
public final class FactWriter {

    private final Function<String, ZoneId> zones;

    /** @param zones the time zone of a region (days are counted in the region's time zone) */
    public FactWriter(Function<String, ZoneId> zones) {
        this.zones = zones;
    }

    /**
     * Applies one event; returns false for a topic reporting does not count. Rows an event makes are keyed by the
     * event's id (or the report or dispute it names), so the same event applied twice fails rather than counts twice.
     */
    public boolean apply(EntityManager em, String eventId, String topic, Map<String, Object> p) {
        String region = text(p, IntakeEvents.REGION);
        String caseNumber = text(p, IntakeEvents.CASE_NUMBER);
        if (region == null || caseNumber == null) {
            throw new IllegalArgumentException("event " + topic + " without region or case number");
        }
        ZoneId zone = zones.apply(region);
        long occurred = millis(p, IntakeEvents.OCCURRED_AT, System.currentTimeMillis());
        switch (topic) {
            case IntakeEvents.CASE_RECEIVED -> received(em, region, caseNumber, p, zone);
            case IntakeEvents.CASE_DISPATCHED -> dispatched(em, eventId, region, caseNumber, p, zone, occurred);
            case IntakeEvents.CASE_TRANSFERRED -> transferred(em, eventId, region, caseNumber, p, zone, occurred);
            case IntakeEvents.DISPATCH_DISPUTED -> disputed(em, region, caseNumber, p, zone, occurred);
            case IntakeEvents.DISPUTE_RESOLVED -> resolved(em, region, p, zone, occurred);
            case IntakeEvents.DISPOSITION_RECORDED -> disposition(em, eventId, region, caseNumber, p, zone, occurred);
            case IntakeEvents.FOLLOW_UP_COMPLETED -> followUpDone(em, region, caseNumber, p, zone, occurred);
            case IntakeEvents.CASE_ASSIGNED -> assigned(em, region, caseNumber, p, zone, occurred);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void received(EntityManager em, String region, String caseNumber, Map<String, Object> p, ZoneId zone) {
        IntakeFact f = new IntakeFact();
        f.id = region + ":" + required(p, IntakeEvents.REPORT_ID);
        f.region = region;
        f.caseNumber = caseNumber;
        f.receivedAt = millis(p, IntakeEvents.RECEIVED_AT, System.currentTimeMillis());
        f.receivedDay = day(f.receivedAt, zone);
        f.caseType = required(p, IntakeEvents.CASE_TYPE);
        f.serviceLine = required(p, IntakeEvents.SERVICE_LINE);
        f.district = required(p, IntakeEvents.DISTRICT);
        f.districtPart = text(p, IntakeEvents.DISTRICT_PART);
        f.office = orEmpty(text(p, IntakeEvents.OFFICE));
        f.mergeRule = required(p, IntakeEvents.MERGE_RULE);
        f.merged = MergeRule.NEW_CASE.name().equals(f.mergeRule) ? 0 : 1;
        em.persist(f);
        if (f.merged == 0) {
            // a new case; its row may exist already when another node's later event of the case came first
            caseRow(em, region, caseNumber, p, f.receivedDay);
        }
    }

    private void dispatched(EntityManager em, String eventId, String region, String caseNumber, Map<String, Object> p, ZoneId zone,
            long occurred) {
        DispatchFact f = new DispatchFact();
        f.id = eventId;
        f.region = region;
        f.caseNumber = caseNumber;
        f.decidedAt = millis(p, IntakeEvents.DECIDED_AT, occurred);
        f.decidedDay = day(f.decidedAt, zone);
        f.receivedAt = p.get(IntakeEvents.RECEIVED_AT) instanceof Number n ? n.longValue() : null;
        f.basis = orEmpty(text(p, IntakeEvents.DECISION_BASIS));
        f.ruleSetVersion = p.get(IntakeEvents.RULE_SET_VERSION) instanceof Number n ? n.intValue() : 0;
        f.ruleId = text(p, IntakeEvents.RULE_ID);
        f.manualQueue = Boolean.TRUE.equals(p.get(IntakeEvents.MANUAL_QUEUE)) ? 1 : 0;
        f.office = f.manualQueue == 1 ? "" : orEmpty(text(p, IntakeEvents.OFFICE));
        f.caseType = required(p, IntakeEvents.CASE_TYPE);
        f.district = required(p, IntakeEvents.DISTRICT);
        em.persist(f);
        CaseFact c = caseRow(em, region, caseNumber, p, f.decidedDay);
        c.office = f.office;
        if (f.manualQueue == 1) {
            if (c.manualQueue == 0) {
                c.queuedAt = f.decidedAt;
            }
            c.manualQueue = 1;
        } else {
            c.manualQueue = 0;
            c.queuedAt = null;
        }
    }

    private void transferred(EntityManager em, String eventId, String region, String caseNumber, Map<String, Object> p, ZoneId zone,
            long occurred) {
        TransferFact f = new TransferFact();
        f.id = eventId;
        f.region = region;
        f.caseNumber = caseNumber;
        f.transferDay = day(occurred, zone);
        f.direction = required(p, IntakeEvents.DIRECTION);
        f.ground = orEmpty(text(p, IntakeEvents.GROUND));
        f.fromOffice = orEmpty(text(p, IntakeEvents.FROM_OFFICE));
        f.district = required(p, IntakeEvents.DISTRICT);
        em.persist(f);
        CaseFact c = caseRow(em, region, caseNumber, p, f.transferDay);
        c.caseType = required(p, IntakeEvents.CASE_TYPE);
        c.serviceLine = required(p, IntakeEvents.SERVICE_LINE);
    }

    private void disputed(EntityManager em, String region, String caseNumber, Map<String, Object> p, ZoneId zone, long occurred) {
        DisputeFact f = new DisputeFact();
        f.id = region + ":" + required(p, IntakeEvents.DISPUTE_ID);
        f.region = region;
        f.caseNumber = caseNumber;
        f.disputedDay = day(occurred, zone);
        f.fromOffice = orEmpty(text(p, IntakeEvents.FROM_OFFICE));
        f.toOffice = orEmpty(text(p, IntakeEvents.OFFICE));
        em.persist(f);
    }

    private void resolved(EntityManager em, String region, Map<String, Object> p, ZoneId zone, long occurred) {
        DisputeFact f = em.find(DisputeFact.class, region + ":" + required(p, IntakeEvents.DISPUTE_ID));
        if (f != null && f.resolvedDay == null) {
            f.resolvedDay = day(occurred, zone);
        }
    }

    private void assigned(EntityManager em, String region, String caseNumber, Map<String, Object> p, ZoneId zone, long occurred) {
        CaseFact c = caseRow(em, region, caseNumber, p, day(occurred, zone));
        c.worker = text(p, IntakeEvents.WORKER);
        String office = text(p, IntakeEvents.OFFICE);
        if (office != null) {
            c.office = office;
        }
    }

    private void disposition(EntityManager em, String eventId, String region, String caseNumber, Map<String, Object> p, ZoneId zone,
            long occurred) {
        String status = text(p, IntakeEvents.STATUS);
        if (status != null) {
            caseRow(em, region, caseNumber, p, day(occurred, zone)).closed = "CLOSED".equals(status) ? 1 : 0;
        }
        String due = text(p, IntakeEvents.FOLLOW_UP_DUE);
        if (due == null) {
            return;
        }
        FollowUpFact f = new FollowUpFact();
        f.id = eventId;
        f.region = region;
        f.caseNumber = caseNumber;
        f.office = orEmpty(text(p, IntakeEvents.OFFICE));
        f.setDay = day(occurred, zone);
        f.dueDay = LocalDate.parse(due);
        em.persist(f);
    }

    private void followUpDone(EntityManager em, String region, String caseNumber, Map<String, Object> p, ZoneId zone, long occurred) {
        String due = text(p, IntakeEvents.FOLLOW_UP_DUE);
        List<FollowUpFact> open = em.createQuery("SELECT f FROM FollowUpFact f WHERE f.region = :r AND f.caseNumber = :c"
                        + " AND f.completedDay IS NULL ORDER BY f.dueDay", FollowUpFact.class)
                .setParameter("r", region).setParameter("c", caseNumber).getResultList();
        LocalDate done = day(occurred, zone);
        for (FollowUpFact f : open) {
            if (due == null || f.dueDay.toString().equals(due)) {
                f.completedDay = done;
                return;
            }
        }
    }

    private static CaseFact caseRow(EntityManager em, String region, String caseNumber, Map<String, Object> p, LocalDate day) {
        String id = region + ":" + caseNumber;
        CaseFact c = em.find(CaseFact.class, id);
        if (c == null) {
            c = newCase(region, caseNumber, p, day);
            em.persist(c);
        }
        return c;
    }

    private static CaseFact newCase(String region, String caseNumber, Map<String, Object> p, LocalDate day) {
        CaseFact c = new CaseFact();
        c.id = region + ":" + caseNumber;
        c.region = region;
        c.caseNumber = caseNumber;
        c.caseType = required(p, IntakeEvents.CASE_TYPE);
        c.serviceLine = required(p, IntakeEvents.SERVICE_LINE);
        c.district = required(p, IntakeEvents.DISTRICT);
        c.office = orEmpty(text(p, IntakeEvents.OFFICE));
        c.openedDay = day;
        return c;
    }

    static LocalDate day(long millis, ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String text(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v.toString();
    }

    private static String required(Map<String, Object> p, String key) {
        String v = text(p, key);
        if (v == null) {
            throw new IllegalArgumentException("event without " + key);
        }
        return v;
    }

    private static long millis(Map<String, Object> p, String key, long otherwise) {
        return p.get(key) instanceof Number n ? n.longValue() : otherwise;
    }
}
