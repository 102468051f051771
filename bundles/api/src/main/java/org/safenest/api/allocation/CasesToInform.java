package org.safenest.api.allocation;

import java.time.Instant;
import java.util.List;

/**
 * The cases to inform for an adopted plan: every unit served before the adoption whose set of operators the plan
 * changed (or that it left without a team), with its cases; most cases first. Operational, for supervisors: not for
 * publication.
 *
 * @param region        the region
 * @param planId        the adopted (or since superseded) plan
 * @param strategy      the strategy that computed it
 * @param adoptedAt     when it was adopted
 * @param adoptedBy     who adopted it
 * @param before        the assignment it replaced: {@code plan <id>}, or {@code synthetic pilot} for the initial one
 * @param unitCount     units whose operator changed
 * @param caseCount     cases in service at those units
 * @param units         those units
 * @param synthetic     true when cases, pupils or the assignment before are generated data
 * @param notes         what the list is and is not
 * @since 1.3
 */
public record CasesToInform(String region, String planId, String strategy, Instant adoptedAt, String adoptedBy, String before,
        int unitCount, int caseCount, List<UnitToInform> units, boolean synthetic, List<String> notes) {

    public CasesToInform {
        units = List.copyOf(units);
        notes = List.copyOf(notes);
    }
}
