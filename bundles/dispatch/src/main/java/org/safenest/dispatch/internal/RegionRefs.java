package org.safenest.dispatch.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safenest.api.intake.CaseType;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.Office;
import org.safenest.api.region.Region;

/**
 * What rule files and reports are checked against, read once from the region service and the case-type
 * catalogue and kept in memory so that a dispatch decision needs no database work: the region's time zone,
 * districts (by code and by name), offices and case types.
 *
 * @param region    the region code
 * @param zone      the region's time zone
 * @param loadedAt  when the region's reference data was loaded (a newer value means the snapshot is stale)
 * @param districts districts by code, in the region's order
 * @param names     districts by Chinese or English name (lower case) and by code
 * @param offices   offices by code
 * @param caseTypes case types by code
 */
public record RegionRefs(String region, ZoneId zone, Instant loadedAt, Map<String, District> districts,
        Map<String, District> names, Map<String, Office> offices, Map<String, CaseType> caseTypes) {

    public static RegionRefs of(Region region, List<District> districts, List<Office> offices, List<CaseType> caseTypes) {
        Map<String, District> byCode = new LinkedHashMap<>();
        Map<String, District> byName = new HashMap<>();
        for (District d : districts) {
            byCode.put(d.code(), d);
        }
        for (District d : districts) {
            byName.putIfAbsent(d.nameZh(), d);
            if (d.nameEn() != null) {
                byName.putIfAbsent(d.nameEn().toLowerCase(java.util.Locale.ROOT), d);
            }
        }
        byName.putAll(byCode);
        Map<String, Office> officeMap = new LinkedHashMap<>();
        offices.forEach(o -> officeMap.put(o.code(), o));
        Map<String, CaseType> types = new LinkedHashMap<>();
        caseTypes.forEach(t -> types.putIfAbsent(t.code(), t));
        ZoneId zone;
        try {
            zone = region.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(region.timeZone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return new RegionRefs(region.code(), zone, region.loadedAt(), Map.copyOf(byCode), Map.copyOf(byName),
                Map.copyOf(officeMap), Map.copyOf(types));
    }

    /** The district by code, or by its Chinese or English name; null when unknown. */
    public District district(String codeOrName) {
        if (codeOrName == null) {
            return null;
        }
        District d = districts.get(codeOrName);
        return d != null ? d : names.get(codeOrName.toLowerCase(java.util.Locale.ROOT));
    }

    /** The part of a district by code; null when the district has no such part. */
    public static DistrictPart part(District district, String code) {
        for (DistrictPart p : district.parts()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        return null;
    }

    /** A district's English name (its code when it has none). */
    public String districtName(String code) {
        District d = districts.get(code);
        return d == null ? code : d.nameEn() == null || d.nameEn().isBlank() ? d.code() : d.nameEn();
    }

    /** An office's code with its English name, as in {@code pc-fengshan (Protection Centre Fengshan station)}. */
    public String officeName(String code) {
        Office o = offices.get(code);
        return o == null || o.nameEn() == null || o.nameEn().isBlank() ? code : code + " (" + o.nameEn() + ")";
    }
}
