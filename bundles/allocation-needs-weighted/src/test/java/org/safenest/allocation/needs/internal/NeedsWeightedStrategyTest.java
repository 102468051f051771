package org.safenest.allocation.needs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.Plans;
import org.safenest.allocation.testing.SmallInput;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.DistrictLoad;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.allocation.UnservedUnit;
import org.safenest.api.error.InvalidInputException;

class NeedsWeightedStrategyTest {

    private final NeedsWeightedStrategy needs = new NeedsWeightedStrategy();

    /**
     * Full teams of 4 units and 4 workers, half teams of 2 and 2. Two districts of 4 units and 400 pupils each; poor has
     * the lower income. opA serves p1 and p2 now, opB serves r3.
     */
    private static AllocationInput small() {
        SmallInput in = SmallInput.create().staffing(400, 4, 4);
        for (int i = 1; i <= 4; i++) {
            in.unit("p" + i, "poor", i, 0, 100, i);
            in.unit("r" + i, "rich", 20 + i, 0, 100, i);
        }
        return in.indicator("poor", "median-monthly-household-income", 20000).indicator("rich", "median-monthly-household-income", 50000)
                .indicator("poor", "single-parents", 9).indicator("rich", "single-parents", 3)
                .team("A", TeamKind.HALF, List.of("opA"), "p1", "p2")
                .team("B", TeamKind.HALF, List.of("opB"), "r3")
                .build();
    }

    @Test
    void theNeedierDistrictGetsMoreWorkersPerPupil() {
        // 8 workers = 4 half teams shared by need alone; poor weighs 400 x 2, rich 400 x 1: poor gets 3 half teams, rich 1
        AllocationPlan plan = Plans.run(needs, small(), Map.of("workers", "8", "weight.median-monthly-household-income", "-1",
                "coverage", "false"));
        List<Team> poor = plan.teams().stream().filter(t -> t.id().startsWith("poor-")).toList();
        List<Team> rich = plan.teams().stream().filter(t -> t.id().startsWith("rich-")).toList();
        assertEquals(List.of(TeamKind.FULL, TeamKind.HALF), poor.stream().map(Team::kind).toList());
        assertEquals(4, poor.stream().mapToInt(t -> t.units().size()).sum(), "all of poor's units");
        assertEquals(List.of(TeamKind.HALF), rich.stream().map(Team::kind).toList());
        // rich's half team takes 2 of its 4 units: r3, served now, first; then the largest (all 100 pupils): by code
        assertEquals(List.of("r1", "r3"), rich.get(0).units());
        assertEquals(List.of("opB"), rich.get(0).operators());
        assertEquals(Set.of("r2", "r4"), Set.copyOf(plan.unservedUnits()));
        // and says why: rich's one half team has room for 2 of its 4 units
        assertEquals(Set.of("r2", "r4"), plan.metrics().unserved().stream().map(UnservedUnit::unit).collect(Collectors.toSet()));
        assertTrue(plan.metrics().unserved().stream().allMatch(u -> u.reason() == UnservedReason.CAPACITY
                && u.district().equals("rich") && u.detail().contains("1 half teams take 2 of its 4 units")), plan.metrics().unserved().toString());
        DistrictLoad poorLoad = plan.metrics().districts().get(0);
        DistrictLoad richLoad = plan.metrics().districts().get(1);
        assertEquals("poor", poorLoad.district());
        assertEquals(6.0, poorLoad.workers());
        assertTrue(poorLoad.pupilsPerWorker() < richLoad.pupilsPerWorker());
        assertTrue(poor.stream().anyMatch(t -> t.operators().equals(List.of("opA"))), "the team with p1 and p2 stays with opA");
    }

    @Test
    void withoutNeedCapacityFollowsPupilsAndAnyIndicatorCanWeigh() {
        AllocationPlan even = Plans.run(needs, small(), Map.of("workers", "8", "need-factor", "0", "coverage", "false"));
        assertEquals(0, even.metrics().unservedUnits());
        assertEquals(2, even.teams().size());
        // an indicator added as data: more single parents = more need, here in "poor" too
        AllocationPlan byParents = Plans.run(needs, small(), Map.of("workers", "8", "weight.single-parents", "2", "coverage", "false"));
        assertEquals(2, byParents.teams().stream().filter(t -> t.id().startsWith("poor-")).count());
        assertTrue(byParents.notes().get(0).contains("single-parents"));
    }

    @Test
    void coverageFirstServesEveryUnitAndNeedSharesOnlyWhatIsLeft() {
        // default workers = coverage: 2 half teams per district serve all 4 units of each; nothing left for need
        AllocationPlan covered = Plans.run(needs, small(), Map.of());
        assertEquals(0, covered.metrics().unservedUnits());
        assertEquals(8, covered.metrics().workers());
        assertTrue(covered.notes().stream().anyMatch(n -> n.contains("need decides none of them")), covered.notes().toString());
        // 12 workers: coverage takes 8, the other 2 half teams go to the needier district
        AllocationPlan more = Plans.run(needs, small(), Map.of("workers", "12"));
        assertEquals(0, more.metrics().unservedUnits());
        DistrictLoad poor = more.metrics().districts().get(0);
        DistrictLoad rich = more.metrics().districts().get(1);
        assertEquals(8.0, poor.workers());
        assertEquals(4.0, rich.workers());
        // fewer workers than coverage needs: shared by need, the units left reported for capacity
        AllocationPlan short6 = Plans.run(needs, small(), Map.of("workers", "6"));
        assertEquals(2, short6.metrics().unservedUnits());
        assertEquals(2, short6.metrics().unserved(UnservedReason.CAPACITY));
    }

    @Test
    void wrongWeightsAndWorkersAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> needs.plan(small(), Map.of("weight.drug-abuse", "1")));
        assertEquals("parameters.weight.drug-abuse", e.errors().get(0).field());
        assertEquals("unknown-indicator", e.errors().get(0).code());
        assertThrows(InvalidInputException.class, () -> needs.plan(small(), Map.of("weight.population", "lots")));
        assertThrows(InvalidInputException.class, () -> needs.plan(small(), Map.of("workers", "many")));
    }

    @Test
    void needIndexScalesEachIndicatorAndTurnsNegativeWeights() {
        Map<String, Double> need = NeedsWeightedStrategy.needIndex(small().indicators(),
                Map.of("median-monthly-household-income", -1.0, "single-parents", 1.0), Set.of("poor", "rich", "nodata"));
        assertEquals(1.0, need.get("poor"));
        assertEquals(0.0, need.get("rich"));
        assertEquals(0.5, need.get("nodata"));
    }

    @Test
    void hongKongServesEveryUnitWithTheOthersStaffingOrSaysWhatNeedAloneLeaves() {
        AllocationInput hk = HongKong.input();
        AllocationPlan plan = Plans.run(needs, hk, Map.of());
        // the staffing the district strategy counts: the fewest teams serving every unit of each district
        assertEquals(544, plan.metrics().workers());
        assertEquals(0, plan.metrics().unservedUnits());
        assertTrue(plan.teams().stream().allMatch(t -> Plans.districts(t, hk).size() == 1));
        // the pre-1.2 default (full teams for all units, 520 workers, shared by need alone) leaves units, and says why
        plan = Plans.run(needs, hk, Map.of("workers", "units", "coverage", "false"));
        assertEquals(520, plan.metrics().workers());
        Map<String, Double> need = NeedsWeightedStrategy.needIndex(hk.indicators(),
                Map.of("median-monthly-household-income", -1.0, "population", 1.0), Plans.districtCodes(hk));
        String neediest = need.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String least = need.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        DistrictLoad n = plan.metrics().districts().stream().filter(d -> d.district().equals(neediest)).findFirst().orElseThrow();
        DistrictLoad l = plan.metrics().districts().stream().filter(d -> d.district().equals(least)).findFirst().orElseThrow();
        assertTrue(n.workers() / n.pupils() > l.workers() / l.pupils(), neediest + " " + n + " vs " + least + " " + l);
        assertTrue(plan.metrics().unservedUnits() > 0, "the same workers cannot serve every unit once shared by need");
        assertEquals(plan.metrics().unservedUnits(), plan.metrics().unserved(UnservedReason.CAPACITY));
    }
}
