package org.safenest.allocation.hkcss.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.internal.PhaseIns;
import org.safenest.allocation.testing.HongKong;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.PhaseInPlan;
import org.safenest.api.allocation.PhaseInStage;
import org.safenest.api.allocation.PhaseInStagePlan;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;

/** The HKCSS phasing on Hong Kong as a two-stage phase-in, the move between the stages costed independently here. */
class HkcssPhaseInTest {

    private static final Map<String, AllocationStrategy> INSTALLED = Map.of("hkcss", new HkcssStrategy());

    @Test
    void twoStagesEachMeasuredAndTheMoveBetweenThemCosted() {
        AllocationInput hk = HongKong.input();
        List<PhaseInStage> stages = PhaseIns.hkcssStages(hk);
        PhaseInPlan phaseIn = PhaseIns.compute(hk, "HKCSS phasing", stages, INSTALLED, PhaseIns.hkcssNotes(stages, hk.units().size()));
        assertEquals(2, phaseIn.stages().size());
        PhaseInStagePlan first = phaseIn.stages().get(0);
        PhaseInStagePlan second = phaseIn.stages().get(1);

        // stage 1: the 780 regularised units (736 served now and the 44 nearest), the others outside its scope
        assertEquals(780, first.unitsInScope());
        assertEquals(260, first.plan().metrics().unservedUnits());
        assertEquals(260, first.plan().metrics().unserved(UnservedReason.SCOPE));
        assertTrue(first.plan().teams().stream().filter(t -> t.id().startsWith("new-")).allMatch(t -> t.kind() == TeamKind.HALF),
                "stage 1 forms half teams only");
        // stage 2: every unit served, new teams grown into full teams
        assertEquals(1040, second.unitsInScope());
        assertEquals(0, second.plan().metrics().unservedUnits());
        assertTrue(second.plan().teams().stream().anyMatch(t -> t.id().startsWith("new-") && t.kind() == TeamKind.FULL));
        assertTrue(phaseIn.notes().get(1).startsWith("SYNTHETIC SCOPE"));

        // the move from stage 1 to stage 2, computed here from the two stages' teams
        Map<String, Set<String>> before = operators(first.plan().teams());
        Map<String, Set<String>> after = operators(second.plan().teams());
        int changing = 0;
        int cases = 0;
        int added = 0;
        for (AllocationUnit u : hk.units()) {
            Set<String> b = before.get(u.code());
            Set<String> a = after.get(u.code());
            if (b != null && !b.equals(a)) {
                changing++;
                cases += u.casesInService();
            }
            if (b == null && a != null) {
                added++;
            }
        }
        assertEquals(changing, second.fromPrevious().unitsChangingOperator());
        assertEquals(cases, second.fromPrevious().casesAffected());
        assertEquals(260, added);
        assertEquals(added, second.fromPrevious().unitsAdded());
        assertEquals(changing, second.fromPrevious().affectedUnits().size());
        // and stage 1 from today: the same measure as the stage plan's own continuity
        assertEquals(first.plan().metrics().unitsChangingOperator(), first.fromPrevious().unitsChangingOperator());
        assertEquals(first.plan().metrics().casesAffected(), first.fromPrevious().casesAffected());
        System.out.printf("stage 1: teams %d workers %d changing %d cases %d | stage 2: teams %d workers %d changing %d cases %d | "
                + "move: changing %d cases %d added %d%n", first.plan().teams().size(), first.plan().metrics().workers(),
                first.plan().metrics().unitsChangingOperator(), first.plan().metrics().casesAffected(), second.plan().teams().size(),
                second.plan().metrics().workers(), second.plan().metrics().unitsChangingOperator(), second.plan().metrics().casesAffected(),
                changing, cases, added);
    }

    @Test
    void wrongStagesAreRefused() {
        AllocationInput hk = HongKong.input();
        assertThrows(InvalidInputException.class, () -> PhaseIns.compute(hk, "x", List.of(), INSTALLED, List.of()));
        assertThrows(NotFoundException.class, () -> PhaseIns.compute(hk, "x",
                List.of(new PhaseInStage("a", List.of(), null, new StrategyRun("nope", null))), INSTALLED, List.of()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PhaseIns.compute(hk, "x",
                List.of(new PhaseInStage("a", List.of("no-such-unit"), null, new StrategyRun("hkcss", null))), INSTALLED, List.of()));
        assertEquals("stages[0].units", e.errors().get(0).field());
    }

    private static Map<String, Set<String>> operators(List<Team> teams) {
        Map<String, Set<String>> result = new HashMap<>();
        for (Team t : teams) {
            t.units().forEach(u -> result.put(u, new TreeSet<>(t.operators())));
        }
        return result;
    }
}
