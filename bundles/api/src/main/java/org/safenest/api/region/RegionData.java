package org.safenest.api.region;

import java.util.List;

/**
 * A region's whole reference data as read from its files, before it is stored.
 *
 * @param code       the region code
 * @param nameEn     English name
 * @param nameZh     Chinese name
 * @param timeZone   IANA time zone id
 * @param source     a description of where it was read from
 * @param checksum   a digest of the files read, to tell whether they changed
 * @param districts  districts
 * @param offices    offices
 * @param preschools preschools
 * @param indicators district indicators
 * @param catchments the catchment of each preschool, read or derived (since 1.1); empty when the region has none
 */
public record RegionData(String code, String nameEn, String nameZh, String timeZone, String source, String checksum,
        List<District> districts, List<Office> offices, List<Preschool> preschools,
        List<DistrictIndicator> indicators, List<Catchment> catchments) {
    public RegionData {
        districts = List.copyOf(districts);
        offices = List.copyOf(offices);
        preschools = List.copyOf(preschools);
        indicators = List.copyOf(indicators);
        catchments = catchments == null ? List.of() : List.copyOf(catchments);
    }

    /** Region data without catchments (the form before 1.1). */
    public RegionData(String code, String nameEn, String nameZh, String timeZone, String source, String checksum,
            List<District> districts, List<Office> offices, List<Preschool> preschools, List<DistrictIndicator> indicators) {
        this(code, nameEn, nameZh, timeZone, source, checksum, districts, offices, preschools, indicators, List.of());
    }
}
