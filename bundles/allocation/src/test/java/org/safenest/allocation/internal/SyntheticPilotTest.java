package org.safenest.allocation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.Plans;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.region.PreschoolSession;

/** The synthetic Hong Kong pilot matches the pilot's published figures, and is the same every time. */
class SyntheticPilotTest {

    private final AllocationInput hk = HongKong.input();

    @Test
    void pupilsAddUpTo113204AndWholeDaySchoolsAreLarger() {
        assertEquals(1040, hk.units().size());
        assertEquals(113_204, hk.units().stream().mapToInt(AllocationUnit::pupils).sum());
        assertTrue(hk.units().stream().allMatch(u -> u.pupils() >= 10 && u.synthetic()));
        double wholeDay = hk.units().stream().filter(u -> u.preschool().sessions().contains(PreschoolSession.WHOLE_DAY))
                .mapToInt(AllocationUnit::pupils).average().orElseThrow();
        double halfDay = hk.units().stream().filter(u -> !u.preschool().sessions().contains(PreschoolSession.WHOLE_DAY))
                .mapToInt(AllocationUnit::pupils).average().orElseThrow();
        assertTrue(wholeDay > 1.4 * halfDay, "whole-day " + wholeDay + " vs " + halfDay);
        assertTrue(hk.synthetic());
    }

    @Test
    void teamsMatchThePilot() {
        List<Team> teams = hk.currentTeams();
        assertEquals(57, teams.size());
        assertEquals(35, teams.stream().filter(t -> t.kind() == TeamKind.FULL).count());
        assertEquals(22, teams.stream().filter(t -> t.kind() == TeamKind.HALF).count());
        assertTrue(teams.stream().allMatch(t -> t.units().size() == (t.kind() == TeamKind.FULL ? 16 : 8)));
        assertEquals(17, teams.stream().filter(Team::consortium).count());
        Set<String> served = new HashSet<>();
        teams.forEach(t -> served.addAll(t.units()));
        assertEquals(736, served.size(), "no unit in two teams");
        // 35 + 22 / 2 = 46 full-team equivalents (the paper says 46.5, counting some team as more than half)
        assertEquals(46.0, teams.stream().mapToDouble(t -> t.kind() == TeamKind.FULL ? 1 : 0.5).sum(), "full-team equivalents");

        assertEquals(41, hk.operators().size());
        assertTrue(hk.operators().stream().allMatch(o -> o.synthetic() && o.name().startsWith("Synthetic operator")));
        Set<String> running = teams.stream().flatMap(t -> t.operators().stream()).collect(Collectors.toSet());
        assertEquals(41, running.size(), "every operator runs or shares a team");

        // HKCSS proposal A has something to combine: operators running two half teams of their own
        Map<String, Long> ownHalfTeams = teams.stream().filter(t -> !t.consortium() && t.kind() == TeamKind.HALF)
                .collect(Collectors.groupingBy(t -> t.operators().get(0), Collectors.counting()));
        assertEquals(4, ownHalfTeams.values().stream().filter(n -> n == 2).count());
    }

    @Test
    void casesAreAbout15000AtServedUnitsOnly() {
        Set<String> served = new HashSet<>();
        hk.currentTeams().forEach(t -> served.addAll(t.units()));
        assertEquals(15_000, hk.units().stream().mapToInt(AllocationUnit::casesInService).sum());
        assertTrue(hk.units().stream().filter(u -> !served.contains(u.code())).allMatch(u -> u.casesInService() == 0));
        assertTrue(hk.units().stream().filter(u -> served.contains(u.code())).allMatch(u -> u.casesInService() > 0));
    }

    @Test
    void teamsAreMostlyLocalButSomeSpanDistricts() {
        Map<Integer, Integer> byDistrictCount = new HashMap<>();
        for (Team t : hk.currentTeams()) {
            byDistrictCount.merge(Plans.districts(t, hk).size(), 1, Integer::sum);
        }
        int local = byDistrictCount.getOrDefault(1, 0);
        assertTrue(local >= 30, "most teams serve one district: " + byDistrictCount);
        assertTrue(57 - local >= 6, "some teams span districts: " + byDistrictCount);
        double travel = PlanMeasures.metrics(hk, hk.currentTeams()).travelKmMean();
        assertTrue(travel < 4.0, "teams are local: mean travel " + travel + " km");
    }

    @Test
    void theSamePreschoolsGiveTheSameData() {
        SyntheticPilot.Result a = SyntheticPilot.generate(HongKong.data().preschools(), AllocationSettings.DEFAULT_STAFFING,
                SyntheticPilot.Figures.HONG_KONG_PILOT);
        List<org.safenest.api.region.Preschool> reversed = new java.util.ArrayList<>(HongKong.data().preschools());
        java.util.Collections.reverse(reversed);
        SyntheticPilot.Result b = SyntheticPilot.generate(reversed, AllocationSettings.DEFAULT_STAFFING, SyntheticPilot.Figures.HONG_KONG_PILOT);
        assertEquals(a, b);
        assertEquals(hk.units(), a.units());
        assertEquals(hk.currentTeams(), a.teams());
    }

    @Test
    void aTenfoldInstanceScalesTheFigures() {
        AllocationInput big = HongKong.scaled(10);
        assertEquals(10_400, big.units().size());
        assertEquals(1_132_040, big.units().stream().mapToInt(AllocationUnit::pupils).sum());
        assertEquals(570, big.currentTeams().size());
        assertEquals(150_000, big.units().stream().mapToInt(AllocationUnit::casesInService).sum());
    }
}
