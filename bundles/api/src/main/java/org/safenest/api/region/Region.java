package org.safenest.api.region;

import java.time.Instant;

/**
 * A deployment's territory with its reference data.
 *
 * @param code     stable identifier used in URLs ({@code kaohsiung}, {@code hong-kong})
 * @param nameEn   English name
 * @param nameZh   Chinese name
 * @param timeZone the region's time zone (IANA id), used for dates such as received times
 * @param loadedAt when the reference data was last loaded
 * @param source   where the reference data came from (a region bundle and its version, or a folder)
 * @param counts   how many districts, offices, preschools and indicators it holds
 */
public record Region(String code, String nameEn, String nameZh, String timeZone, Instant loadedAt, String source,
        RegionCounts counts) {
}
