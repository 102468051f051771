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
 * @param workers               the workers of all the plan's teams (by their kinds; since 1.2)
 * @param unserved              every unit no team serves, with the reason the strategy gave ({@link
 *                              UnservedReason#NOT_GIVEN} when it gave none), most cases first (since 1.2)
 */
public record PlanMetrics(int unitsChangingOperator, int casesAffected, List<AffectedUnit> affectedUnits,
        double pupilsPerWorkerMax, double pupilsPerWorkerMin, double pupilsPerWorkerSpread, int teamsOverRatio,
        int completeTeams, int incompleteTeams, int unservedUnits, double travelKmMean, double travelKmMax,
        List<TeamLoad> teams, List<DistrictLoad> districts, int workers, List<UnservedUnit> unserved) {
    public PlanMetrics {
        affectedUnits = List.copyOf(affectedUnits);
        teams = List.copyOf(teams);
        districts = List.copyOf(districts);
        // metrics stored before 1.2 have neither
        unserved = unserved == null ? List.of() : List.copyOf(unserved);
    }

    /** Metrics in the form before 1.2: workers summed from the teams' loads, no unserved reasons. */
    public PlanMetrics(int unitsChangingOperator, int casesAffected, List<AffectedUnit> affectedUnits,
            double pupilsPerWorkerMax, double pupilsPerWorkerMin, double pupilsPerWorkerSpread, int teamsOverRatio,
            int completeTeams, int incompleteTeams, int unservedUnits, double travelKmMean, double travelKmMax,
            List<TeamLoad> teams, List<DistrictLoad> districts) {
        this(unitsChangingOperator, casesAffected, affectedUnits, pupilsPerWorkerMax, pupilsPerWorkerMin,
                pupilsPerWorkerSpread, teamsOverRatio, completeTeams, incompleteTeams, unservedUnits, travelKmMean,
                travelKmMax, teams, districts, teams.stream().mapToInt(TeamLoad::workers).sum(), List.of());
    }

    /** The unserved units with this reason. */
    public long unserved(UnservedReason reason) {
        return unserved.stream().filter(u -> u.reason() == reason).count();
    }
}
