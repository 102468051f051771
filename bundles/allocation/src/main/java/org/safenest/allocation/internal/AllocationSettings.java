package org.safenest.allocation.internal;

import java.util.Map;
import java.util.TreeMap;

import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.TeamSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of PID {@value #PID} ({@code etc/org.safenest.allocation.cfg}), read as one immutable snapshot so
 * that a request sees one consistent configuration from its start to its end:
 *
 * <pre>
 * fallback = retain                      # the strategy used when a region's active one is not installed
 * hong-kong.strategy = retain            # a region's active strategy
 * staffing.pupils-per-worker = 400       # staffing, for every region ...
 * staffing.full-team.units = 16
 * staffing.full-team.workers = 8
 * staffing.full-team.supervisors = 1
 * staffing.half-team.units = 8
 * staffing.half-team.workers = 4
 * staffing.half-team.supervisors = 0.5
 * hong-kong.staffing.pupils-per-worker = 400   # ... or for one region
 * hong-kong.catchments = ${karaf.etc}/hong-kong-catchments.csv   # catchment data (CSV: unit,catchment)
 * </pre>
 *
 * A wrong value is logged and its default used.
 */
public record AllocationSettings(String fallback, Map<String, String> activeStrategies, Map<String, String> values) {

    public static final String PID = "org.safenest.allocation";
    public static final String FALLBACK = "fallback";
    public static final String STRATEGY_SUFFIX = ".strategy";
    public static final String CATCHMENTS_SUFFIX = ".catchments";
    public static final String DEFAULT_FALLBACK = "retain";

    /** The pilot's staffing: 1 worker per 400 pupils; a full team 1 supervisor and 8 workers for 16 units; a half team half. */
    public static final Staffing DEFAULT_STAFFING = new Staffing(400, new TeamSize(16, 8, 1), new TeamSize(8, 4, 0.5));

    private static final Logger LOG = LoggerFactory.getLogger(AllocationSettings.class);

    public AllocationSettings {
        activeStrategies = Map.copyOf(activeStrategies);
        values = Map.copyOf(values);
    }

    /** The settings with nothing configured. */
    public static AllocationSettings defaults() {
        return of(Map.of());
    }

    /** Reads a configuration dictionary (framework keys such as {@code service.pid} are ignored). */
    public static AllocationSettings of(Map<String, ?> config) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> active = new TreeMap<>();
        String fallback = DEFAULT_FALLBACK;
        for (Map.Entry<String, ?> e : config.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.") || key.startsWith("osgi.")
                    || e.getValue() == null) {
                continue;
            }
            String value = String.valueOf(e.getValue()).trim();
            values.put(key, value);
            if (key.equals(FALLBACK)) {
                fallback = value;
            } else if (key.endsWith(STRATEGY_SUFFIX) && key.length() > STRATEGY_SUFFIX.length()) {
                active.put(key.substring(0, key.length() - STRATEGY_SUFFIX.length()), value);
            }
        }
        return new AllocationSettings(fallback, active, values);
    }

    /** The region's active strategy: configured, else the fallback. */
    public String activeStrategy(String region) {
        return activeStrategies.getOrDefault(region, fallback);
    }

    /** The catchment file configured for the region, or null. */
    public String catchmentFile(String region) {
        String v = values.get(region + CATCHMENTS_SUFFIX);
        return v == null || v.isBlank() ? null : v;
    }

    /** The region's staffing: {@code <region>.staffing.*}, else {@code staffing.*}, else the pilot's. */
    public Staffing staffing(String region) {
        Staffing d = DEFAULT_STAFFING;
        int ratio = (int) number(region, "staffing.pupils-per-worker", d.pupilsPerWorker(), 1);
        TeamSize full = new TeamSize((int) number(region, "staffing.full-team.units", d.fullTeam().units(), 1),
                (int) number(region, "staffing.full-team.workers", d.fullTeam().workers(), 1),
                number(region, "staffing.full-team.supervisors", d.fullTeam().supervisors(), 0));
        TeamSize half = new TeamSize((int) number(region, "staffing.half-team.units", d.halfTeam().units(), 1),
                (int) number(region, "staffing.half-team.workers", d.halfTeam().workers(), 1),
                number(region, "staffing.half-team.supervisors", d.halfTeam().supervisors(), 0));
        if (half.units() > full.units() || half.workers() > full.workers()) {
            LOG.error("{}: the half team of region {} ({}) is larger than its full team ({}); using the defaults", PID, region, half, full);
            return d;
        }
        return new Staffing(ratio, full, half);
    }

    private double number(String region, String key, double fallbackValue, double min) {
        String raw = values.get(region + "." + key);
        String used = region + "." + key;
        if (raw == null) {
            raw = values.get(key);
            used = key;
        }
        if (raw == null) {
            return fallbackValue;
        }
        try {
            double v = Double.parseDouble(raw);
            if (v >= min && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.error("{}: '{}' = '{}' is not a number of at least {}; using {}", PID, used, raw, min, fallbackValue);
        return fallbackValue;
    }
}
