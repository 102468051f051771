package org.safenest.dispatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.ServiceLine;

/** The indexed lookup gives exactly the answers of a plain scan in file order, on random 10,000-rule sets. */
class RuleIndexTest {

    private static final int RULES = 10_000;
    private static final int DISTRICTS = 2000;

    static DispatchRuleSet synthetic(long seed) {
        Random random = new Random(seed);
        List<DispatchRule> rules = new ArrayList<>(RULES);
        for (int i = 0; i < RULES; i++) {
            // mostly by case type, some by service line, a few for anything; districts d0..d1999, d0 split in two
            CaseType type = random.nextInt(100) < 85 ? CaseType.DEFAULTS.get(random.nextInt(CaseType.DEFAULTS.size())) : null;
            ServiceLine line = type == null && random.nextInt(10) < 7 || random.nextInt(10) == 0
                    ? ServiceLine.values()[random.nextInt(ServiceLine.values().length)] : null;
            String district = "d" + random.nextInt(DISTRICTS);
            if (random.nextInt(1000) < 5) {
                // a rule for every district, for two case types only
                district = null;
                type = random.nextBoolean() ? CaseType.SEXUAL_HARASSMENT : CaseType.DISABILITY_PROTECTION;
            }
            String part = "d0".equals(district) && random.nextBoolean() ? (random.nextBoolean() ? "north" : "south") : null;
            boolean fallback = random.nextInt(100) < 4;
            rules.add(new DispatchRule("R" + i, type == null ? null : type.code(), line, district, part, "o" + random.nextInt(30),
                    fallback, "", i + 2));
        }
        return new DispatchRuleSet("testland", 1, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1), "synthetic", null, null, null, rules);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20230116})
    void indexedLookupEqualsLinearScan(long seed) {
        CompiledRuleSet set = new CompiledRuleSet(synthetic(seed));
        Random random = new Random(seed * 31 + 7);
        int ordinary = 0;
        int fallback = 0;
        int none = 0;
        for (int q = 0; q < 20_000; q++) {
            CaseType type = CaseType.DEFAULTS.get(random.nextInt(CaseType.DEFAULTS.size()));
            // now and then a district no rule names, or an extra case type with no rule of its own
            String district = random.nextInt(50) == 0 ? "d999" : "d" + random.nextInt(DISTRICTS);
            String part = "d0".equals(district) ? new String[] {null, "north", "south"}[random.nextInt(3)] : null;
            String code = random.nextInt(40) == 0 ? "custom-type" : type.code();
            CompiledRuleSet.Match indexed = set.match(code, type.serviceLine(), district, part);
            CompiledRuleSet.Match linear = set.matchLinear(code, type.serviceLine(), district, part);
            if (linear == null) {
                assertEquals(null, indexed, code + " " + district + " " + part);
                none++;
            } else {
                assertSame(linear.rule(), indexed.rule(), code + " " + district + " " + part);
                assertEquals(linear.basis(), indexed.basis());
                if (linear.basis() == DecisionBasis.RULE) {
                    ordinary++;
                } else {
                    fallback++;
                }
            }
        }
        // the queries exercise every outcome
        assertTrue(ordinary > 5_000 && fallback > 100 && none > 1_000, "ordinary " + ordinary + ", fallback " + fallback + ", none " + none);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void sparseRuleSetsWithFallbacksOnlyAndNoMatch(long seed) {
        // every rule a fallback, for one case type: most queries match nothing
        Random random = new Random(seed);
        List<DispatchRule> rules = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rules.add(new DispatchRule("F" + i, "elder-protection", null, random.nextBoolean() ? null : "d" + random.nextInt(DISTRICTS),
                    null, "o1", true, "", i + 2));
        }
        CompiledRuleSet set = new CompiledRuleSet(new DispatchRuleSet("testland", 1, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1),
                "", null, null, null, rules));
        for (CaseType type : CaseType.DEFAULTS) {
            for (int d = 0; d < DISTRICTS; d++) {
                CompiledRuleSet.Match a = set.match(type.code(), type.serviceLine(), "d" + d, null);
                CompiledRuleSet.Match b = set.matchLinear(type.code(), type.serviceLine(), "d" + d, null);
                assertEquals(b, a);
                assertEquals(type.code().equals("elder-protection"), a != null);
            }
        }
    }
}
