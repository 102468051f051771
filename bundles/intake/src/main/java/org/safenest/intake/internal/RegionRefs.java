package org.safenest.intake.internal;

import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safenest.api.intake.CaseType;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.Office;
import org.safenest.api.region.Region;

/**
 * What intake checks reports against, read from the region service and the case-type catalogue and kept for a
 * few seconds so that recording a report needs no reference-data query: the region's time zone, its districts
 * (by code and by Chinese or English name), offices and case types.
 */
record RegionRefs(String code, ZoneId zone, Map<String, District> districts, Map<String, District> names,
        Map<String, Office> offices, Map<String, CaseType> caseTypes) {

    static RegionRefs of(Region region, List<District> districts, List<Office> offices, List<CaseType> caseTypes) {
        Map<String, District> byCode = new LinkedHashMap<>();
        Map<String, District> byName = new HashMap<>();
        for (District d : districts) {
            byCode.put(d.code(), d);
        }
        for (District d : districts) {
            if (d.nameZh() != null) {
                byName.putIfAbsent(d.nameZh(), d);
            }
            if (d.nameEn() != null) {
                byName.putIfAbsent(normalise(d.nameEn()), d);
            }
            byName.putIfAbsent(normalise(d.code()), d);
        }
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
        // insertion order kept: messages list codes in the region's own order
        return new RegionRefs(region.code(), zone, Collections.unmodifiableMap(byCode), Map.copyOf(byName),
                Collections.unmodifiableMap(officeMap), Collections.unmodifiableMap(types));
    }

    /** The district by code, or by its Chinese or English name ({@code Fengshan}, {@code Fengshan District}); null when unknown. */
    District district(String codeOrName) {
        if (codeOrName == null) {
            return null;
        }
        District d = districts.get(codeOrName);
        if (d == null) {
            d = names.get(codeOrName.trim());
        }
        return d != null ? d : names.get(normalise(codeOrName));
    }

    /** The part of a district by code (case-insensitive); null when the district has no such part. */
    static DistrictPart part(District district, String code) {
        for (DistrictPart p : district.parts()) {
            if (p.code().equalsIgnoreCase(code.trim())) {
                return p;
            }
        }
        return null;
    }

    static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\s+", " ").trim();
        return n.endsWith(" district") ? n.substring(0, n.length() - " district".length()) : n;
    }
}
