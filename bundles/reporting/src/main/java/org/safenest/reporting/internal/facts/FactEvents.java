package org.safenest.reporting.internal.facts;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.region.RegionService;

/**
 * Subscribes to every intake event and hands it to the {@link FactCollector}: reporting learns of cases, dispatch
 * decisions, transfers, disputes and follow-ups from events, with no compile or table dependency on intake.
 * Events posted while reporting is not installed are not counted.
 */
@Component(service = {EventHandler.class, FactEvents.class}, property = EventConstants.EVENT_TOPIC + "=" + IntakeEvents.TOPIC_ALL)
public class FactEvents implements EventHandler {

    /** How long a stop waits for queued events to be written. */
    static final long STOP_WAIT_MS = 30_000;

    private final FactCollector collector;

    @Activate
    public FactEvents(@Reference FactStore store, @Reference RegionService regions) {
        Map<String, ZoneId> zones = new ConcurrentHashMap<>();
        this.collector = new FactCollector(store, new FactWriter(
                region -> zones.computeIfAbsent(region, r -> ZoneId.of(regions.require(r).timeZone()))));
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> props = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!EventConstants.EVENT_TOPIC.equals(name)) {
                props.put(name, event.getProperty(name));
            }
        }
        collector.accept(event.getTopic(), props);
    }

    /** The collector, for status output. */
    public FactCollector collector() {
        return collector;
    }

    @Deactivate
    void deactivate() {
        collector.stop(STOP_WAIT_MS);
    }
}
