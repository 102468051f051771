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

    /** A matching rule, whether it was a fallback, and the office it sends the report to. */
    public record Match(DispatchRule rule, DecisionBasis basis, String office) {
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

    /** The rule that decides, or null when none matches (rules naming an office code only). */
    public Match match(String caseType, ServiceLine serviceLine, String district, String part) {
        return match(caseType, serviceLine, district, part, null);
    }

    /**
     * The rule that decides, or null when none matches. A rule whose office is a route ({@code serving:<type>}, see
     * {@link OfficeRoutes}) matches only when an office of that type in {@code refs} serves the district (or part).
     */
    public Match match(String caseType, ServiceLine serviceLine, String district, String part, RegionRefs refs) {
        java.util.function.Predicate<DispatchRule> resolvable = r -> OfficeRoutes.resolve(r.office(), refs, district, part) != null;
        DispatchRule r = ordinary.first(caseType, serviceLine, district, part, resolvable);
        if (r != null) {
            return new Match(r, DecisionBasis.RULE, OfficeRoutes.resolve(r.office(), refs, district, part));
        }
        r = fallback.first(caseType, serviceLine, district, part, resolvable);
        return r == null ? null : new Match(r, DecisionBasis.FALLBACK_RULE, OfficeRoutes.resolve(r.office(), refs, district, part));
    }

    /** The same decision by a plain scan of the rules in file order. */
    public Match matchLinear(String caseType, ServiceLine serviceLine, String district, String part) {
        return matchLinear(caseType, serviceLine, district, part, null);
    }

    /** The same decision by a plain scan of the rules in file order. */
    public Match matchLinear(String caseType, ServiceLine serviceLine, String district, String part, RegionRefs refs) {
        java.util.function.Predicate<DispatchRule> resolvable = r -> OfficeRoutes.resolve(r.office(), refs, district, part) != null;
        DispatchRule r = ordinary.linear(caseType, serviceLine, district, part, resolvable);
        if (r != null) {
            return new Match(r, DecisionBasis.RULE, OfficeRoutes.resolve(r.office(), refs, district, part));
        }
        r = fallback.linear(caseType, serviceLine, district, part, resolvable);
        return r == null ? null : new Match(r, DecisionBasis.FALLBACK_RULE, OfficeRoutes.resolve(r.office(), refs, district, part));
    }
}
