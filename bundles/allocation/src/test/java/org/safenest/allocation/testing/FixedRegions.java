package org.safenest.allocation.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.Office;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionCounts;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.RegionService;

/** A RegionService over fixed reference data, for tests outside OSGi. */
public final class FixedRegions implements RegionService {

    private final Map<String, RegionData> data = new ConcurrentHashMap<>();
    private final Map<String, Instant> loadedAt = new ConcurrentHashMap<>();

    public FixedRegions(RegionData... regions) {
        for (RegionData r : regions) {
            put(r);
        }
    }

    /** Adds or replaces a region, as a reload does. */
    public void put(RegionData r) {
        data.put(r.code(), r);
        loadedAt.put(r.code(), Instant.now());
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

    private RegionData get(String code) {
        require(code);
        return data.get(code);
    }

    @Override
    public List<District> districts(String region) {
        return get(region).districts();
    }

    @Override
    public Optional<District> district(String region, String codeOrName) {
        return districts(region).stream().filter(d -> d.code().equals(codeOrName)).findFirst();
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
    public Region reload(String region, Path folder) {
        throw new UnsupportedOperationException("not in tests");
    }
}
