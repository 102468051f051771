package org.safenest.api.allocation;

import java.util.List;
import java.util.Map;

import org.safenest.api.region.DistrictIndicator;

/**
 * Everything a strategy may use, read once per run so that compared strategies see the same data.
 *
 * @param region       the region code
 * @param units        the units to allocate, served or not
 * @param operators    the operators
 * @param currentTeams the current assignment (the adopted plan, else the region's initial one)
 * @param staffing     the region's staffing parameters
 * @param indicators   the district indicators (income, population and any added as data)
 * @param catchments   unit code to catchment id for district-based teams; empty when no catchment data is supplied
 *                     (strategies then use districts)
 * @param synthetic    true when any of this data is generated (pupils, cases, current teams, operators)
 * @param catchmentsSynthetic true when the catchments are derived from coordinates, not published catchment data
 *                     (since 1.2); every plan that uses them must say so
 */
public record AllocationInput(String region, List<AllocationUnit> units, List<Operator> operators,
        List<Team> currentTeams, Staffing staffing, List<DistrictIndicator> indicators, Map<String, String> catchments,
        boolean synthetic, boolean catchmentsSynthetic) {
    public AllocationInput {
        units = List.copyOf(units);
        operators = List.copyOf(operators);
        currentTeams = List.copyOf(currentTeams);
        indicators = List.copyOf(indicators);
        catchments = Map.copyOf(catchments);
    }

    /** An input whose catchments, if any, are published data (the form before 1.2). */
    public AllocationInput(String region, List<AllocationUnit> units, List<Operator> operators, List<Team> currentTeams,
            Staffing staffing, List<DistrictIndicator> indicators, Map<String, String> catchments, boolean synthetic) {
        this(region, units, operators, currentTeams, staffing, indicators, catchments, synthetic, false);
    }
}
