package org.safenest.api.allocation;

/**
 * The load of one district under a plan, so that hot-spot districts show.
 *
 * @param district        the district code
 * @param units           units in the district
 * @param unservedUnits   of which no team serves
 * @param pupils          pupils in the district's units
 * @param cases           cases in service in the district's units
 * @param workers         worker capacity serving the district: each team's workers shared among its districts in
 *                        proportion to their pupils
 * @param pupilsPerWorker pupils of served units divided by workers; 0 when no worker serves the district
 * @param overRatio       above the region's pupils-per-worker ratio
 */
public record DistrictLoad(String district, int units, int unservedUnits, int pupils, int cases, double workers,
        double pupilsPerWorker, boolean overRatio) {
}
