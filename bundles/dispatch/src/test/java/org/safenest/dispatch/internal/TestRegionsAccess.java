package org.safenest.dispatch.internal;

import org.safenest.api.region.RegionService;
import org.safenest.api.region.RegionData;

/** {@link TestRegions} for the tests of other packages. */
public final class TestRegionsAccess {

    private TestRegionsAccess() {
    }

    /** Testland with 5 districts and 8 offices. */
    public static RegionData testland() {
        return TestRegions.testland(5, 8);
    }

    public static RegionRefs refs(RegionService regions, String region) {
        return TestRegions.refs(regions, region);
    }
}
