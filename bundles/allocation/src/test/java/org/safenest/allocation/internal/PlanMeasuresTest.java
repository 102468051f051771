package org.safenest.allocation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.SmallInput;
import org.safenest.api.allocation.AffectedUnit;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.DistrictLoad;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.TeamLoad;

/** The metrics every plan reports, on a hand-made input whose figures are worked out by hand. */
class PlanMeasuresTest {

    /**
     * Now: T1 (opA, half) serves a1 and a2; T2 (opB+opC, half) serves b1; b2 is unserved. The plan: P1 (opA, half)
     * keeps a1; P2 (opB, full, based at b1) takes a2, b1 and b2.
     */
    private static SmallInput example() {
        return SmallInput.create()
                .unit("a1", "d1", 0, 0, 100, 10)
                .unit("a2", "d1", 3, 4, 300, 5)
                .unit("b1", "d2", 10, 0, 200, 7)
                .unit("b2", "d2", 10, 0, 50, 0)
                .team("T1", TeamKind.HALF, List.of("opA"), "a1", "a2")
                .team("T2", TeamKind.HALF, List.of("opB", "opC"), "b1");
    }

    private static List<Team> planTeams() {
        return List.of(new Team("P1", List.of("opA"), TeamKind.HALF, List.of("a1"), SmallInput.at(0, 0)),
                new Team("P2", List.of("opB"), TeamKind.FULL, List.of("a2", "b1", "b2"), SmallInput.at(10, 0)));
    }

    @Test
    void continuityListsTheUnitsChangingOperatorMostCasesFirst() {
        PlanMetrics m = PlanMeasures.metrics(example().build(), planTeams());
        // a2 moves from opA to opB; b1 loses consortium member opC; b2 was unserved (no family in service): not counted
        assertEquals(2, m.unitsChangingOperator());
        assertEquals(12, m.casesAffected());
        assertEquals(List.of(new AffectedUnit("b1", "d2", List.of("opB", "opC"), List.of("opB"), 7),
                new AffectedUnit("a2", "d1", List.of("opA"), List.of("opB"), 5)), m.affectedUnits());
    }

    @Test
    void workloadCompletenessAndTravelPerTeam() {
        PlanMetrics m = PlanMeasures.metrics(example().build(), planTeams());
        TeamLoad p1 = m.teams().get(0);
        TeamLoad p2 = m.teams().get(1);
        assertEquals("P1", p1.team());
        assertEquals(1, p1.units());
        assertEquals(100, p1.pupils());
        assertEquals(4, p1.workers());
        assertEquals(25.0, p1.pupilsPerWorker());
        assertFalse(p1.complete());
        assertEquals(0.0, p1.travelKmMax());
        assertEquals(550, p2.pupils());
        assertEquals(8, p2.workers());
        assertEquals(68.75, p2.pupilsPerWorker());
        assertEquals(Math.sqrt(49 + 16), p2.travelKmMax(), 0.02);
        assertEquals(Math.sqrt(49 + 16) / 3, p2.travelKmMean(), 0.02);

        assertEquals(68.75, m.pupilsPerWorkerMax());
        assertEquals(25.0, m.pupilsPerWorkerMin());
        assertEquals(43.75, m.pupilsPerWorkerSpread());
        assertEquals(0, m.teamsOverRatio());
        assertEquals(0, m.completeTeams());
        assertEquals(2, m.incompleteTeams());
        assertEquals(0, m.unservedUnits());
        assertEquals(Math.sqrt(65) / 4, m.travelKmMean(), 0.02, "mean over the 4 served units");
        assertEquals(Math.sqrt(65), m.travelKmMax(), 0.02);
    }

    @Test
    void districtsShareEachTeamsWorkersByPupils() {
        PlanMetrics m = PlanMeasures.metrics(example().build(), planTeams());
        DistrictLoad d1 = m.districts().get(0);
        DistrictLoad d2 = m.districts().get(1);
        assertEquals(new DistrictLoad("d1", 2, 0, 400, 15, 8.36, 47.83, false), d1);
        // P2's 8 workers: 300/550 to d1, 250/550 to d2
        assertEquals(new DistrictLoad("d2", 2, 0, 250, 7, 3.64, 68.75, false), d2);
    }

    @Test
    void aLowerRatioShowsOverloadedTeamsAndHotSpots() {
        AllocationInput tight = example().staffing(50, 16, 8).build();
        PlanMetrics m = PlanMeasures.metrics(tight, planTeams());
        assertEquals(1, m.teamsOverRatio());
        assertTrue(m.teams().get(1).overRatio());
        assertTrue(m.districts().get(1).overRatio(), "d2 is a hot spot at 68.75 pupils per worker");
        assertFalse(m.districts().get(0).overRatio());
    }

    @Test
    void theCurrentAssignmentChangesNothingAndUnservedUnitsShow() {
        AllocationInput input = example().build();
        PlanMetrics m = PlanMeasures.metrics(input, input.currentTeams());
        assertEquals(0, m.unitsChangingOperator());
        assertEquals(0, m.casesAffected());
        assertEquals(1, m.unservedUnits());
        assertEquals(1, m.districts().get(1).unservedUnits());
        assertEquals(200.0 / (4 * 1.0), m.districts().get(1).pupilsPerWorker(), "only served pupils count");
    }

    @Test
    void aTeamWithNoUnitsIsIncompleteAndDroppingUnitsIsAChange() {
        AllocationInput input = example().build();
        PlanMetrics m = PlanMeasures.metrics(input, List.of(new Team("E", List.of("opA"), TeamKind.HALF, List.of(), null)));
        assertEquals(3, m.unitsChangingOperator(), "a1, a2 and b1 lose their team");
        assertEquals(22, m.casesAffected());
        assertTrue(m.affectedUnits().stream().allMatch(a -> a.toOperators().isEmpty()));
        assertEquals(4, m.unservedUnits());
        assertEquals(1, m.incompleteTeams());
        assertEquals(0.0, m.pupilsPerWorkerMax());
    }

    @Test
    void measureRecomputesUnservedUnitsFillsBasesAndMarksSynthetic() {
        AllocationInput input = example().build();
        AllocationPlan raw = new AllocationPlan("test", Map.of(), List.of(new Team("P", List.of("opA"), TeamKind.HALF, List.of("a1", "b1"), null)),
                List.of("wrong"), null, false, List.of(), Instant.now());
        AllocationPlan measured = PlanMeasures.measure(input, raw);
        assertEquals(List.of("a2", "b2"), measured.unservedUnits());
        assertTrue(measured.synthetic());
        assertTrue(measured.teams().get(0).base() != null);
        assertEquals(2, measured.metrics().unservedUnits());
    }

    @Test
    void invalidPlansAreRefused() {
        AllocationInput input = example().build();
        assertInvalid(input, "more than one team", new Team("X", List.of("opA"), TeamKind.HALF, List.of("a1"), null),
                new Team("Y", List.of("opA"), TeamKind.HALF, List.of("a1"), null));
        assertInvalid(input, "does not have", new Team("X", List.of("opA"), TeamKind.HALF, List.of("zz"), null));
        assertInvalid(input, "repeated", new Team("X", List.of("opA"), TeamKind.HALF, List.of("a1"), null),
                new Team("X", List.of("opA"), TeamKind.HALF, List.of("a2"), null));
        assertInvalid(input, "no operator", new Team("X", List.of(), TeamKind.HALF, List.of("a1"), null));
    }

    private static void assertInvalid(AllocationInput input, String expected, Team... teams) {
        AllocationPlan plan = new AllocationPlan("bad", Map.of(), List.of(teams), List.of(), null, false, List.of(), Instant.now());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlanMeasures.measure(input, plan));
        assertTrue(e.getMessage().contains("Strategy 'bad'") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void thePilotOnHongKong() {
        AllocationInput hk = HongKong.input();
        PlanMetrics m = PlanMeasures.metrics(hk, hk.currentTeams());
        assertEquals(0, m.unitsChangingOperator());
        assertEquals(304, m.unservedUnits());
        assertEquals(57, m.completeTeams());
        assertEquals(18, m.districts().size());
        assertEquals(113_204, m.districts().stream().mapToInt(DistrictLoad::pupils).sum());
        assertEquals(15_000, m.districts().stream().mapToInt(DistrictLoad::cases).sum());
        assertEquals(35 * 8 + 22 * 4, m.districts().stream().mapToDouble(DistrictLoad::workers).sum(), 0.1);
        assertTrue(m.pupilsPerWorkerMax() > m.pupilsPerWorkerMin());
    }
}
