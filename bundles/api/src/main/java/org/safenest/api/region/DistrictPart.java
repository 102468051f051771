package org.safenest.api.region;

/**
 * A part of a district served by its own office.
 *
 * @param code        identifier within the district ({@code north}, {@code south})
 * @param description how the part is delimited, in the source's words ({@code 國泰路以北41里})
 */
public record DistrictPart(String code, String description) {
}
