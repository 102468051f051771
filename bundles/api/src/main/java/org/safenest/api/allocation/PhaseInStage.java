package org.safenest.api.allocation;

import java.util.List;

/**
 * One stage of a phase-in plan, as asked: which units it covers, the staffing it has, and the strategy that allocates
 * them. The stage's strategy sees only the stage's units, with the previous stage's teams as the current assignment
 * (the first stage: the region's current assignment).
 *
 * @param name     what the stage is called ({@code regularised units, half teams})
 * @param units    the codes of the units it covers; empty: every unit of the region
 * @param staffing its staffing; null: the region's
 * @param run      the strategy and parameters that allocate its units
 */
public record PhaseInStage(String name, List<String> units, Staffing staffing, StrategyRun run) {
    public PhaseInStage {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
