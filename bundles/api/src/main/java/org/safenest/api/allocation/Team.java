package org.safenest.api.allocation;

import java.util.List;

import org.safenest.api.region.GeoPoint;

/**
 * A team and the units it serves.
 *
 * @param id        identifier within the plan (or the current assignment)
 * @param operators the operators running it; several for a consortium team
 * @param kind      full or half
 * @param units     the codes of the units it serves
 * @param base      where the team works from; travel distances are measured from here
 */
public record Team(String id, List<String> operators, TeamKind kind, List<String> units, GeoPoint base) {
    public Team {
        operators = List.copyOf(operators);
        units = List.copyOf(units);
    }

    /** Run jointly by several operators. */
    public boolean consortium() {
        return operators.size() > 1;
    }
}
