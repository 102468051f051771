package org.safenest.allocation.optimal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.junit.jupiter.api.Test;
import org.safenest.allocation.internal.Frontiers;
import org.safenest.allocation.support.AllocationIndex;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.Plans;
import org.safenest.allocation.testing.SmallInput;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.error.InvalidInputException;

/** The optimiser against independent exact computations: brute force on small instances, JGraphT's min-cost flow on larger. */
class OptimalStrategyTest {

    private final OptimalStrategy optimal = new OptimalStrategy();

    /** A random small instance: full teams of 4 units, half teams of 2; some units unserved now. */
    private static AllocationInput random(long seed, int unitCount) {
        Random r = new Random(seed);
        SmallInput in = SmallInput.create().staffing(400, 4, 4);
        for (int i = 0; i < unitCount; i++) {
            in.unit("u" + i, "d" + r.nextInt(2), r.nextDouble() * 10, r.nextDouble() * 10, 20 + r.nextInt(200), r.nextInt(10));
        }
        String[] ops = {"opA", "opB", "opC"};
        int next = 0;
        int teams = 1 + r.nextInt(2);
        for (int t = 0; t < teams && next < unitCount; t++) {
            TeamKind kind = r.nextBoolean() ? TeamKind.FULL : TeamKind.HALF;
            int size = Math.min(unitCount - next, 1 + r.nextInt(kind == TeamKind.FULL ? 4 : 2));
            String[] members = new String[size];
            for (int k = 0; k < size; k++) {
                members[k] = "u" + next++;
            }
            List<String> operators = r.nextInt(4) == 0 ? List.of(ops[t], ops[(t + 1) % 3]) : List.of(ops[t]);
            in.teamAt("T" + t, kind, operators, r.nextDouble() * 10, r.nextDouble() * 10, members);
        }
        return in.build();
    }

    private static Map<String, String> randomWeights(long seed) {
        Random r = new Random(seed * 31 + 7);
        double[] choices = {0, 0.5, 1, 3};
        return Map.of("weight.continuity", String.valueOf(choices[r.nextInt(4)]), "weight.travel", String.valueOf(choices[r.nextInt(4)]),
                "weight.balance", String.valueOf(choices[r.nextInt(4)]), "weight.unserved", String.valueOf(5 + r.nextInt(40)),
                "extra-units", String.valueOf(r.nextInt(2)), "new-teams", String.valueOf(r.nextInt(3) > 0));
    }

    /** The objective computed here from its definition, independently of the strategy's code. */
    private static double bruteScore(AllocationInput in, List<Team> candidates, int[] choice, double[] w) {
        double total = 0;
        int[] load = new int[candidates.size()];
        for (int u = 0; u < choice.length; u++) {
            AllocationUnit unit = in.units().get(u);
            Team now = null;
            for (Team t : in.currentTeams()) {
                if (t.units().contains(unit.code())) {
                    now = t;
                }
            }
            if (choice[u] < 0) {
                total += w[3];
                if (now != null) {
                    total += w[0] * unit.casesInService();
                }
                continue;
            }
            Team t = candidates.get(choice[u]);
            load[choice[u]]++;
            total += w[1] * t.base().distanceKm(unit.preschool().location());
            if (now != null && !new HashSet<>(now.operators()).equals(new HashSet<>(t.operators()))) {
                total += w[0] * unit.casesInService();
            }
        }
        for (int t = 0; t < candidates.size(); t++) {
            double s = in.staffing().size(candidates.get(t).kind()).units();
            total += w[2] * load[t] * load[t] / s;
        }
        return total;
    }

    /** The least score over every assignment of units to candidate teams (or none) within capacity. */
    private static double bruteForce(AllocationInput in, List<Team> candidates, double[] w, int extra) {
        int n = in.units().size();
        int m = candidates.size();
        int[] choice = new int[n];
        double best = Double.MAX_VALUE;
        long combinations = (long) Math.pow(m + 1, n);
        for (long c = 0; c < combinations; c++) {
            long x = c;
            int[] load = new int[m];
            boolean fits = true;
            for (int u = 0; u < n; u++) {
                choice[u] = (int) (x % (m + 1)) - 1;
                x /= m + 1;
                if (choice[u] >= 0 && ++load[choice[u]] > in.staffing().size(candidates.get(choice[u]).kind()).units() + extra) {
                    fits = false;
                }
            }
            if (fits) {
                best = Math.min(best, bruteScore(in, candidates, choice, w));
            }
        }
        return best;
    }

    @Test
    void optimalOnSmallInstancesAgainstBruteForce() {
        for (long seed = 1; seed <= 40; seed++) {
            AllocationInput in = random(seed, 5 + (int) (seed % 3));
            Map<String, String> params = randomWeights(seed);
            double[] w = {Double.parseDouble(params.get("weight.continuity")), Double.parseDouble(params.get("weight.travel")),
                    Double.parseDouble(params.get("weight.balance")), Double.parseDouble(params.get("weight.unserved"))};
            int extra = Integer.parseInt(params.get("extra-units"));
            List<Team> candidates = OptimalStrategy.candidates(in, new AllocationIndex(in), Boolean.parseBoolean(params.get("new-teams")));
            double best = bruteForce(in, candidates, w, extra);

            AllocationPlan plan = Plans.run(optimal, in, params);
            int[] choice = new int[in.units().size()];
            java.util.Arrays.fill(choice, -1);
            for (Team t : plan.teams()) {
                int index = -1;
                for (int c = 0; c < candidates.size(); c++) {
                    if (candidates.get(c).id().equals(t.id())) {
                        index = c;
                    }
                }
                assertTrue(index >= 0, "plan teams are candidate teams");
                assertEquals(candidates.get(index).base(), t.base());
                assertTrue(t.units().size() <= in.staffing().size(t.kind()).units() + extra, "capacity");
                for (String u : t.units()) {
                    choice[Integer.parseInt(u.substring(1))] = index;
                }
            }
            double found = bruteScore(in, candidates, choice, w);
            assertEquals(best, found, 1e-6, "seed " + seed + " " + params);
            assertEquals(found, Objective.score(in, plan.teams(), OptimalStrategy.weights(
                    new org.safenest.allocation.support.Parameters("optimal", optimal.parameters(), params))).total(), 1e-6);
        }
    }

    @Test
    void weightsSteerThePlan() {
        // two teams with room, of different operators; u0 is served by T0 (opA) but nearer T1's base
        AllocationInput in = SmallInput.create().staffing(400, 4, 4)
                .unit("u0", "d", 9, 0, 100, 50).unit("u1", "d", 0, 0, 100, 0).unit("u2", "d", 10, 0, 100, 0)
                .teamAt("T0", TeamKind.FULL, List.of("opA"), 0, 0, "u0")
                .teamAt("T1", TeamKind.FULL, List.of("opB"), 10, 0, "u2")
                .build();
        AllocationPlan continuity = Plans.run(optimal, in, Map.of("weight.balance", "0"));
        assertEquals("T0", Plans.teamOf(continuity).get("u0").id(), "50 cases outweigh 9 km");
        assertEquals(0, continuity.metrics().unitsChangingOperator());
        AllocationPlan travel = Plans.run(optimal, in, Map.of("weight.continuity", "0", "weight.balance", "0"));
        assertEquals("T1", Plans.teamOf(travel).get("u0").id());
        assertEquals("T0", Plans.teamOf(travel).get("u1").id());
        assertEquals(1, travel.metrics().unitsChangingOperator());
        // a high unserved weight serves all; a travel cost above it leaves a far unit unserved
        AllocationPlan cheapUnserved = Plans.run(optimal, in, Map.of("weight.unserved", "1", "weight.continuity", "0", "weight.balance", "0"));
        assertTrue(cheapUnserved.unservedUnits().size() >= 1, cheapUnserved.unservedUnits().toString());
        assertThrows(InvalidInputException.class, () -> optimal.plan(in, Map.of("weight.travel", "-1")));
        assertThrows(InvalidInputException.class, () -> optimal.plan(in, Map.of("extra-units", "99")));
    }

    @Test
    void theFlowMatchesJGraphTsMinimumCostFlowOnALargerInstance() {
        AllocationInput in = HongKong.input();
        // the units of three districts, with their pilot teams, and the default weights
        Set<String> districts = Set.of("islands", "tsuen-wan", "kwai-tsing", "sha-tin", "north");
        List<AllocationUnit> units = in.units().stream().filter(u -> districts.contains(u.preschool().district())).toList();
        Set<String> codes = new HashSet<>(AllocationIndex.codes(units));
        List<Team> teams = in.currentTeams().stream().filter(t -> t.units().stream().anyMatch(codes::contains)).toList();
        AllocationInput part = new AllocationInput("part", units, in.operators(), teams, in.staffing(), in.indicators(), Map.of(), true);
        Objective.Weights w = new Objective.Weights(1, 1, 1, 100);
        AllocationIndex index = new AllocationIndex(part);
        List<Team> candidates = OptimalStrategy.candidates(part, index, true);
        double ours = Objective.score(part, OptimalStrategy.solve(part, index, candidates, w, 0), w).total();
        assertEquals(jgrapht(part, index, candidates, w), ours, 1e-6);
        assertTrue(units.size() > 250, "a larger instance: " + units.size() + " units, " + candidates.size() + " teams");
    }

    /** The same network solved by JGraphT's capacity-scaling algorithm: its minimum cost. */
    private static double jgrapht(AllocationInput in, AllocationIndex index, List<Team> candidates, Objective.Weights w) {
        DirectedWeightedMultigraph<String, DefaultWeightedEdge> g = new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
        g.addVertex("S");
        g.addVertex("T");
        candidates.forEach(t -> g.addVertex("team:" + t.id()));
        for (AllocationUnit u : in.units()) {
            String v = "unit:" + u.code();
            g.addVertex(v);
            g.setEdgeWeight(g.addEdge("S", v), 0);
            double cases = u.casesInService();
            g.setEdgeWeight(g.addEdge(v, "T"), w.unserved() + (index.servedNow(u.code()) ? w.continuity() * cases : 0));
            for (Team t : candidates) {
                boolean change = index.servedNow(u.code())
                        && !new HashSet<>(index.currentOperators(u.code())).equals(new HashSet<>(t.operators()));
                g.setEdgeWeight(g.addEdge(v, "team:" + t.id()), w.travel() * t.base().distanceKm(u.preschool().location())
                        + (change ? w.continuity() * cases : 0));
            }
        }
        for (Team t : candidates) {
            int s = in.staffing().size(t.kind()).units();
            for (int k = 1; k <= s; k++) {
                g.setEdgeWeight(g.addEdge("team:" + t.id(), "T"), w.balance() * (2.0 * k - 1) / s);
            }
        }
        int n = in.units().size();
        MinimumCostFlowProblem<String, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(g,
                v -> v.equals("S") ? n : v.equals("T") ? -n : 0, e -> 1);
        return new CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge>().getMinimumCostFlow(problem).getCost();
    }

    @Test
    void hongKongServesEveryUnitAndIsNoWorseThanKeepingEveryTeam() {
        // (its speed is measured in the allocation benchmark, not asserted here: a timed unit test fails on a busy machine)
        AllocationInput hk = HongKong.input();
        AllocationPlan plan = Plans.run(optimal, hk, Map.of());
        assertEquals(0, plan.metrics().unservedUnits());
        Objective.Weights w = new Objective.Weights(1, 1, 1, 100);
        double optimum = Objective.score(hk, plan.teams(), w).total();
        // the candidates as formed (current teams keep their units, new teams take the rest) are one feasible plan
        List<Team> asFormed = OptimalStrategy.candidates(hk, new AllocationIndex(hk), true);
        assertTrue(optimum <= Objective.score(hk, asFormed, w).total() + 1e-6);
        assertTrue(plan.notes().get(0).startsWith("Objective "), plan.notes().get(0));
        for (Team t : plan.teams()) {
            assertTrue(t.units().size() <= hk.staffing().size(t.kind()).units());
        }
        assertEquals(Plans.run(optimal, hk, Map.of()).teams(), plan.teams(), "deterministic");
        List<Team> ignored = new ArrayList<>();
        assertTrue(ignored.isEmpty());
    }

    @Test
    void theUnitsTheOptimumLeavesAreReportedForCapacityOrCost() {
        AllocationInput hk = HongKong.input();
        // only the current teams (736 places) for 1,040 units: 304 left, for capacity
        AllocationPlan current = Plans.run(new OptimalStrategy(), hk, Map.of("new-teams", "false"));
        assertEquals(304, current.metrics().unservedUnits());
        assertEquals(304, current.metrics().unserved(UnservedReason.CAPACITY));
        // an unserved unit costs almost nothing: leaving far units is cheaper than the travel, with room to spare
        AllocationPlan cheap = Plans.run(new OptimalStrategy(), hk, Map.of("weight.unserved", "0.5", "weight.continuity", "0"));
        assertTrue(cheap.metrics().unservedUnits() > 0);
        assertEquals(cheap.metrics().unservedUnits(), cheap.metrics().unserved(UnservedReason.COST));
        // defaults: every unit served
        assertEquals(0, Plans.run(new OptimalStrategy(), hk, Map.of()).metrics().unserved().size());
    }

    @Test
    void eachFrontierPointIsOptimalForItsWeightsAgainstBruteForce() {
        List<Double> grid = List.of(0.0, 0.5, 2.0, 10.0);
        for (long seed = 1; seed <= 12; seed++) {
            AllocationInput in = random(seed, 5 + (int) (seed % 2));
            List<Frontiers.Computed> points = Frontiers.compute(in, optimal, List.of(new KeepEveryTeam()), grid);
            assertEquals(grid.size() + 1, points.size());
            List<Team> candidates = OptimalStrategy.candidates(in, new AllocationIndex(in), true);
            for (int k = 0; k < grid.size(); k++) {
                Frontiers.Computed c = points.get(k);
                assertTrue(c.point().optimised());
                assertEquals(grid.get(k), c.point().balanceWeight());
                // the weights the frontier keeps: travel 1, unserved 100,000
                double[] w = {1, 1, grid.get(k), Frontiers.UNSERVED_WEIGHT};
                double best = bruteForce(in, candidates, w, 0);
                int[] choice = new int[in.units().size()];
                java.util.Arrays.fill(choice, -1);
                for (Team t : c.plan().teams()) {
                    int index = -1;
                    for (int x = 0; x < candidates.size(); x++) {
                        if (candidates.get(x).id().equals(t.id())) {
                            index = x;
                        }
                    }
                    for (String u : t.units()) {
                        choice[Integer.parseInt(u.substring(1))] = index;
                    }
                }
                assertEquals(best, bruteScore(in, candidates, choice, w), 1e-6, "seed " + seed + " balance " + grid.get(k));
                // the point's figures are the plan's
                assertEquals(c.plan().metrics().casesAffected(), c.point().casesAffected());
                assertEquals(Frontiers.imbalance(in, c.plan().teams()), c.point().imbalance(), 0.01);
            }
            // more weight on balance never raises the imbalance, never lowers the cases affected... of an optimum: checked
            // through the objective: each point scores no worse than any other point under its own weights
            for (int a = 0; a < grid.size(); a++) {
                for (int b = 0; b < points.size(); b++) {
                    double own = 1 * points.get(a).point().casesAffected() + grid.get(a) * points.get(a).point().imbalance();
                    double other = 1 * points.get(b).point().casesAffected() + grid.get(a) * points.get(b).point().imbalance();
                    assertTrue(own <= other + 1e-6 + travelAndUnservedGap(in, points.get(a), points.get(b)),
                            "seed " + seed + ": point " + a + " vs " + b);
                }
            }
            Frontiers.Computed keep = points.get(grid.size());
            assertTrue(!keep.point().optimised() && Double.isNaN(keep.point().balanceWeight()));
        }
    }

    /** The travel and unserved terms of b minus those of a (the frontier's weights hold them at 1 and 100,000). */
    private static double travelAndUnservedGap(AllocationInput in, Frontiers.Computed a, Frontiers.Computed b) {
        Objective.Weights w = new Objective.Weights(0, 1, 0, Frontiers.UNSERVED_WEIGHT);
        return Objective.score(in, b.plan().teams(), w).total() - Objective.score(in, a.plan().teams(), w).total();
    }

    /** A strategy shown beside the frontier: the current teams as they are. */
    private static final class KeepEveryTeam implements org.safenest.api.allocation.AllocationStrategy {
        @Override
        public String id() {
            return "keep";
        }

        @Override
        public String name() {
            return "Keep";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<org.safenest.api.allocation.StrategyParameter> parameters() {
            return List.of();
        }

        @Override
        public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
            return new AllocationPlan("keep", parameters, input.currentTeams(), List.of(), null, true, List.of(), null);
        }
    }
}
