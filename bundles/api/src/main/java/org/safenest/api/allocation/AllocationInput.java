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
 */
public record AllocationInput(String region, List<AllocationUnit> units, List<Operator> operators,
        List<Team> currentTeams, Staffing staffing, List<DistrictIndicator> indicators, Map<String, String> catchments,
        boolean synthetic) {
    public AllocationInput {
        units = List.copyOf(units);
        operators = List.copyOf(operators);
        currentTeams = List.copyOf(currentTeams);
        indicators = List.copyOf(indicators);
        catchments = Map.copyOf(catchments);
    }
}
