package org.safenest.allocation.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.Plans;
import org.safenest.allocation.testing.SmallInput;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.error.InvalidInputException;

class NearestTeamStrategyTest {

    private final NearestTeamStrategy nearest = new NearestTeamStrategy();

    @Test
    void eachUnitGoesToTheNearestTeamWithRoom() {
        // half teams of 2 units: West at x=0, East at x=10
        AllocationInput input = SmallInput.create().staffing(400, 4, 4)
                .unit("a", "d", 1, 0, 100, 0).unit("b", "d", 2, 0, 100, 0).unit("c", "d", 3, 0, 100, 0)
                .unit("far", "d", 200, 0, 100, 0)
                .teamAt("West", TeamKind.HALF, List.of("opA"), 0, 0, "a")
                .teamAt("East", TeamKind.HALF, List.of("opB"), 10, 0, "c")
                .build();
        AllocationPlan plan = Plans.run(nearest, input, Map.of());
        assertEquals(List.of("a", "b"), plan.teams().get(0).units());
        assertEquals(List.of("c"), plan.teams().get(1).units(), "West is full: c goes east");
        assertEquals(List.of("far"), plan.unservedUnits(), "beyond 50 km");
        assertThrows(InvalidInputException.class, () -> nearest.plan(input, Map.of("max-km", "0")));
        assertThrows(InvalidInputException.class, () -> nearest.plan(input, Map.of("colour", "red")));
    }

    @Test
    void hongKongFillsThePilotsTeams() {
        AllocationInput hk = HongKong.input();
        AllocationPlan plan = Plans.run(nearest, hk, Map.of());
        assertEquals(1040 - 736, plan.metrics().unservedUnits(), "the pilot's teams have room for 736 units");
        assertEquals(57, plan.metrics().completeTeams());
    }
}
