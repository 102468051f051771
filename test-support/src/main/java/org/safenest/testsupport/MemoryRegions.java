package org.safenest.testsupport;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.District;
import org.safenest.api.region.Catchment;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.Office;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionCounts;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.RegionService;

/**
 * The platform's {@link RegionService} over reference data held in memory, for tests outside OSGi: the same
 * answers as the stored regions (sorted by code, districts found by code or either name, {@link NotFoundException}
 * for an unknown region), without a database. {@link #put} replaces a region as a reload would. Not final, so that
 * a test can count or change what a method answers.
 */
public class MemoryRegions implements RegionService {

    private final Map<String, RegionData> data = new ConcurrentHashMap<>();
    private final Map<String, Instant> loadedAt = new ConcurrentHashMap<>();

    public MemoryRegions(RegionData... regions) {
        for (RegionData r : regions) {
            put(r);
        }
    }

    /** A region's data with the given districts and offices and nothing else (synthetic source and checksum). */
    public static RegionData region(String code, String nameEn, String nameZh, String timeZone, List<District> districts,
            List<Office> offices) {
        return new RegionData(code, nameEn, nameZh, timeZone, "synthetic test data", "synthetic", districts, offices, List.of(),
                List.of());
    }

    /** Adds or replaces a region, as a reload does, loaded now. */
    public void put(RegionData region) {
        put(region, Instant.now());
    }

    /** Adds or replaces a region with the time it counts as loaded (what caches of region data compare). */
    public void put(RegionData region, Instant loaded) {
        data.put(region.code(), region);
        loadedAt.put(region.code(), loaded);
    }

    private RegionData get(String code) {
        RegionData r = code == null ? null : data.get(code);
        if (r == null) {
            throw new NotFoundException("region", code);
        }
        return r;
    }

    @Override
    public List<Region> regions() {
        return data.keySet().stream().sorted().map(this::require).toList();
    }

    @Override
    public Optional<Region> region(String code) {
        RegionData r = code == null ? null : data.get(code);
        return r == null ? Optional.empty() : Optional.of(new Region(r.code(), r.nameEn(), r.nameZh(), r.timeZone(), loadedAt.get(code),
                r.source(), new RegionCounts(r.districts().size(), r.offices().size(), r.preschools().size(), r.indicators().size())));
    }

    @Override
    public Region require(String code) {
        return region(code).orElseThrow(() -> new NotFoundException("region", code));
    }

    @Override
    public List<District> districts(String region) {
        return get(region).districts();
    }

    @Override
    public Optional<District> district(String region, String codeOrName) {
        return districts(region).stream().filter(d -> d.code().equals(codeOrName) || d.nameZh().equals(codeOrName)
                || d.nameEn().equalsIgnoreCase(codeOrName)).findFirst();
    }

    @Override
    public List<Office> offices(String region) {
        return get(region).offices();
    }

    @Override
    public Optional<Office> office(String region, String code) {
        return offices(region).stream().filter(o -> o.code().equals(code)).findFirst();
    }

    @Override
    public List<Preschool> preschools(String region, String district) {
        return get(region).preschools().stream().filter(p -> district == null || p.district().equals(district)).toList();
    }

    @Override
    public List<DistrictIndicator> indicators(String region, String indicator) {
        return get(region).indicators().stream().filter(i -> indicator == null || i.indicator().equals(indicator)).toList();
    }

    @Override
    public List<Catchment> catchments(String region) {
        return get(region).catchments();
    }

    /**
     * Loads the region again from what it was loaded from: in memory, the same data, loaded now. A folder of files
     * is not read here (that is core's region reader): use {@link #put} with the data a test wants instead.
     */
    @Override
    public Region reload(String region, Path folder) {
        if (folder != null) {
            throw new IllegalArgumentException("in-memory regions are not read from folders; put() the data instead: " + folder);
        }
        put(get(region));
        return require(region);
    }}
