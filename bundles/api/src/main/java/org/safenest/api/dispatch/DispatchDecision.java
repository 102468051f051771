package org.safenest.api.dispatch;

import java.time.Instant;

/**
 * Where a case was sent and why. Kept with the case; publishing a new rule-set version does not change it.
 *
 * @param office         the receiving office code, or null when the case went to the manual dispatch queue
 * @param manualQueue    true when no rule matched and the case waits for a dispatcher (office is null)
 * @param ruleSetVersion the version of the rule set in force at the received time, 0 when there was none
 * @param ruleId         the rule that matched, or null ({@link DecisionBasis#NO_RULE}, {@link DecisionBasis#BY_HAND})
 * @param basis          what the decision rests on
 * @param explanation    a human-readable explanation ({@code fragile-family report from Fengshan (north of Guotai
 *                       Road) goes to the Fengshan welfare centre: rule FF-fengshan-north of version 8, in force
 *                       since 2023-01-16}); for a decision by hand, the dispatcher's reason
 * @param decidedAt      when it was decided
 * @param decidedBy      {@code system} for a decision by the rules, else the dispatcher
 */
public record DispatchDecision(String office, boolean manualQueue, int ruleSetVersion, String ruleId,
        DecisionBasis basis, String explanation, Instant decidedAt, String decidedBy) {
}
