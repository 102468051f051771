package org.safenest.api.allocation;

import java.util.List;

/**
 * What moving from one stage of a phase-in to the next costs: the units served in the earlier stage whose set of
 * operators differs in the later one (another operator, a tendered team, or no team), with their cases; and the units
 * the later stage serves that the earlier did not (no family in service changes operator there).
 *
 * @param unitsChangingOperator units served in the earlier stage whose operators change
 * @param casesAffected         the cases in service at those units
 * @param unitsAdded            units served in the later stage and not in the earlier one
 * @param affectedUnits         the changing units, most cases first: the families to consult and inform before the move
 */
public record StageTransition(int unitsChangingOperator, int casesAffected, int unitsAdded, List<AffectedUnit> affectedUnits) {
    public StageTransition {
        affectedUnits = List.copyOf(affectedUnits);
    }
}
