package org.safenest.api.region;

/** Sizes of a region's reference data. */
public record RegionCounts(int districts, int offices, int preschools, int indicators) {
}
