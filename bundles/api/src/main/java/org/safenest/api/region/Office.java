package org.safenest.api.region;

import java.util.List;

/**
 * A receiving unit of a region.
 *
 * @param code      stable identifier within the region
 * @param nameZh    Chinese name
 * @param nameEn    English name
 * @param type      kind of unit
 * @param area      the area the office belongs to (Kaohsiung: {@code west-central}, {@code south}, ...), or null
 * @param parent    the code of the office this one reports to for protection matters (a welfare centre's
 *                  protection station), or null
 * @param location  coordinates, or null when unknown
 * @param serves    the districts or district parts it serves
 */
public record Office(String code, String nameZh, String nameEn, OfficeType type, String area, String parent,
        GeoPoint location, List<ServedArea> serves) {
    public Office {
        serves = List.copyOf(serves);
    }
}
