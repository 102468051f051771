package org.safenest.api.intake;

import java.time.Instant;

/**
 * A report that opened a case, with what it was dispatched on and what the dispatch decided: the input of a replay of
 * the dispatch rules (a rule-set draft's impact preview). Holds no personal data.
 *
 * @param caseNumber     the case the report opened
 * @param receivedAt     when the report was received (the dispatch's date)
 * @param caseType       the case type code the report was dispatched on (the case's type may have changed since)
 * @param district       the district code
 * @param districtPart   the district part code, or null
 * @param office         the office the report was dispatched to, or null when it went to the manual dispatch queue
 * @param ruleSetVersion the rule-set version that decided (0 when none was in force)
 */
public record DispatchedReport(String caseNumber, Instant receivedAt, String caseType, String district, String districtPart,
        String office, int ruleSetVersion) {
}
