package org.safenest.core.internal.region;

import java.util.Map;

/** The state of the background loading of region bundles, for the health check. */
public interface RegionLoading {

    /** Region bundles whose data could not be loaded, with the reason. */
    Map<String, String> problems();

    /** Whether a region bundle is still being read. */
    boolean loading();
}
