package org.safenest.api.region;

import java.util.Set;

/**
 * A pre-primary unit (kindergarten or kindergarten-cum-child-care centre).
 *
 * @param code     stable identifier within the region (Hong Kong: the school number without its session digits)
 * @param nameEn   English name
 * @param nameZh   Chinese name
 * @param district the district code
 * @param category the kind of unit as published ({@code KINDERGARTEN}, {@code KINDERGARTEN-CUM-CHILD CARE CENTRES})
 * @param sessions the sessions it runs
 * @param location coordinates
 */
public record Preschool(String code, String nameEn, String nameZh, String district, String category,
        Set<PreschoolSession> sessions, GeoPoint location) {
    public Preschool {
        sessions = Set.copyOf(sessions);
    }
}
