package org.safenest.intake.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.event.Event;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.intake.internal.jpa.CaseEntity;

/**
 * Builds the events of {@link IntakeEvents}: identifiers and codes only, never a summary, a household or child
 * reference or any other free text.
 */
final class Events {

    private final Map<String, Object> props = new HashMap<>();
    private final String topic;

    private Events(String topic) {
        this.topic = topic;
    }

    /** An event about a case, with the properties every event carries. */
    static Events of(String topic, CaseEntity c, String actor) {
        return new Events(topic).with(IntakeEvents.REGION, c.region).with(IntakeEvents.CASE_NUMBER, c.caseNumber)
                .with(IntakeEvents.ACTOR, actor).with(IntakeEvents.CASE_TYPE, c.caseType)
                .with(IntakeEvents.SERVICE_LINE, c.serviceLine).with(IntakeEvents.DISTRICT, c.district)
                .with(IntakeEvents.DISTRICT_PART, c.districtPart).with(IntakeEvents.OFFICE, c.office)
                .with(IntakeEvents.OCCURRED_AT, System.currentTimeMillis());
    }

    /** Sets a property; null values are left out. */
    Events with(String key, Object value) {
        if (value instanceof Instant i) {
            props.put(key, i.toEpochMilli());
        } else if (value instanceof Enum<?> e) {
            props.put(key, e.name());
        } else if (value != null) {
            props.put(key, value);
        }
        return this;
    }

    /** The properties of a dispatch decision. */
    Events decision(DispatchDecision d) {
        return with(IntakeEvents.OFFICE, d.office()).with(IntakeEvents.MANUAL_QUEUE, d.manualQueue())
                .with(IntakeEvents.DECISION_BASIS, d.basis()).with(IntakeEvents.RULE_SET_VERSION, d.ruleSetVersion())
                .with(IntakeEvents.RULE_ID, d.ruleId()).with(IntakeEvents.DECIDED_AT, d.decidedAt());
    }

    Event build() {
        return new Event(topic, props);
    }
}
