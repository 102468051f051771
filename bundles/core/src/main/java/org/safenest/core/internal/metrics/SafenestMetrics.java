package org.safenest.core.internal.metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.GaugeMetricFamily;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;

/**
 * Safenest's metrics in the Prometheus text format ({@code GET /api/metrics}), kept in a registry of its own (not
 * the Prometheus client's JVM-wide default), so that a restart of this bundle starts afresh. Counted as things
 * happen: requests by endpoint and status with their latency ({@link MetricsFilter}), reports received and
 * dispatched per region (intake's events after commit). Read at each scrape: manual-queue length and overdue
 * follow-ups per region, the outbox lag per consumer, the database pool, JVM memory, GC and threads.
 */
@Component(service = {SafenestMetrics.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=" + IntakeEvents.CASE_RECEIVED,
                EventConstants.EVENT_TOPIC + "=" + IntakeEvents.CASE_DISPATCHED})
public class SafenestMetrics implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SafenestMetrics.class);
    /** The caller the scrape-time counts run as: reads every region, changes nothing. */
    private static final Caller METRICS = new Caller("metrics", EnumSet.of(Role.ADMIN), Set.of());
    /** Path segments that name one thing (a case number, an id): shown as {id} so that endpoints stay few. */
    private static final Pattern ID = Pattern.compile(".*\\d.*");

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final Histogram requests = Histogram.build().name("safenest_http_request_duration_seconds")
            .help("REST requests by method, endpoint (path with ids as {id}) and status, and how long they took")
            .labelNames("method", "endpoint", "status")
            .buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).register(registry);
    private final Counter received = Counter.build().name("safenest_reports_received_total")
            .help("Intake reports received (each opens or joins a case) per region since start").labelNames("region")
            .register(registry);
    private final Counter dispatched = Counter.build().name("safenest_reports_dispatched_total")
            .help("Cases dispatched to a receiving unit per region since start (by rule, by hand, or again)")
            .labelNames("region").register(registry);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RegionService regions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IntakeService intake;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Outbox outbox;

    public SafenestMetrics() {
        new StandardExports().register(registry);
        new MemoryPoolsExports().register(registry);
        new GarbageCollectorExports().register(registry);
        new ThreadExports().register(registry);
        new ScrapeTime().register(registry);
    }

    @Deactivate
    void deactivate() {
        registry.clear();
    }

    /** The endpoint label of requests refused before they reached a resource (401) or that matched none (404). */
    static final String UNMATCHED = "(unmatched)";

    /**
     * Records one REST request. Requests answered 401 or 404 count under {@link #UNMATCHED}: their paths come from
     * anyone (a scanner trying a thousand paths) and would otherwise each add a series.
     */
    public void request(String method, String path, int status, double seconds) {
        String endpoint = status == 401 || status == 404 ? UNMATCHED : endpoint(path);
        requests.labels(method, endpoint, Integer.toString(status)).observe(seconds);
    }

    @Override
    public void handleEvent(Event event) {
        Object region = event.getProperty(IntakeEvents.REGION);
        if (region == null) {
            return;
        }
        if (IntakeEvents.CASE_RECEIVED.equals(event.getTopic())) {
            received.labels(region.toString()).inc();
        } else if (IntakeEvents.CASE_DISPATCHED.equals(event.getTopic())) {
            dispatched.labels(region.toString()).inc();
        }
    }

    /** Every metric in the Prometheus text format 0.0.4. */
    public String scrape() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code /api/regions/kaohsiung/cases/KH-2026-000001} → {@code /api/regions/kaohsiung/cases/{id}}. */
    static String endpoint(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        String[] segments = p.split("/");
        StringBuilder b = new StringBuilder("/api");
        for (String s : segments) {
            if (s.isEmpty()) {
                continue;
            }
            int semi = s.indexOf(';');
            String segment = semi >= 0 ? s.substring(0, semi) : s;
            b.append('/').append(ID.matcher(segment).matches() || segment.length() > 40 ? "{id}" : segment);
        }
        return b.toString();
    }

    /** The figures read when scraped. */
    private final class ScrapeTime extends Collector {
        @Override
        public List<MetricFamilySamples> collect() {
            List<MetricFamilySamples> out = new ArrayList<>();
            RegionService rs = regions;
            IntakeService is = intake;
            if (rs != null && is != null) {
                GaugeMetricFamily queue = new GaugeMetricFamily("safenest_manual_queue_cases",
                        "Cases waiting in the manual queue for a dispatcher, per region", List.of("region"));
                GaugeMetricFamily overdue = new GaugeMetricFamily("safenest_overdue_follow_ups",
                        "Cases whose 10-day follow-up is overdue, per region", List.of("region"));
                try {
                    for (Region r : rs.regions()) {
                        queue.addMetric(List.of(r.code()), is.countCases(METRICS, r.code(),
                                new CaseFilter(null, null, null, null, null, false, true, null, null, 0, 1)));
                        overdue.addMetric(List.of(r.code()), is.countCases(METRICS, r.code(), CaseFilter.overdue(1)));
                    }
                    out.add(queue);
                    out.add(overdue);
                } catch (RuntimeException e) {
                    LOG.debug("Case counts not available for the metrics: {}", e.toString());
                }
            }
            Outbox o = outbox;
            if (o != null) {
                GaugeMetricFamily lag = new GaugeMetricFamily("safenest_outbox_lag_events",
                        "Outbox events written but not yet applied, per installed consumer", List.of("consumer"));
                GaugeMetricFamily head = new GaugeMetricFamily("safenest_outbox_head", "Position of the newest outbox event", List.of());
                try {
                    head.addMetric(List.of(), o.head());
                    for (Outbox.ConsumerState s : o.consumers()) {
                        if (s.registered()) {
                            lag.addMetric(List.of(s.name()), s.lag());
                        }
                    }
                    out.add(lag);
                    out.add(head);
                } catch (RuntimeException e) {
                    LOG.debug("Outbox figures not available for the metrics: {}", e.toString());
                }
            }
            out.addAll(pools());
            return out;
        }
    }

    /** The JDBC connection pools: Commons Pool 2 pools in JMX (pax-jdbc-pool-dbcp2 registers org.ops4j.pax.jdbc.pool.dbcp2:type=GenericObjectPool,name=pool). */
    static List<Collector.MetricFamilySamples> pools() {
        GaugeMetricFamily active = new GaugeMetricFamily("safenest_db_pool_active_connections",
                "Database connections in use, per pool", List.of("pool"));
        GaugeMetricFamily idle = new GaugeMetricFamily("safenest_db_pool_idle_connections",
                "Database connections open and idle, per pool", List.of("pool"));
        GaugeMetricFamily max = new GaugeMetricFamily("safenest_db_pool_max_connections",
                "Most connections the pool opens", List.of("pool"));
        GaugeMetricFamily waiting = new GaugeMetricFamily("safenest_db_pool_waiting_threads",
                "Threads waiting for a connection, per pool", List.of("pool"));
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName name : server.queryNames(new ObjectName("*:type=GenericObjectPool,*"), null)) {
                List<String> pool = List.of(String.valueOf(name.getKeyProperty("name")));
                active.addMetric(pool, ((Number) server.getAttribute(name, "NumActive")).doubleValue());
                idle.addMetric(pool, ((Number) server.getAttribute(name, "NumIdle")).doubleValue());
                max.addMetric(pool, ((Number) server.getAttribute(name, "MaxTotal")).doubleValue());
                waiting.addMetric(pool, ((Number) server.getAttribute(name, "NumWaiters")).doubleValue());
            }
        } catch (Exception e) {
            LOG.debug("Connection pool figures not available: {}", e.toString());
            return Collections.emptyList();
        }
        return List.of(active, idle, max, waiting);
    }
}
