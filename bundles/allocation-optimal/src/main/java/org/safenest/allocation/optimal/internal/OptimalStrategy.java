package org.safenest.allocation.optimal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.safenest.allocation.support.AllocationIndex;
import org.safenest.allocation.support.Geography;
import org.safenest.allocation.support.Parameters;
import org.safenest.allocation.support.Teams;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.allocation.UnservedUnit;

/**
 * {@code optimal}: the assignment of units to teams that minimises the {@link Objective} (weighted continuity, travel
 * and workload balance, and a penalty per unserved unit) under team capacity, computed exactly as a minimum-cost flow.
 *
 * <p><b>Teams.</b> The candidate teams are the current teams (their operators, kind and base) and, with
 * {@code new-teams=true}, new half teams to be tendered for the units unserved now, formed by district as {@code retain}
 * forms them. A team may serve up to the units its kind is staffed for plus {@code extra-units}. Candidates that get no
 * unit are left out of the plan.
 *
 * <p><b>Network.</b> Each unit sends one unit of flow, either to a candidate team (cost: continuity weight x its cases
 * when the team's operators differ from those serving it now, plus travel weight x km from the team's base) or straight
 * to the sink as unserved (continuity weight x its cases when served now, plus the unserved weight). Each team reaches the
 * sink through one arc per place, the k-th costing balance weight x (2k - 1) / s, so that n places cost n^2 / s: convex,
 * taken in order. Successive shortest paths give a minimum-cost flow ({@link Transport}), and so an optimal plan for the objective.
 */
@Component(service = AllocationStrategy.class, property = AllocationStrategy.STRATEGY_PROPERTY + "=" + OptimalStrategy.ID)
public class OptimalStrategy implements AllocationStrategy {

    public static final String ID = "optimal";

    private static final List<StrategyParameter> PARAMETERS = List.of(
            new StrategyParameter("weight.continuity", "Cost per case at a unit that changes operator or loses its team (0 to 1000)", "1"),
            new StrategyParameter("weight.travel", "Cost per km from a team's base to a unit it serves (0 to 1000)", "1"),
            new StrategyParameter("weight.balance", "Cost per unit of workload imbalance: n^2/s per team, n units served, s staffed for (0 to 1000)", "1"),
            new StrategyParameter("weight.unserved", "Cost per unit left unserved (0 to 100000)", "100"),
            new StrategyParameter("new-teams", "true: new half teams by district, to be tendered, are candidates for the units "
                    + "unserved now; false: only the current teams", "true"),
            new StrategyParameter("extra-units", "Units a team may serve beyond what its kind is staffed for (0 to 16)", "0"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Optimal (exact minimum-cost flow)";
    }

    @Override
    public String description() {
        return "Assigns units to the current teams and to new half teams by district so as to minimise, exactly: continuity "
                + "(cases at units that change operator) x weight.continuity + km from team bases x weight.travel + the sum "
                + "over teams of units^2/staffed units x weight.balance + unserved units x weight.unserved, under team "
                + "capacity; solved as a minimum-cost flow by successive shortest paths.";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return PARAMETERS;
    }

    /** The weights from the parameters. */
    static Objective.Weights weights(Parameters p) {
        return new Objective.Weights(p.number("weight.continuity", 0, 1000), p.number("weight.travel", 0, 1000),
                p.number("weight.balance", 0, 1000), p.number("weight.unserved", 0, 100_000));
    }

    @Override
    public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
        Parameters p = new Parameters(ID, PARAMETERS, parameters);
        Objective.Weights w = weights(p);
        boolean newTeams = p.flag("new-teams");
        int extra = p.integer("extra-units", 0, 16);
        AllocationIndex index = new AllocationIndex(input);
        List<Team> candidates = candidates(input, index, newTeams);
        List<Team> teams = solve(input, index, candidates, w, extra);
        Objective.Score score = Objective.score(input, teams, w);
        List<String> notes = List.of(
                String.format(Locale.ROOT, "Objective %.2f = continuity %.2f + travel %.2f + balance %.2f + unserved %.2f "
                        + "(weights %s); the minimum over %d candidate teams (%d current, %d new to be tendered), each up to its "
                        + "staffed units + %d.", score.total(), score.continuity(), score.travel(), score.balance(), score.unserved(),
                        w, candidates.size(), input.currentTeams().size(), candidates.size() - input.currentTeams().size(), extra),
                "Exact: a minimum-cost flow by successive shortest paths; no other assignment to these teams scores lower.");
        return new AllocationPlan(ID, p.given(), teams, List.of(), null, input.synthetic(), notes, Instant.now(),
                unserved(input, candidates, teams, extra));
    }

    /**
     * The units the optimum leaves, and why: capacity when every candidate team is full (the optimum had no room to
     * give), else cost (serving the unit would cost more, under the weights, than {@code weight.unserved}).
     */
    static List<UnservedUnit> unserved(AllocationInput input, List<Team> candidates, List<Team> teams, int extra) {
        Set<String> served = new HashSet<>();
        int used = 0;
        for (Team t : teams) {
            served.addAll(t.units());
            used += t.units().size();
        }
        int capacity = 0;
        for (Team t : candidates) {
            capacity += input.staffing().size(t.kind()).units() + extra;
        }
        boolean full = used >= capacity;
        List<UnservedUnit> result = new ArrayList<>();
        for (AllocationUnit u : input.units()) {
            if (!served.contains(u.code())) {
                result.add(new UnservedUnit(u.code(), u.preschool().district(), full ? UnservedReason.CAPACITY : UnservedReason.COST,
                        full ? "every candidate team is full (" + capacity + " places for " + input.units().size() + " units)"
                                : "under the weights, serving it costs more than weight.unserved"));
            }
        }
        return result;
    }

    /** The current teams (units the input does not have dropped), then new half teams by district for the units unserved now. */
    static List<Team> candidates(AllocationInput input, AllocationIndex index, boolean newTeams) {
        List<Team> result = new ArrayList<>();
        for (Team t : input.currentTeams()) {
            result.add(new Team(t.id(), t.operators(), t.kind(), t.units().stream().filter(index::has).toList(), t.base()));
        }
        if (newTeams) {
            Map<String, List<AllocationUnit>> byDistrict = new TreeMap<>();
            index.unservedNow().forEach(u -> byDistrict.computeIfAbsent(u.preschool().district(), d -> new ArrayList<>()).add(u));
            int half = input.staffing().halfTeam().units();
            for (Map.Entry<String, List<AllocationUnit>> e : byDistrict.entrySet()) {
                int count = (e.getValue().size() + half - 1) / half;
                List<TeamKind> kinds = Collections.nCopies(count, TeamKind.HALF);
                List<List<AllocationUnit>> groups = Geography.split(e.getValue(), Teams.sizes(e.getValue().size(), kinds, input.staffing()));
                for (int g = 0; g < groups.size(); g++) {
                    result.add(Teams.of("new-" + e.getKey() + "-" + (g + 1), List.of(Teams.TENDER), TeamKind.HALF, groups.get(g)));
                }
            }
        }
        return result;
    }

    /**
     * The optimal assignment of the input's units to the candidate teams: a minimum-cost flow whose bins are the
     * candidates and one more bin, "unserved", with room for every unit and no place cost. Teams that get no unit are
     * left out.
     */
    static List<Team> solve(AllocationInput input, AllocationIndex index, List<Team> candidates, Objective.Weights w, int extra) {
        List<AllocationUnit> units = input.units();
        int n = units.size();
        int m = candidates.size();
        double[][] cost = new double[n][m + 1];
        // operator sets as numbers, so that a unit and a team compare in one step; team bases as half-angle sines and
        // cosines, so that each distance is the haversine without a trigonometric call per pair (Distances)
        Map<Set<String>, Integer> sets = new HashMap<>();
        int[] teamSet = new int[m];
        Distances bases = new Distances(m);
        for (int t = 0; t < m; t++) {
            Team team = candidates.get(t);
            teamSet[t] = sets.computeIfAbsent(new HashSet<>(team.operators()), k -> sets.size());
            bases.set(t, team.base());
        }
        Distances here = new Distances(1);
        for (int u = 0; u < n; u++) {
            AllocationUnit unit = units.get(u);
            int now = index.servedNow(unit.code()) ? sets.getOrDefault(new HashSet<>(index.currentOperators(unit.code())), -1) : -2;
            double change = w.continuity() * unit.casesInService();
            here.set(0, unit.preschool().location());
            double[] row = cost[u];
            for (int t = 0; t < m; t++) {
                row[t] = w.travel() * bases.km(t, here, 0) + (now != -2 && now != teamSet[t] ? change : 0);
            }
            row[m] = (now != -2 ? change : 0) + w.unserved();
        }
        int[] capacity = new int[m + 1];
        double[][] place = new double[m + 1][];
        for (int t = 0; t < m; t++) {
            int staffed = input.staffing().size(candidates.get(t).kind()).units();
            capacity[t] = staffed + extra;
            place[t] = new double[capacity[t]];
            for (int k = 0; k < capacity[t]; k++) {
                place[t][k] = w.balance() * (2.0 * (k + 1) - 1) / staffed;
            }
        }
        capacity[m] = n;
        place[m] = new double[n];
        int[] binOf = new Transport(cost, capacity, place).solve();
        List<List<String>> served = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            served.add(new ArrayList<>());
        }
        for (int u = 0; u < n; u++) {
            if (binOf[u] < m) {
                served.get(binOf[u]).add(units.get(u).code());
            }
        }
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            if (!served.get(t).isEmpty()) {
                Team c = candidates.get(t);
                List<String> codes = served.get(t);
                Collections.sort(codes);
                teams.add(new Team(c.id(), c.operators(), c.kind(), codes, c.base()));
            }
        }
        return teams;
    }
}
