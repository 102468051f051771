package org.safenest.api.allocation;

import java.util.List;

/**
 * The measures every plan reports, computed the same way for every strategy against the current assignment.
 *
 * @param unitsChangingOperator units whose set of operators changes (continuity)
 * @param casesAffected         cases in service at those units
 * @param affectedUnits         those units, with their cases: the families to consult and inform first
 * @param pupilsPerWorkerMax    the highest pupils per worker of a team
 * @param pupilsPerWorkerMin    the lowest
 * @param pupilsPerWorkerSpread the highest minus the lowest
 * @param teamsOverRatio        teams above the region's pupils-per-worker ratio
 * @param completeTeams         teams serving the units their kind is staffed for
 * @param incompleteTeams       teams serving fewer
 * @param unservedUnits         units no team serves
 * @param travelKmMean          mean distance in km from a team's base to a unit it serves, over all served units
 * @param travelKmMax           the largest such distance
 * @param teams                 the load of each team
 * @param districts             the load of each district
 */
public record PlanMetrics(int unitsChangingOperator, int casesAffected, List<AffectedUnit> affectedUnits,
        double pupilsPerWorkerMax, double pupilsPerWorkerMin, double pupilsPerWorkerSpread, int teamsOverRatio,
        int completeTeams, int incompleteTeams, int unservedUnits, double travelKmMean, double travelKmMax,
        List<TeamLoad> teams, List<DistrictLoad> districts) {
    public PlanMetrics {
        affectedUnits = List.copyOf(affectedUnits);
        teams = List.copyOf(teams);
        districts = List.copyOf(districts);
    }
}
