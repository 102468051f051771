package org.safenest.allocation.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safenest.allocation.internal.PlanMeasures;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.Team;

/** Running a strategy as the service does, and facts about plans that strategy tests check. */
public final class Plans {

    private Plans() {
    }

    /** Runs the strategy and measures the plan as the allocation service does (the plan is checked too). */
    public static AllocationPlan run(AllocationStrategy strategy, AllocationInput input, Map<String, String> parameters) {
        AllocationPlan plan = strategy.plan(input, parameters);
        if (!plan.strategy().equals(strategy.id())) {
            throw new AssertionError("the plan names strategy " + plan.strategy() + ", not " + strategy.id());
        }
        return PlanMeasures.measure(input, plan);
    }

    /** The team serving each unit. */
    public static Map<String, Team> teamOf(AllocationPlan plan) {
        Map<String, Team> result = new HashMap<>();
        for (Team t : plan.teams()) {
            t.units().forEach(u -> result.put(u, t));
        }
        return result;
    }

    /** The districts a team's units lie in. */
    public static Set<String> districts(Team team, AllocationInput input) {
        Set<String> codes = new HashSet<>(team.units());
        Set<String> result = new HashSet<>();
        input.units().stream().filter(u -> codes.contains(u.code())).forEach(u -> result.add(u.preschool().district()));
        return result;
    }

    /** The district codes of the input's units. */
    public static Set<String> districtCodes(AllocationInput input) {
        Set<String> result = new java.util.TreeSet<>();
        input.units().forEach(u -> result.add(u.preschool().district()));
        return result;
    }

    /** Units served by the plan. */
    public static int served(AllocationPlan plan) {
        return plan.teams().stream().mapToInt(t -> t.units().size()).sum();
    }

    /** Whether two plans have the same teams (ids, operators, kinds, units, bases). */
    public static boolean sameTeams(AllocationPlan a, AllocationPlan b) {
        return List.copyOf(a.teams()).equals(List.copyOf(b.teams()));
    }
}
