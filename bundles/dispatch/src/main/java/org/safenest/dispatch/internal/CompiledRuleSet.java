package org.safenest.dispatch.internal;

import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.intake.ServiceLine;

/**
 * A published version ready for dispatch: its ordinary and fallback rules, each indexed. The first ordinary
 * rule that matches decides; when none does, the first matching fallback; when none does either, nothing
 * matched (manual queue).
 */
public final class CompiledRuleSet {

    /** A matching rule and whether it was a fallback. */
    public record Match(DispatchRule rule, DecisionBasis basis) {
    }

    private final DispatchRuleSet ruleSet;
    private final RuleIndex ordinary;
    private final RuleIndex fallback;

    public CompiledRuleSet(DispatchRuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.ordinary = new RuleIndex(ruleSet.rules().stream().filter(r -> !r.fallback()).toList());
        this.fallback = new RuleIndex(ruleSet.rules().stream().filter(DispatchRule::fallback).toList());
    }

    public DispatchRuleSet ruleSet() {
        return ruleSet;
    }

    /** The rule that decides, or null when none matches. */
    public Match match(String caseType, ServiceLine serviceLine, String district, String part) {
        DispatchRule r = ordinary.first(caseType, serviceLine, district, part);
        if (r != null) {
            return new Match(r, DecisionBasis.RULE);
        }
        r = fallback.first(caseType, serviceLine, district, part);
        return r == null ? null : new Match(r, DecisionBasis.FALLBACK_RULE);
    }

    /** The same decision by a plain scan of the rules in file order. */
    public Match matchLinear(String caseType, ServiceLine serviceLine, String district, String part) {
        DispatchRule r = ordinary.linear(caseType, serviceLine, district, part);
        if (r != null) {
            return new Match(r, DecisionBasis.RULE);
        }
        r = fallback.linear(caseType, serviceLine, district, part);
        return r == null ? null : new Match(r, DecisionBasis.FALLBACK_RULE);
    }
}
