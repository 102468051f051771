package org.safenest.allocation.district.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.support.Teams;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.Plans;
import org.safenest.allocation.testing.SmallInput;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.error.InvalidInputException;

class DistrictStrategyTest {

    private final DistrictStrategy district = new DistrictStrategy();

    /**
     * Full teams of 4 units, half teams of 2. d1 has 7 units: opA serves 2, the consortium opB+opC 2 (more cases), opD 1.
     * d2 has 3 units nobody serves.
     */
    private static SmallInput small() {
        SmallInput in = SmallInput.create().staffing(400, 4, 4);
        for (int i = 0; i < 7; i++) {
            in.unit("a" + i, "d1", i, 0, 100, i < 2 ? 1 : 9);
        }
        in.unit("x1", "d2", 30, 0, 50, 0).unit("x2", "d2", 31, 0, 50, 0).unit("x3", "d2", 32, 0, 50, 0);
        return in.team("TA", TeamKind.HALF, List.of("opA"), "a0", "a1")
                .team("TB", TeamKind.HALF, List.of("opB", "opC"), "a2", "a3")
                .team("TD", TeamKind.HALF, List.of("opD"), "a4");
    }

    @Test
    void eachDistrictGoesToTheOperatorServingMostOfItsUnits() {
        AllocationPlan plan = Plans.run(district, small().build(), Map.of());
        // opA, opB and opC each serve 2 units of d1; opB and opC have more cases; opB has the lower id
        List<Team> d1 = plan.teams().stream().filter(t -> t.id().startsWith("d1-")).toList();
        assertEquals(2, d1.size(), "7 units: one full team of 4 and one more full team for the 3 left (more than a half team's 2)");
        assertTrue(d1.stream().allMatch(t -> t.operators().equals(List.of("opB")) && t.kind() == TeamKind.FULL));
        assertEquals(Set.of(3, 4), Set.of(d1.get(0).units().size(), d1.get(1).units().size()));
        List<Team> d2 = plan.teams().stream().filter(t -> t.id().startsWith("d2-")).toList();
        assertEquals(1, d2.size(), "3 units: more than a half team takes, so one full team");
        assertTrue(d2.stream().allMatch(t -> t.operators().equals(List.of(Teams.TENDER))));
        assertEquals(0, plan.metrics().unservedUnits());
        // a0, a1 (opA), a2, a3 (opB+opC -> opB) and a4 (opD) change operator
        assertEquals(5, plan.metrics().unitsChangingOperator());
        assertEquals(1 + 1 + 9 + 9 + 9, plan.metrics().casesAffected());
    }

    @Test
    void catchmentDataReplacesDistricts() {
        SmallInput in = small();
        for (int i = 0; i < 7; i++) {
            in.catchment("a" + i, i < 2 ? "north" : "south");
        }
        AllocationInput input = in.build();
        AllocationPlan plan = Plans.run(district, input, Map.of());
        Map<String, Team> teamOf = Plans.teamOf(plan);
        assertEquals(List.of("opA"), teamOf.get("a0").operators(), "north: a0 and a1, both opA's");
        assertEquals("north-1", teamOf.get("a0").id());
        assertEquals(TeamKind.HALF, teamOf.get("a0").kind());
        assertEquals(List.of("opB"), teamOf.get("a2").operators());
        assertTrue(teamOf.get("x1").id().startsWith("d2-"), "units without catchment data keep their district");
        AllocationPlan byDistrict = Plans.run(district, input, Map.of("catchments", "district"));
        assertEquals("d1-1", Plans.teamOf(byDistrict).get("a0").id().substring(0, 4));
        assertThrows(InvalidInputException.class, () -> district.plan(input, Map.of("catchments", "ifsc")));
    }

    @Test
    void hongKongHasOneOperatorPerDistrictTheOneServingMost() {
        AllocationInput hk = HongKong.input();
        AllocationPlan plan = Plans.run(district, hk, Map.of("catchments", "district"));
        assertEquals(0, plan.metrics().unservedUnits());
        Map<String, Set<String>> operatorsByDistrict = new TreeMap<>();
        for (Team t : plan.teams()) {
            Set<String> districts = Plans.districts(t, hk);
            assertEquals(1, districts.size(), t.id() + " stays in its district");
            assertTrue(t.units().size() <= hk.staffing().size(t.kind()).units());
            operatorsByDistrict.computeIfAbsent(districts.iterator().next(), d -> new HashSet<>()).addAll(t.operators());
        }
        assertEquals(18, operatorsByDistrict.size());
        // independently: count the units each operator serves per district in the pilot
        Map<String, Map<String, Integer>> served = new HashMap<>();
        Map<String, String> districtOf = new HashMap<>();
        hk.units().forEach(u -> districtOf.put(u.code(), u.preschool().district()));
        for (Team t : hk.currentTeams()) {
            for (String u : t.units()) {
                for (String op : t.operators()) {
                    served.computeIfAbsent(districtOf.get(u), d -> new HashMap<>()).merge(op, 1, Integer::sum);
                }
            }
        }
        operatorsByDistrict.forEach((d, ops) -> {
            assertEquals(1, ops.size(), d);
            if (served.get(d) == null) {
                assertEquals(Set.of(Teams.TENDER), ops, d + ": no pilot team serves it, so it is tendered");
                return;
            }
            int most = served.get(d).values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertEquals(most, served.get(d).get(ops.iterator().next()), d + ": the chosen operator serves the most units");
        });
        int units = hk.units().size();
        assertEquals(units, plan.teams().stream().mapToInt(t -> t.units().size()).sum());
        assertTrue(plan.metrics().unitsChangingOperator() > 300, "districtisation breaks many relationships: "
                + plan.metrics().unitsChangingOperator());
        assertEquals(hk.units().stream().filter(u -> plan.metrics().affectedUnits().stream().anyMatch(a -> a.unit().equals(u.code())))
                .mapToInt(AllocationUnit::casesInService).sum(), plan.metrics().casesAffected());
    }

    @Test
    void hongKongBy18DistrictsAndBy65SyntheticCatchmentsEveryUnitServed() {
        AllocationInput hk = HongKong.input();
        AllocationPlan byDistrict = Plans.run(district, hk, Map.of("catchments", "district"));
        AllocationPlan byCatchment = Plans.run(district, hk, Map.of()); // auto: the region's (derived) catchments
        for (AllocationPlan p : List.of(byDistrict, byCatchment)) {
            assertEquals(0, p.metrics().unservedUnits());
            assertEquals(List.of(), p.metrics().unserved());
        }
        assertEquals(544, byDistrict.metrics().workers());
        assertTrue(byCatchment.notes().get(0).startsWith("65 catchments (SYNTHETIC catchments derived"), byCatchment.notes().get(0));
        // each catchment whole to one operator; no team crosses a catchment
        Map<String, Set<String>> operatorsByCatchment = new TreeMap<>();
        for (Team t : byCatchment.teams()) {
            Set<String> cs = new HashSet<>();
            t.units().forEach(u -> cs.add(hk.catchments().get(u)));
            assertEquals(1, cs.size(), t.id());
            operatorsByCatchment.computeIfAbsent(cs.iterator().next(), c -> new HashSet<>()).addAll(t.operators());
        }
        assertEquals(65, operatorsByCatchment.size());
        operatorsByCatchment.forEach((c, ops) -> assertEquals(1, ops.size(), c));
        // smaller areas than districts: more teams that are not complete, and more workers for the same units
        assertTrue(byCatchment.metrics().incompleteTeams() > byDistrict.metrics().incompleteTeams(),
                byCatchment.metrics().incompleteTeams() + " vs " + byDistrict.metrics().incompleteTeams());
        assertTrue(byCatchment.metrics().workers() > byDistrict.metrics().workers());
        System.out.printf("districts: teams %d incomplete %d workers %d changing %d cases %d%ncatchments: teams %d incomplete %d "
                + "workers %d changing %d cases %d%n", byDistrict.teams().size(), byDistrict.metrics().incompleteTeams(),
                byDistrict.metrics().workers(), byDistrict.metrics().unitsChangingOperator(), byDistrict.metrics().casesAffected(),
                byCatchment.teams().size(), byCatchment.metrics().incompleteTeams(), byCatchment.metrics().workers(),
                byCatchment.metrics().unitsChangingOperator(), byCatchment.metrics().casesAffected());
    }
}
