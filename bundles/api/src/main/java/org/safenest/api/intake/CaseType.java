package org.safenest.api.intake;

import java.util.List;

/**
 * A kind of report the intake window handles. {@link #DEFAULTS} holds the list of the Kaohsiung dispatch
 * procedures (案件分派作業程序); a region can add its own by configuration (see {@link CaseTypeCatalogue}).
 *
 * @param code        stable identifier used in reports, rules and URLs ({@code child-protection})
 * @param nameZh      Chinese name as in the source documents ({@code 兒少保護})
 * @param nameEn      English name
 * @param serviceLine the service it belongs to
 */
public record CaseType(String code, String nameZh, String nameEn, ServiceLine serviceLine) {

    public static final CaseType DOMESTIC_VIOLENCE =
            new CaseType("domestic-violence", "家庭暴力", "Domestic violence", ServiceLine.ADULT_PROTECTION);
    public static final CaseType DISABILITY_PROTECTION =
            new CaseType("disability-protection", "身障保護", "Protection of persons with disabilities",
                    ServiceLine.ADULT_PROTECTION);
    public static final CaseType ELDER_PROTECTION =
            new CaseType("elder-protection", "老人保護", "Elder protection", ServiceLine.ADULT_PROTECTION);
    /** Child and youth protection, drug-related cases (毒品) included. */
    public static final CaseType CHILD_PROTECTION =
            new CaseType("child-protection", "兒少保護", "Child and youth protection", ServiceLine.CHILD_PROTECTION);
    public static final CaseType SEXUAL_ASSAULT =
            new CaseType("sexual-assault", "性侵害", "Sexual assault", ServiceLine.SEXUAL_MISCONDUCT);
    public static final CaseType SEXUAL_EXPLOITATION =
            new CaseType("sexual-exploitation", "性剝削", "Sexual exploitation", ServiceLine.SEXUAL_MISCONDUCT);
    public static final CaseType SEXUAL_HARASSMENT =
            new CaseType("sexual-harassment", "性騷擾", "Sexual harassment", ServiceLine.SEXUAL_MISCONDUCT);
    public static final CaseType FRAGILE_FAMILY =
            new CaseType("fragile-family", "脆弱家庭通報", "Fragile family report", ServiceLine.FRAGILE_FAMILY);

    /** The case types every region has, in the order of the dispatch procedures. */
    public static final List<CaseType> DEFAULTS = List.of(DOMESTIC_VIOLENCE, DISABILITY_PROTECTION,
            ELDER_PROTECTION, CHILD_PROTECTION, SEXUAL_ASSAULT, SEXUAL_EXPLOITATION, SEXUAL_HARASSMENT,
            FRAGILE_FAMILY);
}
