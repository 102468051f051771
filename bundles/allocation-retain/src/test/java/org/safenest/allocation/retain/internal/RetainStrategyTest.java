package org.safenest.allocation.retain.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.support.Teams;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.Plans;
import org.safenest.allocation.testing.SmallInput;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.UnservedUnit;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.error.InvalidInputException;

class RetainStrategyTest {

    private final RetainStrategy retain = new RetainStrategy();

    /**
     * Staffing of full teams of 4 units, half teams of 2. T1 (half, opA, at a1) has room for one more; T2 (full,
     * opB, at b1) for one more. Unserved: n1 1 km from a1, n2 2 km from a1, n3 1 km from b1, far1 and far2 in d3.
     */
    private static AllocationInput small() {
        return SmallInput.create().staffing(400, 4, 4)
                .unit("a1", "d1", 0, 0, 100, 5)
                .unit("b1", "d2", 10, 0, 100, 5).unit("b2", "d2", 10, 1, 100, 5).unit("b3", "d2", 11, 0, 100, 5)
                .unit("n1", "d1", 1, 0, 100, 0).unit("n2", "d1", 2, 0, 100, 0).unit("n3", "d2", 10, -1, 100, 0)
                .unit("far1", "d3", 50, 0, 100, 0).unit("far2", "d3", 51, 0, 100, 0).unit("far3", "d3", 52, 0, 100, 0)
                .team("T1", TeamKind.HALF, List.of("opA"), "a1")
                .team("T2", TeamKind.FULL, List.of("opB"), "b1", "b2", "b3")
                .build();
    }

    @Test
    void unservedUnitsJoinTheNearestTeamWithRoomThenNewHalfTeamsByDistrict() {
        AllocationPlan plan = Plans.run(retain, small(), Map.of());
        Map<String, Team> teamOf = Plans.teamOf(plan);
        assertEquals("T1", teamOf.get("n1").id(), "1 km from T1's base");
        assertEquals("T2", teamOf.get("n3").id());
        assertEquals(List.of("a1", "n1"), teamOf.get("a1").units(), "T1 is full now: n2 does not fit");
        // n2 (d1) and far1..3 (d3, beyond max-km) form new half teams of at most 2 units, by district, to be tendered
        Team n2 = teamOf.get("n2");
        assertEquals(List.of(Teams.TENDER), n2.operators());
        assertEquals(TeamKind.HALF, n2.kind());
        assertEquals(List.of("n2"), n2.units());
        Set<String> d3Teams = new HashSet<>();
        for (String u : List.of("far1", "far2", "far3")) {
            assertEquals(List.of(Teams.TENDER), teamOf.get(u).operators());
            assertTrue(teamOf.get(u).id().startsWith("new-d3-"));
            d3Teams.add(teamOf.get(u).id());
        }
        assertEquals(2, d3Teams.size(), "3 units in half teams of 2");
        assertEquals(0, plan.metrics().unservedUnits());
        assertEquals(0, plan.metrics().unitsChangingOperator(), "no served unit changes operator");
        assertEquals(List.of("T1", "T2"), plan.teams().subList(0, 2).stream().map(Team::id).toList());
        assertEquals(List.of("opA"), plan.teams().get(0).operators());
    }

    @Test
    void withoutNewTeamsTheRestStaysUnservedAndMaxKmLimitsJoining() {
        AllocationPlan plan = Plans.run(retain, small(), Map.of("new-teams", "false", "max-km", "0.5"));
        assertEquals(2, plan.teams().size());
        assertEquals(List.of("a1"), plan.teams().get(0).units());
        assertEquals(Set.of("n1", "n2", "n3", "far1", "far2", "far3"), Set.copyOf(plan.unservedUnits()));
    }

    @Test
    void wrongParametersAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> retain.plan(small(), Map.of("max-km", "-1")));
        assertEquals("parameters.max-km", e.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> retain.plan(small(), Map.of("new-teams", "maybe")));
        assertEquals("parameters.colour",
                assertThrows(InvalidInputException.class, () -> retain.plan(small(), Map.of("colour", "red"))).errors().get(0).field());
    }

    @Test
    void hongKongKeepsEveryPilotTeamAndServesAll1040() {
        AllocationInput hk = HongKong.input();
        AllocationPlan plan = Plans.run(retain, hk, Map.of());
        assertEquals(0, plan.metrics().unitsChangingOperator());
        assertEquals(0, plan.metrics().casesAffected());
        assertEquals(0, plan.metrics().unservedUnits());
        for (Team pilot : hk.currentTeams()) {
            Team kept = plan.teams().stream().filter(t -> t.id().equals(pilot.id())).findFirst().orElseThrow();
            assertEquals(pilot, kept, "the pilot's teams are full: they keep exactly their units");
        }
        List<Team> added = plan.teams().subList(57, plan.teams().size());
        assertEquals(304, added.stream().mapToInt(t -> t.units().size()).sum());
        assertTrue(added.stream().allMatch(t -> t.kind() == TeamKind.HALF && t.units().size() <= 8 && Plans.districts(t, hk).size() == 1));
        assertEquals(Plans.run(retain, hk, Map.of()).teams(), plan.teams(), "deterministic");
    }

    @Test
    void withoutNewTeamsTheUnitsLeftAreReportedForDistanceOrCapacity() {
        // max-km 5: n1 joins T1 and n3 joins T2, both full then: n2 and d3's units are left for capacity
        AllocationPlan full = Plans.run(retain, small(), Map.of("new-teams", "false"));
        assertEquals(Set.of("n2", "far1", "far2", "far3"), Set.copyOf(full.unservedUnits()));
        assertEquals(4, full.metrics().unserved(UnservedReason.CAPACITY));
        assertEquals(4, full.metrics().unserved().size());
        // max-km 0.5: nobody joins, both teams keep room: every unserved unit is left for distance, with the nearest team
        AllocationPlan near = Plans.run(retain, small(), Map.of("new-teams", "false", "max-km", "0.5"));
        assertEquals(6, near.metrics().unserved(UnservedReason.DISTANCE));
        UnservedUnit n1 = near.metrics().unserved().stream().filter(u -> u.unit().equals("n1")).findFirst().orElseThrow();
        assertEquals("d1", n1.district());
        assertTrue(n1.detail().contains("T1, is 1.0 km away"), n1.detail());
        // with new teams (default) every unit is served
        assertEquals(0, Plans.run(retain, small(), Map.of()).metrics().unserved().size());
    }
}
