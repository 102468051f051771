package org.safenest.api.allocation;

import org.safenest.api.region.Preschool;

/**
 * A unit (學前單位) to allocate: a preschool with its pupils and the cases in service there.
 *
 * @param preschool       the preschool
 * @param pupils          pupils enrolled
 * @param casesInService  cases in service at the unit: the families to consult and inform before a change
 * @param synthetic       true when pupils and cases are generated (they are not public in Hong Kong)
 */
public record AllocationUnit(Preschool preschool, int pupils, int casesInService, boolean synthetic) {

    /** The unit's code (the preschool's). */
    public String code() {
        return preschool.code();
    }
}
