package org.safenest.allocation.hkcss.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code hkcss}: the Hong Kong Council of Social Service's proposal (2022-10-07).
 * <ol>
 * <li>A. Single-operator full and half teams keep their units. Where one operator runs two half teams, they are
 * combined into a full team (the closest pairs first when it runs more than two).
 * <li>B. Consortium half teams: their units and the {@code eligible-units} unserved units nearest to them are merged
 * centrally into half teams, for tender (or, with {@code consortium-teams=keep}, each run by the consortium that served
 * most of its units). Consortium full teams keep their units.
 * <li>Growth ({@code stage=all}): every unit still unserved is grouped centrally by district and pupils: a district
 * gets enough half teams for its units (at most a half team's units each) and its pupils (at most the workers' ratio
 * each), grown into full teams in pairs ({@code grow-to-full=true}), to be tendered.
 * </ol>
 */
@Component(service = AllocationStrategy.class, property = AllocationStrategy.STRATEGY_PROPERTY + "=" + HkcssStrategy.ID)
public class HkcssStrategy implements AllocationStrategy {

    public static final String ID = "hkcss";

    private static final List<StrategyParameter> PARAMETERS = List.of(
            new StrategyParameter("stage", "pilot: proposals A and B only (the rest stays unserved); all: then group every unit "
                    + "still unserved by district and pupils (all 1,040 kindergartens)", "all"),
            new StrategyParameter("eligible-units", "How many unserved units (0 to 1000) join the consortium groupings in B "
                    + "(HKCSS: about 30)", "30"),
            new StrategyParameter("consortium-teams", "tender: the half teams formed in B are tendered (the proposal's words); "
                    + "keep: each goes to the consortium that served most of its units", "tender"),
            new StrategyParameter("grow-to-full", "true: new half teams of a district grow into full teams in pairs; false: they "
                    + "stay half teams (the first stage)", "true"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "HKCSS proposal";
    }

    @Override
    public String description() {
        return "The HKCSS proposal: (A) single-operator teams keep their units and two half teams of one operator become a full "
                + "team; (B) consortium half teams merge with about 30 unserved units centrally into half teams for tender; then "
                + "(stage=all) every unit still unserved is grouped by district and pupils into teams that grow from half to full.";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
        Parameters p = new Parameters(ID, PARAMETERS, parameters);
        boolean growAll = p.choice("stage", Set.of("pilot", "all")).equals("all");
        int eligible = p.integer("eligible-units", 0, 1000);
        boolean keepConsortia = p.choice("consortium-teams", Set.of("tender", "keep")).equals("keep");
        boolean growToFull = p.flag("grow-to-full");
        AllocationIndex index = new AllocationIndex(input);
        List<Team> teams = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        // A: single-operator teams; an operator's half teams combined in pairs, closest first
        Map<String, List<Team>> halvesByOperator = new TreeMap<>();
        List<Team> consortiumHalves = new ArrayList<>();
        int kept = 0;
        for (Team t : input.currentTeams()) {
            Team known = new Team(t.id(), t.operators(), t.kind(), t.units().stream().filter(index::has).toList(), t.base());
            if (t.consortium() && t.kind() == TeamKind.HALF) {
                consortiumHalves.add(known);
            } else if (!t.consortium() && t.kind() == TeamKind.HALF && !t.operators().get(0).equals(Teams.TENDER)) {
                halvesByOperator.computeIfAbsent(t.operators().get(0), o -> new ArrayList<>()).add(known);
            } else {
                teams.add(known);
                kept++;
            }
        }
        int combined = 0;
        for (Map.Entry<String, List<Team>> e : halvesByOperator.entrySet()) {
            List<Team> halves = new ArrayList<>(e.getValue());
            while (halves.size() >= 2) {
                Team a = null;
                Team b = null;
                double best = Double.MAX_VALUE;
                for (int i = 0; i < halves.size(); i++) {
                    for (int j = i + 1; j < halves.size(); j++) {
                        double km = distance(halves.get(i), halves.get(j));
                        if (km < best) {
                            best = km;
                            a = halves.get(i);
                            b = halves.get(j);
                        }
                    }
                }
                halves.remove(a);
                halves.remove(b);
                List<AllocationUnit> units = new ArrayList<>(index.units(a.units()));
                units.addAll(index.units(b.units()));
                units.sort(Comparator.comparing(AllocationUnit::code));
                teams.add(Teams.of(a.id() + "+" + b.id(), List.of(e.getKey()), TeamKind.FULL, units));
                combined++;
            }
            teams.addAll(halves);
            kept += halves.size();
        }
        notes.add("A: " + kept + " single-operator and consortium full teams keep their units; " + combined
                + " pairs of half teams of one operator become full teams.");

        // B: consortium half teams and the eligible unserved units nearest to them, regrouped into half teams
        Set<String> served = new HashSet<>();
        teams.forEach(t -> served.addAll(t.units()));
        List<AllocationUnit> pool = new ArrayList<>();
        consortiumHalves.forEach(t -> pool.addAll(index.units(t.units())));
        served.addAll(AllocationIndex.codes(pool));
        List<AllocationUnit> unserved = input.units().stream().filter(u -> !served.contains(u.code())).toList();
        List<AllocationUnit> nearest = nearestTo(unserved, consortiumHalves, eligible);
        pool.addAll(nearest);
        if (!pool.isEmpty()) {
            int half = input.staffing().halfTeam().units();
            int count = (pool.size() + half - 1) / half;
            List<TeamKind> kinds = java.util.Collections.nCopies(count, TeamKind.HALF);
            List<List<AllocationUnit>> groups = Geography.split(pool, Teams.sizes(pool.size(), kinds, input.staffing()));
            for (int g = 0; g < groups.size(); g++) {
                List<String> operators = keepConsortia ? consortiumServingMost(groups.get(g), index) : List.of(Teams.TENDER);
                teams.add(Teams.of(unique("consortium-" + (g + 1), teams, input), operators, TeamKind.HALF, groups.get(g)));
            }
            notes.add("B: the " + (pool.size() - nearest.size()) + " units of " + consortiumHalves.size() + " consortium half teams and "
                    + nearest.size() + " unserved units nearest to them form " + groups.size() + " half teams"
                    + (keepConsortia ? ", each run by the consortium that served most of its units." : ", for tender."));
        }
        nearest.forEach(u -> served.add(u.code()));

        // growth: every unit still unserved, by district and pupils
        List<AllocationUnit> rest = input.units().stream().filter(u -> !served.contains(u.code())).toList();
        List<String> unservedCodes = new ArrayList<>();
        if (growAll) {
            int newTeams = 0;
            Map<String, List<AllocationUnit>> byDistrict = new TreeMap<>();
            rest.forEach(u -> byDistrict.computeIfAbsent(u.preschool().district(), d -> new ArrayList<>()).add(u));
            int halfUnits = input.staffing().halfTeam().units();
            int halfPupils = input.staffing().halfTeam().workers() * input.staffing().pupilsPerWorker();
            for (Map.Entry<String, List<AllocationUnit>> e : byDistrict.entrySet()) {
                List<AllocationUnit> units = e.getValue();
                int halves = Math.max((units.size() + halfUnits - 1) / halfUnits,
                        (AllocationIndex.pupils(units) + halfPupils - 1) / halfPupils);
                halves = Math.min(halves, units.size());
                List<TeamKind> kinds = new ArrayList<>();
                for (int i = 0; i < (growToFull ? halves / 2 : 0); i++) {
                    kinds.add(TeamKind.FULL);
                }
                while (kinds.size() < (growToFull ? halves / 2 + halves % 2 : halves)) {
                    kinds.add(TeamKind.HALF);
                }
                List<List<AllocationUnit>> groups = Geography.split(units, Teams.sizes(units.size(), kinds, input.staffing()));
                for (int g = 0; g < groups.size(); g++) {
                    teams.add(Teams.of(unique("new-" + e.getKey() + "-" + (g + 1), teams, input), List.of(Teams.TENDER), kinds.get(g),
                            groups.get(g)));
                    newTeams++;
                }
            }
            notes.add("Growth: the " + rest.size() + " units still unserved are grouped by district and pupils into " + newTeams
                    + (growToFull ? " teams (half teams grown into full teams in pairs)" : " half teams") + ", for tender.");
        } else {
            unservedCodes.addAll(AllocationIndex.codes(rest));
            notes.add("Stage pilot: " + rest.size() + " units stay unserved until resources cover them.");
        }
        List<UnservedUnit> reasons = new ArrayList<>();
        if (!growAll) {
            rest.forEach(u -> reasons.add(new UnservedUnit(u.code(), u.preschool().district(), UnservedReason.SCOPE,
                    "stage=pilot: proposals A and B only; the unit is served once resources cover every unit (stage=all)")));
        }
        return new AllocationPlan(ID, p.given(), teams, unservedCodes, null, input.synthetic(), notes, Instant.now(), reasons);
    }

    /**
     * The id, or, when a team of the plan or of the current assignment has it already (the current assignment is an
     * earlier hkcss plan, or the previous stage of a phase-in), the id with the first free suffix {@code .2}, {@code .3}...
     */
    static String unique(String id, List<Team> teams, AllocationInput input) {
        Set<String> used = new HashSet<>();
        teams.forEach(t -> used.add(t.id()));
        input.currentTeams().forEach(t -> used.add(t.id()));
        if (!used.contains(id)) {
            return id;
        }
        int n = 2;
        while (used.contains(id + "." + n)) {
            n++;
        }
        return id + "." + n;
    }

    private static double distance(Team a, Team b) {
        return a.base() == null || b.base() == null ? Double.MAX_VALUE / 4 : a.base().distanceKm(b.base());
    }

    /** The {@code count} units nearest to any of the teams' bases (ties by code). */
    private static List<AllocationUnit> nearestTo(List<AllocationUnit> units, List<Team> teams, int count) {
        if (teams.isEmpty() || count == 0) {
            return List.of();
        }
        List<AllocationUnit> sorted = new ArrayList<>(units);
        Map<String, Double> km = new java.util.HashMap<>();
        for (AllocationUnit u : units) {
            double best = Double.MAX_VALUE;
            for (Team t : teams) {
                if (t.base() != null) {
                    best = Math.min(best, t.base().distanceKm(u.preschool().location()));
                }
            }
            km.put(u.code(), best);
        }
        sorted.sort(Comparator.comparingDouble((AllocationUnit u) -> km.get(u.code())).thenComparing(AllocationUnit::code));
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    /** The operators of the consortium that served most of the units (ties: more cases, then the smaller ids). */
    private static List<String> consortiumServingMost(List<AllocationUnit> units, AllocationIndex index) {
        Map<List<String>, int[]> score = new TreeMap<>(Comparator.comparing(Object::toString));
        for (AllocationUnit u : units) {
            Team t = index.currentTeam(u.code());
            if (t != null && t.consortium()) {
                int[] s = score.computeIfAbsent(t.operators(), k -> new int[2]);
                s[0]++;
                s[1] += u.casesInService();
            }
        }
        List<String> best = List.of(Teams.TENDER);
        int[] bestScore = {0, 0};
        for (Map.Entry<List<String>, int[]> e : score.entrySet()) {
            if (e.getValue()[0] > bestScore[0] || (e.getValue()[0] == bestScore[0] && e.getValue()[1] > bestScore[1])) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }
}
