package org.safenest.api.allocation;

/**
 * The load of one team under a plan.
 *
 * @param team            the team id
 * @param units           units served
 * @param pupils          pupils in those units
 * @param workers         workers of the team (by its kind)
 * @param pupilsPerWorker pupils divided by workers
 * @param overRatio       above the region's pupils-per-worker ratio
 * @param complete        serves the units its kind is staffed for (16 for a full team, 8 for a half team)
 * @param travelKmMean    mean distance in km from the team's base to its units
 * @param travelKmMax     the largest such distance
 */
public record TeamLoad(String team, int units, int pupils, int workers, double pupilsPerWorker, boolean overRatio,
        boolean complete, double travelKmMean, double travelKmMax) {
}
