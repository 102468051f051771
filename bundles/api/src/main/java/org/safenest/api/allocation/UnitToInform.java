package org.safenest.api.allocation;

import java.util.List;

/**
 * A unit whose operator changed when a plan was adopted, with what a supervisor needs to tell its kindergarten and
 * families: where it is, how many cases are in service there, and which team served it before and serves it now.
 *
 * @param unit          the unit code (the preschool's)
 * @param nameEn        the preschool's English name
 * @param nameZh        its Chinese name
 * @param district      its district code
 * @param cases         cases in service at the unit (SYNTHETIC where the region's data is)
 * @param fromTeam      the team that served it before the adoption
 * @param fromOperators that team's operators
 * @param toTeam        the team that serves it under the plan, or null when the plan leaves it unserved
 * @param toOperators   that team's operators (empty when unserved)
 * @since 1.3
 */
public record UnitToInform(String unit, String nameEn, String nameZh, String district, int cases, String fromTeam,
        List<String> fromOperators, String toTeam, List<String> toOperators) {

    public UnitToInform {
        fromOperators = List.copyOf(fromOperators);
        toOperators = List.copyOf(toOperators);
    }
}
