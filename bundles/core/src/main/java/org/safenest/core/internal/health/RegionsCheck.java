package org.safenest.core.internal.health;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.core.internal.region.RegionLoading;

/**
 * Every installed region has loaded: the region service is active, no region bundle is still being read or failed
 * to load, every installed region bundle is started and its region is stored. TEMPORARILY_UNAVAILABLE while the
 * service waits for the database or a region is loading, CRITICAL when a region's data could not be loaded.
 */
@Component(property = {HealthCheck.NAME + "=Safenest regions",
        HealthCheck.TAGS + "=" + HealthTags.READINESS, HealthCheck.TAGS + "=" + HealthTags.SAFENEST,
        HealthCheck.TAGS + "=regions"})
public class RegionsCheck implements HealthCheck {

    /** The manifest header of a region data bundle (see {@code JpaRegionService}). */
    static final String REGION_HEADER = "Safenest-Region";

    private final BundleContext context;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RegionLoading loading;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RegionService regions;

    @Activate
    public RegionsCheck(BundleContext context) {
        this.context = context;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        RegionLoading l = loading;
        RegionService r = regions;
        if (l == null || r == null) {
            log.temporarilyUnavailable("The region service is not active yet (it waits for the database and JPA)");
            return new Result(log);
        }
        Map<String, String> problems = l.problems();
        problems.forEach((bundle, problem) -> log.critical("Region bundle {} could not be loaded: {}", bundle, problem));
        if (l.loading()) {
            log.temporarilyUnavailable("Region data is being loaded");
        }
        Map<String, String> notStarted = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders("").get(REGION_HEADER) != null && b.getState() != Bundle.ACTIVE
                    && b.getState() != Bundle.UNINSTALLED) {
                notStarted.put(b.getSymbolicName(), state(b.getState()));
            }
        }
        notStarted.forEach((bundle, state) -> log.temporarilyUnavailable("Region bundle {} is {}, not started", bundle, state));
        Set<String> loaded = r.regions().stream().map(Region::code).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (loaded.isEmpty()) {
            log.temporarilyUnavailable("No region is loaded");
        } else {
            log.info("Regions loaded: {}", String.join(", ", loaded));
        }
        return new Result(log);
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "in state " + state;
        };
    }
}
