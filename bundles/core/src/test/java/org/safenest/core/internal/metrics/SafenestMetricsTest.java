package org.safenest.core.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.safenest.api.intake.IntakeEvents;

class SafenestMetricsTest {

    @Test
    void endpointsHideIdsButKeepRegionsAndResources() {
        assertEquals("/api/regions/kaohsiung/cases/{id}", SafenestMetrics.endpoint("regions/kaohsiung/cases/KH-2026-000001"));
        assertEquals("/api/regions/kaohsiung/cases/{id}/transfers", SafenestMetrics.endpoint("/regions/kaohsiung/cases/KH-2026-000001/transfers"));
        assertEquals("/api/health/ready", SafenestMetrics.endpoint("health/ready"));
        assertEquals("/api/regions/hong-kong/allocation/plans/{id}", SafenestMetrics.endpoint("regions/hong-kong/allocation/plans/42"));
        assertEquals("/api/regions", SafenestMetrics.endpoint("regions;x=1"));
    }

    @Test
    void intakeEventsAreCountedPerRegionAndScrapedAsText() {
        SafenestMetrics metrics = new SafenestMetrics();
        metrics.handleEvent(new Event(IntakeEvents.CASE_RECEIVED, Map.of(IntakeEvents.REGION, "kaohsiung")));
        metrics.handleEvent(new Event(IntakeEvents.CASE_RECEIVED, Map.of(IntakeEvents.REGION, "kaohsiung")));
        metrics.handleEvent(new Event(IntakeEvents.CASE_DISPATCHED, Map.of(IntakeEvents.REGION, "kaohsiung")));
        metrics.request("GET", "regions/kaohsiung/cases/KH-2026-000001", 200, 0.02);
        metrics.request("GET", "wp-admin/setup-config.php", 404, 0.001);
        metrics.request("GET", "regions", 401, 0.001);
        String text = metrics.scrape();
        assertTrue(text.contains("safenest_reports_received_total{region=\"kaohsiung\",} 2.0"), text);
        assertTrue(text.contains("safenest_reports_dispatched_total{region=\"kaohsiung\",} 1.0"), text);
        assertTrue(text.contains("safenest_http_request_duration_seconds_bucket{method=\"GET\",endpoint=\"/api/regions/kaohsiung/cases/{id}\",status=\"200\",le=\"0.025\",} 1.0"), text);
        assertTrue(text.contains("jvm_memory_bytes_used{area=\"heap\",}"), text);
        assertTrue(text.contains("endpoint=\"(unmatched)\",status=\"404\""), text);
        assertTrue(!text.contains("wp-admin") && !text.contains("endpoint=\"/api/regions\""), text);
    }
}
