package org.safenest.allocation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.safenest.allocation.support.Geography;
import org.safenest.api.allocation.AffectedUnit;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.DistrictLoad;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamLoad;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.allocation.UnservedUnit;

/**
 * Measures every plan the same way, whatever strategy computed it, against the input's current assignment.
 *
 * <ul>
 * <li>Continuity: a unit <em>changes operator</em> when it is served now and the set of operators serving it under
 * the plan differs (another operator, a consortium that gains or loses a member, a team to be tendered, or no team).
 * A unit unserved now that gains a team changes no operator: no family is in service there. The affected units are
 * listed with their cases, most cases first: the families to consult and inform first.
 * <li>Workload: a team's pupils per worker are its units' pupils over the workers its kind is staffed with; a team is
 * over ratio above the region's pupils-per-worker ratio; it is complete when it serves at least the units its kind is
 * staffed for.
 * <li>Travel: the great-circle distance from a team's base to each unit it serves.
 * <li>Districts: each team's workers are shared among the districts of its units in proportion to their pupils, so
 * that hot-spot districts (more pupils per worker than the ratio) show.
 * </ul>
 * Figures are rounded to two decimals.
 */
public final class PlanMeasures {

    private PlanMeasures() {
    }

    /**
     * Checks a strategy's plan against the input and answers it measured: unserved units recomputed from the teams,
     * a team without a base given its units' medoid, marked synthetic when the input is.
     * {@link IllegalStateException} when the plan names a unit the input does not have, serves a unit twice, repeats
     * a team id or has a team without operators.
     */
    public static AllocationPlan measure(AllocationInput input, AllocationPlan plan) {
        Map<String, AllocationUnit> units = units(input);
        Set<String> served = new HashSet<>();
        Set<String> ids = new HashSet<>();
        List<Team> teams = new ArrayList<>();
        for (Team t : plan.teams()) {
            String problem = null;
            if (t.id() == null || !ids.add(t.id())) {
                problem = "team id " + t.id() + " is missing or repeated";
            } else if (t.operators().isEmpty() || t.kind() == null) {
                problem = "team " + t.id() + " has no operator or no kind";
            }
            for (String u : t.units()) {
                if (problem == null && !units.containsKey(u)) {
                    problem = "team " + t.id() + " serves unit " + u + ", which the region does not have";
                } else if (problem == null && !served.add(u)) {
                    problem = "unit " + u + " is served by more than one team";
                }
            }
            if (problem != null) {
                throw new IllegalStateException("Strategy '" + plan.strategy() + "' returned an invalid plan: " + problem);
            }
            teams.add(t.base() != null || t.units().isEmpty() ? t
                    : new Team(t.id(), t.operators(), t.kind(), t.units(), Geography.base(t.units().stream().map(units::get).toList())));
        }
        List<String> unserved = new ArrayList<>();
        for (AllocationUnit u : input.units()) {
            if (!served.contains(u.code())) {
                unserved.add(u.code());
            }
        }
        List<UnservedUnit> reasons = reasons(input, served, plan.unservedReasons());
        AllocationPlan checked = new AllocationPlan(plan.strategy(), plan.parameters(), teams, unserved, null,
                plan.synthetic() || input.synthetic(), plan.notes(), plan.computedAt(), reasons);
        return checked.withMetrics(metrics(input, teams, reasons));
    }

    /**
     * Every unit not in {@code served}, with the reason the strategy gave for it, else {@link UnservedReason#NOT_GIVEN};
     * most cases first, then by code. Reasons for units that are served are dropped.
     */
    static List<UnservedUnit> reasons(AllocationInput input, Set<String> served, List<UnservedUnit> given) {
        Map<String, UnservedUnit> byUnit = new HashMap<>();
        for (UnservedUnit u : given) {
            byUnit.putIfAbsent(u.unit(), u);
        }
        List<AllocationUnit> left = new ArrayList<>();
        for (AllocationUnit u : input.units()) {
            if (!served.contains(u.code())) {
                left.add(u);
            }
        }
        left.sort(Comparator.comparingInt(AllocationUnit::casesInService).reversed().thenComparing(AllocationUnit::code));
        List<UnservedUnit> result = new ArrayList<>(left.size());
        for (AllocationUnit u : left) {
            UnservedUnit g = byUnit.get(u.code());
            result.add(g == null ? new UnservedUnit(u.code(), u.preschool().district(), UnservedReason.NOT_GIVEN,
                    "the strategy left this unit without a team and gave no reason")
                    : new UnservedUnit(u.code(), u.preschool().district(), g.reason(), g.detail()));
        }
        return result;
    }

    /** A sentence on the plan's coverage: every unit served, or how many are left and why. */
    public static String coverageNote(AllocationInput input, PlanMetrics m) {
        if (m.unserved().isEmpty()) {
            return "Coverage: every one of the " + input.units().size() + " units is served, by " + m.workers() + " workers.";
        }
        Map<UnservedReason, Integer> count = new java.util.EnumMap<>(UnservedReason.class);
        m.unserved().forEach(u -> count.merge(u.reason(), 1, Integer::sum));
        StringBuilder b = new StringBuilder("Coverage: ").append(m.unserved().size()).append(" of the ").append(input.units().size())
                .append(" units are left without a team (");
        count.forEach((r, n) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(n).append(' ')
                .append(r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return b.append("); ").append(m.workers()).append(" workers. The units and reasons are in the metrics' unserved list.").toString();
    }

    /** The metrics of these teams against the input's current assignment (every unserved unit without a reason). */
    public static PlanMetrics metrics(AllocationInput input, List<Team> teams) {
        Set<String> served = new HashSet<>();
        teams.forEach(t -> served.addAll(t.units()));
        return metrics(input, teams, reasons(input, served, List.of()));
    }

    /** The metrics of these teams against the input's current assignment, with the unserved units and their reasons. */
    public static PlanMetrics metrics(AllocationInput input, List<Team> teams, List<UnservedUnit> unservedUnits) {
        Map<String, AllocationUnit> units = units(input);
        Staffing staffing = input.staffing();
        int ratio = staffing.pupilsPerWorker();

        // continuity
        Map<String, Set<String>> before = operatorsByUnit(input.currentTeams(), units);
        Map<String, Set<String>> after = operatorsByUnit(teams, units);
        List<AffectedUnit> affected = new ArrayList<>();
        for (AllocationUnit u : input.units()) {
            Set<String> from = before.get(u.code());
            Set<String> to = after.getOrDefault(u.code(), Set.of());
            if (from != null && !from.equals(to)) {
                affected.add(new AffectedUnit(u.code(), u.preschool().district(), List.copyOf(from), List.copyOf(to), u.casesInService()));
            }
        }
        affected.sort(Comparator.comparingInt(AffectedUnit::casesAffected).reversed().thenComparing(AffectedUnit::unit));
        int casesAffected = affected.stream().mapToInt(AffectedUnit::casesAffected).sum();

        // teams, travel and the districts' share of each team's workers
        List<TeamLoad> loads = new ArrayList<>();
        Map<String, Double> districtWorkers = new HashMap<>();
        double travelSum = 0;
        double travelMax = 0;
        int servedUnits = 0;
        int complete = 0;
        int over = 0;
        double ppwMax = 0;
        double ppwMin = Double.MAX_VALUE;
        for (Team t : teams) {
            int pupils = 0;
            double km = 0;
            double kmMax = 0;
            Map<String, Integer> pupilsByDistrict = new LinkedHashMap<>();
            Map<String, Integer> unitsByDistrict = new LinkedHashMap<>();
            for (String code : t.units()) {
                AllocationUnit u = units.get(code);
                pupils += u.pupils();
                double d = t.base() == null ? 0 : t.base().distanceKm(u.preschool().location());
                km += d;
                kmMax = Math.max(kmMax, d);
                pupilsByDistrict.merge(u.preschool().district(), u.pupils(), Integer::sum);
                unitsByDistrict.merge(u.preschool().district(), 1, Integer::sum);
            }
            int workers = staffing.size(t.kind()).workers();
            double ppw = workers == 0 ? 0 : (double) pupils / workers;
            boolean isOver = ppw > ratio;
            boolean isComplete = t.units().size() >= staffing.size(t.kind()).units();
            loads.add(new TeamLoad(t.id(), t.units().size(), pupils, workers, round(ppw), isOver, isComplete,
                    round(t.units().isEmpty() ? 0 : km / t.units().size()), round(kmMax)));
            travelSum += km;
            travelMax = Math.max(travelMax, kmMax);
            servedUnits += t.units().size();
            complete += isComplete ? 1 : 0;
            over += isOver ? 1 : 0;
            ppwMax = Math.max(ppwMax, ppw);
            ppwMin = Math.min(ppwMin, ppw);
            for (Map.Entry<String, Integer> e : unitsByDistrict.entrySet()) {
                double share = pupils > 0 ? (double) pupilsByDistrict.get(e.getKey()) / pupils : (double) e.getValue() / t.units().size();
                districtWorkers.merge(e.getKey(), workers * share, Double::sum);
            }
        }
        if (teams.isEmpty()) {
            ppwMin = 0;
        }

        // districts
        Set<String> servedCodes = new HashSet<>();
        for (Team t : teams) {
            servedCodes.addAll(t.units());
        }
        Map<String, int[]> byDistrict = new TreeMap<>(); // units, unserved, pupils, cases, served pupils
        for (AllocationUnit u : input.units()) {
            int[] d = byDistrict.computeIfAbsent(u.preschool().district(), k -> new int[5]);
            d[0]++;
            boolean isServed = servedCodes.contains(u.code());
            d[1] += isServed ? 0 : 1;
            d[2] += u.pupils();
            d[3] += u.casesInService();
            d[4] += isServed ? u.pupils() : 0;
        }
        List<DistrictLoad> districts = new ArrayList<>();
        for (Map.Entry<String, int[]> e : byDistrict.entrySet()) {
            int[] d = e.getValue();
            double workers = districtWorkers.getOrDefault(e.getKey(), 0.0);
            double ppw = workers <= 1e-9 ? 0 : d[4] / workers;
            districts.add(new DistrictLoad(e.getKey(), d[0], d[1], d[2], d[3], round(workers), round(ppw), ppw > ratio));
        }
        int unserved = input.units().size() - servedCodes.size();
        int workers = loads.stream().mapToInt(TeamLoad::workers).sum();
        return new PlanMetrics(affected.size(), casesAffected, affected, round(ppwMax), round(ppwMin), round(ppwMax - ppwMin),
                over, complete, teams.size() - complete, unserved, round(servedUnits == 0 ? 0 : travelSum / servedUnits),
                round(travelMax), loads, districts, workers, unservedUnits);
    }

    private static Map<String, AllocationUnit> units(AllocationInput input) {
        Map<String, AllocationUnit> units = new HashMap<>();
        for (AllocationUnit u : input.units()) {
            units.put(u.code(), u);
        }
        return units;
    }

    private static Map<String, Set<String>> operatorsByUnit(List<Team> teams, Map<String, AllocationUnit> units) {
        Map<String, Set<String>> result = new HashMap<>();
        for (Team t : teams) {
            for (String u : t.units()) {
                if (units.containsKey(u)) {
                    result.computeIfAbsent(u, k -> new TreeSet<>()).addAll(t.operators());
                }
            }
        }
        return result;
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
