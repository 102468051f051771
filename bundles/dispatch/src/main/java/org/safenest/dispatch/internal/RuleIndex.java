package org.safenest.dispatch.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.intake.ServiceLine;

/**
 * Finds the first rule, in file order, that matches a report, without scanning every rule. The rules are
 * split by (district or any, case type or any) into four disjoint partitions per query, each holding rule
 * positions in ascending order; only these partitions can hold a match, so the first match is the smallest
 * position among each partition's first match. A rule set of 10,000 rules spread over districts and case
 * types is searched in a few dozen comparisons.
 */
final class RuleIndex {

    private static final String ANY = "";
    private static final int[] NONE = new int[0];

    private final DispatchRule[] rules;
    /** district (or ANY) -> case type (or ANY) -> positions, ascending. */
    private final Map<String, Map<String, int[]>> partitions;

    RuleIndex(List<DispatchRule> rules) {
        this.rules = rules.toArray(new DispatchRule[0]);
        Map<String, Map<String, List<Integer>>> lists = new HashMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            DispatchRule r = this.rules[i];
            lists.computeIfAbsent(r.district() == null ? ANY : r.district(), k -> new HashMap<>())
                    .computeIfAbsent(r.caseType() == null ? ANY : r.caseType(), k -> new ArrayList<>()).add(i);
        }
        Map<String, Map<String, int[]>> built = new HashMap<>();
        lists.forEach((district, byType) -> {
            Map<String, int[]> inner = new HashMap<>();
            byType.forEach((type, positions) -> inner.put(type, positions.stream().mapToInt(Integer::intValue).toArray()));
            built.put(district, Map.copyOf(inner));
        });
        this.partitions = Map.copyOf(built);
    }

    int size() {
        return rules.length;
    }

    /** The first rule in file order that matches, or null. */
    DispatchRule first(String caseType, ServiceLine serviceLine, String district, String part) {
        return first(caseType, serviceLine, district, part, r -> true);
    }

    /** The first rule in file order that matches and that {@code accept} takes, or null. */
    DispatchRule first(String caseType, ServiceLine serviceLine, String district, String part, Predicate<DispatchRule> accept) {
        int best = Integer.MAX_VALUE;
        Map<String, int[]> specific = district == null ? null : partitions.get(district);
        if (specific != null) {
            best = first(caseType == null ? NONE : specific.getOrDefault(caseType, NONE), best, caseType, serviceLine, district, part, accept);
            best = first(specific.getOrDefault(ANY, NONE), best, caseType, serviceLine, district, part, accept);
        }
        Map<String, int[]> anyDistrict = partitions.get(ANY);
        if (anyDistrict != null) {
            best = first(caseType == null ? NONE : anyDistrict.getOrDefault(caseType, NONE), best, caseType, serviceLine, district, part, accept);
            best = first(anyDistrict.getOrDefault(ANY, NONE), best, caseType, serviceLine, district, part, accept);
        }
        return best == Integer.MAX_VALUE ? null : rules[best];
    }

    private int first(int[] positions, int best, String caseType, ServiceLine serviceLine, String district, String part,
            Predicate<DispatchRule> accept) {
        for (int p : positions) {
            if (p >= best) {
                return best;
            }
            if (rules[p].matches(caseType, serviceLine, district, part) && accept.test(rules[p])) {
                return p;
            }
        }
        return best;
    }

    /** The same answer by a plain scan in file order (for tests and as the definition). */
    DispatchRule linear(String caseType, ServiceLine serviceLine, String district, String part) {
        return linear(caseType, serviceLine, district, part, r -> true);
    }

    DispatchRule linear(String caseType, ServiceLine serviceLine, String district, String part, Predicate<DispatchRule> accept) {
        for (DispatchRule r : rules) {
            if (r.matches(caseType, serviceLine, district, part) && accept.test(r)) {
                return r;
            }
        }
        return null;
    }
}
