package org.safenest.api.region;

import java.util.List;

/**
 * A district of a region.
 *
 * @param code   stable identifier within the region ({@code fengshan}, {@code kowloon-city})
 * @param nameZh Chinese name as in the source documents ({@code 鳳山區})
 * @param nameEn English name
 * @param parts  named parts when the district is split between offices (Fengshan: north and south of
 *               Guotai Road); empty when whole
 */
public record District(String code, String nameZh, String nameEn, List<DistrictPart> parts) {
    public District {
        parts = List.copyOf(parts);
    }
}
