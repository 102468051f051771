package org.safenest.allocation.hkcss.internal;

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
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.error.InvalidInputException;

class HkcssStrategyTest {

    private final HkcssStrategy hkcss = new HkcssStrategy();

    /**
     * Full teams of 4 units, half teams of 2. opA runs two half teams, opB a full team, opC one half team, the
     * consortium opD+opE a half team; u1 is unserved next to the consortium, u2 a little further; f1..f3 far away.
     */
    private static AllocationInput small() {
        return SmallInput.create().staffing(400, 4, 4)
                .unit("a1", "d1", 0, 0, 100, 3).unit("a2", "d1", 0, 1, 100, 3).unit("a3", "d1", 1, 0, 100, 3).unit("a4", "d1", 1, 1, 100, 3)
                .unit("b1", "d2", 10, 0, 100, 3).unit("b2", "d2", 10, 1, 100, 3).unit("b3", "d2", 11, 0, 100, 3).unit("b4", "d2", 11, 1, 100, 3)
                .unit("c1", "d2", 12, 0, 100, 3).unit("c2", "d2", 12, 1, 100, 3)
                .unit("d1", "d3", 20, 0, 100, 4).unit("d2", "d3", 20, 1, 100, 4)
                .unit("u1", "d3", 20.5, 0, 100, 0).unit("u2", "d3", 23, 0, 100, 0)
                .unit("f1", "d4", 50, 0, 700, 0).unit("f2", "d4", 51, 0, 100, 0).unit("f3", "d4", 52, 0, 100, 0)
                .team("H1", TeamKind.HALF, List.of("opA"), "a1", "a2")
                .team("H2", TeamKind.HALF, List.of("opA"), "a3", "a4")
                .team("F", TeamKind.FULL, List.of("opB"), "b1", "b2", "b3", "b4")
                .team("H3", TeamKind.HALF, List.of("opC"), "c1", "c2")
                .team("C1", TeamKind.HALF, List.of("opD", "opE"), "d1", "d2")
                .build();
    }

    @Test
    void singleOperatorTeamsStayTwoHalfTeamsCombineConsortiaRegroupAndTheRestGrowsByDistrict() {
        AllocationPlan plan = Plans.run(hkcss, small(), Map.of("eligible-units", "1"));
        Map<String, Team> teamOf = Plans.teamOf(plan);
        Team combined = teamOf.get("a1");
        assertEquals("H1+H2", combined.id());
        assertEquals(TeamKind.FULL, combined.kind());
        assertEquals(List.of("opA"), combined.operators());
        assertEquals(List.of("a1", "a2", "a3", "a4"), combined.units());
        assertEquals("F", teamOf.get("b1").id());
        assertEquals(List.of("c1", "c2"), teamOf.get("c1").units());
        assertEquals(TeamKind.HALF, teamOf.get("c1").kind());
        // B: d1, d2 and the 1 eligible unit nearest (u1) into half teams of at most 2, for tender
        Set<String> consortiumTeams = new HashSet<>();
        for (String u : List.of("d1", "d2", "u1")) {
            assertTrue(teamOf.get(u).id().startsWith("consortium-"), u);
            assertEquals(List.of(Teams.TENDER), teamOf.get(u).operators());
            consortiumTeams.add(teamOf.get(u).id());
        }
        assertEquals(2, consortiumTeams.size());
        // growth: u2 (d3) and f1..f3 (d4) form new teams, by district
        assertTrue(teamOf.get("u2").id().startsWith("new-d3-"));
        assertTrue(teamOf.get("f1").id().startsWith("new-d4-"));
        assertEquals(0, plan.metrics().unservedUnits());
        assertEquals(2, plan.metrics().unitsChangingOperator(), "only the consortium's units change (to a tender)");
    }

    @Test
    void pupilsAddTeamsAndPilotStageLeavesTheRestUnserved() {
        // at 100 pupils per worker a half team (2 workers) takes 200 pupils: d4's 900 pupils need 5 half teams, capped at its 3 units
        AllocationInput tight = SmallInput.create().staffing(100, 4, 4)
                .unit("f1", "d4", 50, 0, 700, 0).unit("f2", "d4", 51, 0, 100, 0).unit("f3", "d4", 52, 0, 100, 0).build();
        AllocationPlan grown = Plans.run(hkcss, tight, Map.of("grow-to-full", "false"));
        assertEquals(3, grown.teams().size());
        assertTrue(grown.teams().stream().allMatch(t -> t.kind() == TeamKind.HALF && t.units().size() == 1));
        AllocationPlan paired = Plans.run(hkcss, tight, Map.of());
        assertEquals(List.of(TeamKind.FULL, TeamKind.HALF), paired.teams().stream().map(Team::kind).toList());

        AllocationPlan pilot = Plans.run(hkcss, small(), Map.of("stage", "pilot", "eligible-units", "0", "consortium-teams", "keep"));
        assertEquals(Set.of("u1", "u2", "f1", "f2", "f3"), Set.copyOf(pilot.unservedUnits()));
        assertEquals(List.of("opD", "opE"), Plans.teamOf(pilot).get("d1").operators(), "kept by the consortium");
        assertEquals(0, pilot.metrics().unitsChangingOperator());
        assertThrows(InvalidInputException.class, () -> hkcss.plan(small(), Map.of("stage", "later")));
        assertThrows(InvalidInputException.class, () -> hkcss.plan(small(), Map.of("eligible-units", "-3")));
    }

    @Test
    void hongKong() {
        AllocationInput hk = HongKong.input();
        AllocationPlan plan = Plans.run(hkcss, hk, Map.of());
        assertEquals(0, plan.metrics().unservedUnits(), "grown to all 1,040");
        // single-operator teams other than paired half teams are kept exactly
        Map<String, Team> byId = new java.util.HashMap<>();
        plan.teams().forEach(t -> byId.put(t.id(), t));
        long keptSingles = hk.currentTeams().stream().filter(t -> !t.consortium() && byId.containsKey(t.id()))
                .peek(t -> assertEquals(t, byId.get(t.id()))).count();
        List<Team> combined = plan.teams().stream().filter(t -> t.id().contains("+")).toList();
        assertEquals(4, combined.size(), "the four operators running two half teams");
        assertTrue(combined.stream().allMatch(t -> t.kind() == TeamKind.FULL && t.units().size() == 16 && !t.consortium()));
        assertEquals(40 - 8, keptSingles);
        // B: the 10 consortium half teams' 80 units and 30 unserved units: 110 units in 14 half teams, tendered
        List<Team> consortium = plan.teams().stream().filter(t -> t.id().startsWith("consortium-")).toList();
        assertEquals(14, consortium.size());
        assertEquals(110, consortium.stream().mapToInt(t -> t.units().size()).sum());
        assertEquals(80, plan.metrics().unitsChangingOperator());
        assertTrue(plan.teams().stream().filter(t -> t.id().startsWith("new-")).allMatch(t -> Plans.districts(t, hk).size() == 1));
    }

    @Test
    void thePilotStageReportsTheUnitsOutsideItsScope() {
        // Hong Kong: 736 units served now and the 30 nearest to the consortium half teams; the other 274 wait for stage all
        AllocationPlan pilot = Plans.run(hkcss, HongKong.input(), Map.of("stage", "pilot"));
        assertEquals(274, pilot.metrics().unservedUnits());
        assertEquals(pilot.metrics().unservedUnits(), pilot.metrics().unserved(UnservedReason.SCOPE));
        assertTrue(pilot.metrics().unserved().get(0).detail().contains("stage=pilot"));
        AllocationPlan all = Plans.run(hkcss, HongKong.input(), Map.of());
        assertEquals(0, all.metrics().unserved().size(), "stage=all serves every unit");
    }
}
