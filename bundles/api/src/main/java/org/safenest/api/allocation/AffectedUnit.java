package org.safenest.api.allocation;

import java.util.List;

/**
 * A unit whose operator changes under a plan: its families must be consulted and informed first.
 *
 * @param unit           the unit code
 * @param district       its district code
 * @param fromOperators  the operators serving it now (empty when unserved now)
 * @param toOperators    the operators serving it under the plan (empty when unserved under the plan)
 * @param casesAffected  the cases in service there
 */
public record AffectedUnit(String unit, String district, List<String> fromOperators, List<String> toOperators,
        int casesAffected) {
    public AffectedUnit {
        fromOperators = List.copyOf(fromOperators);
        toOperators = List.copyOf(toOperators);
    }
}
