package org.safenest.intake.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;

/**
 * The regions' reference data as intake needs it, kept for {@link #DEFAULT_TTL} after it was read: a reload of a
 * region or a change of its case types is seen by intake at most that long afterwards. An unknown region is
 * never cached ({@link org.safenest.api.error.NotFoundException} each time).
 */
final class RegionDirectory {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    private record Entry(RegionRefs refs, long expiresAt) {
    }

    private final RegionService regions;
    private final CaseTypeCatalogue catalogue;
    private final long ttlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    RegionDirectory(RegionService regions, CaseTypeCatalogue catalogue, Duration ttl) {
        this.regions = regions;
        this.catalogue = catalogue;
        this.ttlNanos = ttl.toNanos();
    }

    /** The region's reference data; NotFoundException for an unknown region. */
    RegionRefs get(String region) {
        long now = System.nanoTime();
        Entry e = cache.get(region);
        if (e != null && now - e.expiresAt < 0) {
            return e.refs;
        }
        Region r = regions.require(region);
        RegionRefs refs = RegionRefs.of(r, regions.districts(region), regions.offices(region), catalogue.caseTypes(region));
        if (ttlNanos > 0) {
            cache.put(region, new Entry(refs, now + ttlNanos));
        }
        return refs;
    }

    /** Forgets everything read, so that the next call reads again. */
    void clear() {
        cache.clear();
    }
}
