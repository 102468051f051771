package org.safenest.api.region;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and (re)loads the regions' reference data. Every method that takes a region code throws
 * {@link org.safenest.api.error.NotFoundException} for an unknown region.
 */
@ProviderType
public interface RegionService {

    List<Region> regions();

    Optional<Region> region(String code);

    /** The region, or {@link org.safenest.api.error.NotFoundException}. */
    Region require(String code);

    List<District> districts(String region);

    /** The district by code or by its Chinese or English name; empty when the region has no such district. */
    Optional<District> district(String region, String codeOrName);

    List<Office> offices(String region);

    Optional<Office> office(String region, String code);

    /** Preschools of the region, of one district when {@code district} is not null. */
    List<Preschool> preschools(String region, String district);

    /** Indicators of the region, of one indicator key when {@code indicator} is not null. */
    List<DistrictIndicator> indicators(String region, String indicator);

    /**
     * The catchment of each preschool of the region, ordered by preschool code: read from the region's catchment file,
     * or derived from the preschools' coordinates when the region names only how many catchments it has (then each is
     * marked {@link Catchment#synthetic()}); empty when the region has no catchment data. Since 1.1; the default answers
     * none, for implementations written before.
     */
    default List<Catchment> catchments(String region) {
        require(region);
        return List.of();
    }

    /**
     * Loads the region's reference data again from the files it was first loaded from (its region bundle),
     * or, when {@code folder} is not null, from a folder holding files of the same formats (a
     * {@code region.properties} descriptor and the files it names). Replaces the stored data in one
     * transaction: on any error nothing changes and the error names the file and line. Data replaced from a
     * folder is kept across restarts until the region is reloaded from its bundle; data loaded from a bundle is
     * loaded again at start only when the bundle's files changed.
     *
     * @return the region as now stored
     */
    Region reload(String region, Path folder);
}
