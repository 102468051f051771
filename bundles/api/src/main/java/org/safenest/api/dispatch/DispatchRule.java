package org.safenest.api.dispatch;

import org.safenest.api.intake.ServiceLine;

/**
 * One rule of a rule set: reports that match go to the target office. A null match field matches anything.
 *
 * @param id          identifier within the rule set ({@code FF-fengshan-north})
 * @param caseType    the case type code matched, or null
 * @param serviceLine the service line matched, or null
 * @param district    the district code matched, or null for every district
 * @param part        the district part code matched, or null for the whole district
 * @param office      the target office code
 * @param fallback    a fallback rule is tried only when no ordinary rule matches
 * @param explanation why this rule exists, in the procedures' words; quoted in decisions
 * @param line        the line of the rule file it was read from, 0 when not read from a file
 */
public record DispatchRule(String id, String caseType, ServiceLine serviceLine, String district, String part,
        String office, boolean fallback, String explanation, int line) {

    /** Whether the rule matches a report of this case type (in this service line) from this district part. */
    public boolean matches(String caseTypeCode, ServiceLine caseServiceLine, String districtCode, String partCode) {
        return (caseType == null || caseType.equals(caseTypeCode))
                && (serviceLine == null || serviceLine == caseServiceLine)
                && (district == null || district.equals(districtCode))
                && (part == null || part.equals(partCode));
    }
}
