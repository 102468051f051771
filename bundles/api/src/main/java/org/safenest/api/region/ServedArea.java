package org.safenest.api.region;

/**
 * A district (or a part of it) that an office serves.
 *
 * @param district the district code
 * @param part     the part code, or null for the whole district
 */
public record ServedArea(String district, String part) {
    public boolean covers(String districtCode, String partCode) {
        return district.equals(districtCode) && (part == null || part.equals(partCode));
    }
}
