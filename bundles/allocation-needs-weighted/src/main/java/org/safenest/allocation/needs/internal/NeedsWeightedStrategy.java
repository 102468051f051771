package org.safenest.allocation.needs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import org.safenest.api.region.DistrictIndicator;

/**
 * {@code needs-weighted}: worker capacity shared among districts by need, then units assigned within districts.
 *
 * <p><b>Need index.</b> For each indicator with a weight {@code weight.<indicator>} (any indicator of the region's data,
 * including ones added as data), the districts' values are scaled to 0..1 (lowest to highest); a negative weight turns
 * the scale round (lower income = more need). A district's need is the weighted mean of its scores, 0..1; a district
 * without a value for an indicator scores 0.5 there. Defaults: {@code weight.median-monthly-household-income = -1},
 * {@code weight.population = 1}.
 *
 * <p><b>Capacity, coverage first.</b> {@code workers} (default {@code coverage}: the workers of the fewest teams that
 * serve every unit of each district, the same staffing as {@code district} counts) in half-team steps. With
 * {@code coverage=true} (default) each district first gets the half teams its units need; only the half teams beyond
 * that are shared by need, in proportion to pupils x (1 + need-factor x need), largest remainder. At the default
 * staffing no half team is left over, so need decides nothing: that is the finding (the staffing that serves every
 * unit leaves no slack for need); give more {@code workers} to see need at work. With {@code coverage=false}, or
 * fewer workers than coverage needs, every half team is shared by need (a district with units getting at least one),
 * and the units a district's teams cannot take are reported unserved for {@code capacity}. A district's half teams
 * pair into full teams.
 *
 * <p>Before 1.2 of this strategy the default was {@code workers=units} (the full teams for all units of the region,
 * 520 workers for Hong Kong's 1,040 units) shared by need alone: districts whose share was below their units left 86
 * kindergartens unserved without saying so.
 *
 * <p><b>Within a district.</b> When its teams cannot take all its units, the units served now are kept first (then the
 * larger by pupils); the others stay unserved, reason {@code capacity}. Units are split among the district's teams in compact groups in
 * proportion to their size; each team goes to the operator already serving most of its units, else to tender.
 */
@Component(service = AllocationStrategy.class, property = AllocationStrategy.STRATEGY_PROPERTY + "=" + NeedsWeightedStrategy.ID)
public class NeedsWeightedStrategy implements AllocationStrategy {

    public static final String ID = "needs-weighted";

    static final Map<String, String> DEFAULT_WEIGHTS = Map.of("median-monthly-household-income", "-1", "population", "1");

    private static final List<StrategyParameter> PARAMETERS = List.of(
            new StrategyParameter("weight.*", "The weight (-100 to 100) of a district indicator in the need index, as "
                    + "weight.<indicator>; negative: a lower value means more need. Giving any weight replaces the defaults "
                    + "weight.median-monthly-household-income=-1 and weight.population=1", null),
            new StrategyParameter("workers", "The worker capacity to share: 'coverage' (the fewest teams that serve every "
                    + "unit of each district), 'units' (full teams for all the region's units, ignoring districts), 'current' "
                    + "(the workers of the current teams) or a number", "coverage"),
            new StrategyParameter("coverage", "true: each district first gets the half teams its units need, need shares the "
                    + "rest; false: need shares every half team (units beyond a district's teams stay unserved, reason capacity)",
                    "true"),
            new StrategyParameter("need-factor", "How much need adds to a district's share per pupil (0 to 10): share is "
                    + "pupils x (1 + need-factor x need)", "1"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Needs-weighted districts";
    }

    @Override
    public String description() {
        return "Worker capacity is shared among districts by pupils and a need index computed from the district indicators "
                + "(weights are parameters: lower income and more population mean more need by default); then each district's "
                + "units are assigned to its teams, the units served now first, each team to the operator already serving most "
                + "of its units.";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
        Parameters p = new Parameters(ID, PARAMETERS, parameters);
        AllocationIndex index = new AllocationIndex(input);
        Map<String, Double> weights = weights(p, input);
        double factor = p.number("need-factor", 0, 10);
        int halfWorkers = input.staffing().halfTeam().workers();
        boolean coverage = p.flag("coverage");
        Map<String, List<AllocationUnit>> byDistrict = index.byDistrict();
        Map<String, Integer> floors = floors(byDistrict, input.staffing().halfTeam().units());
        int coverageHalfTeams = floors.values().stream().mapToInt(Integer::intValue).sum();
        int workers = workers(p, input, coverageHalfTeams * halfWorkers);
        int halfTeams = workers / halfWorkers;
        boolean covered = coverage && halfTeams >= coverageHalfTeams;

        Map<String, Double> need = needIndex(input.indicators(), weights, byDistrict.keySet());
        Map<String, Integer> slots = share(byDistrict, need, factor, halfTeams, covered ? floors : Map.of());

        List<Team> teams = new ArrayList<>();
        List<String> unserved = new ArrayList<>();
        List<UnservedUnit> reasons = new ArrayList<>();
        for (Map.Entry<String, List<AllocationUnit>> e : byDistrict.entrySet()) {
            int h = slots.get(e.getKey());
            String why = "district " + e.getKey() + ": its " + h + " half teams take " + Math.min(e.getValue().size(),
                    h * input.staffing().halfTeam().units()) + " of its " + e.getValue().size() + " units (" + workers + " workers shared "
                    + (covered ? "coverage first" : "by need") + "; serving every unit by district needs " + coverageHalfTeams * halfWorkers + ")";
            if (h == 0) {
                unserved.addAll(AllocationIndex.codes(e.getValue()));
                e.getValue().forEach(u -> reasons.add(new UnservedUnit(u.code(), e.getKey(), UnservedReason.CAPACITY, why)));
                continue;
            }
            List<TeamKind> kinds = new ArrayList<>();
            for (int i = 0; i < h / 2; i++) {
                kinds.add(TeamKind.FULL);
            }
            if (h % 2 == 1) {
                kinds.add(TeamKind.HALF);
            }
            int capacity = kinds.stream().mapToInt(k -> input.staffing().size(k).units()).sum();
            List<AllocationUnit> units = new ArrayList<>(e.getValue());
            units.sort(Comparator.comparing((AllocationUnit u) -> index.servedNow(u.code()) ? 0 : 1)
                    .thenComparing(Comparator.comparingInt(AllocationUnit::pupils).reversed()).thenComparing(AllocationUnit::code));
            List<AllocationUnit> taken = units.subList(0, Math.min(capacity, units.size()));
            units.subList(taken.size(), units.size()).forEach(u -> {
                unserved.add(u.code());
                reasons.add(new UnservedUnit(u.code(), e.getKey(), UnservedReason.CAPACITY, why));
            });
            // never more teams than units
            while (kinds.size() > taken.size()) {
                kinds.remove(kinds.size() - 1);
            }
            List<List<AllocationUnit>> groups = Geography.split(taken, Teams.sizes(taken.size(), kinds, input.staffing()));
            for (int g = 0; g < groups.size(); g++) {
                teams.add(Teams.of(e.getKey() + "-" + (g + 1), List.of(operatorServingMost(groups.get(g), index)), kinds.get(g), groups.get(g)));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("Need index from " + weights + " (each indicator scaled 0..1 over the districts; negative weight: lower value "
                + "means more need); " + workers + " workers (" + halfTeams + " half teams) shared by pupils x (1 + " + factor + " x need).");
        StringBuilder byNeed = new StringBuilder("Need and half teams by district:");
        need.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(x -> byNeed.append(' ').append(x.getKey()).append(String.format(Locale.ROOT, " %.2f/%d;", x.getValue(), slots.get(x.getKey()))));
        notes.add(byNeed.toString());
        if (covered) {
            notes.add(halfTeams == coverageHalfTeams
                    ? "Coverage first: all " + coverageHalfTeams + " half teams are needed to serve every unit by district, so need "
                            + "decides none of them at this staffing; give workers above " + coverageHalfTeams * halfWorkers
                            + " to let need share the rest."
                    : "Coverage first: " + coverageHalfTeams + " half teams serve every unit by district; need shares the other "
                            + (halfTeams - coverageHalfTeams) + ".");
        } else {
            notes.add((coverage ? workers + " workers are fewer than the " + coverageHalfTeams * halfWorkers + " that serve every unit by "
                    + "district: " : "coverage=false: ") + "need shares every half team; " + unserved.size()
                    + " units are left unserved for capacity.");
        }
        return new AllocationPlan(ID, p.given(), teams, unserved, null, input.synthetic(), notes, Instant.now(), reasons);
    }

    /** The weights given, or the defaults; an indicator the region has no data for is refused. */
    static Map<String, Double> weights(Parameters p, AllocationInput input) {
        Map<String, String> given = p.withPrefix("weight.");
        Map<String, String> raw = new TreeMap<>();
        if (given.isEmpty()) {
            DEFAULT_WEIGHTS.forEach((k, v) -> raw.put("weight." + k, v));
        } else {
            raw.putAll(given);
        }
        Set<String> known = new TreeSet<>();
        input.indicators().forEach(i -> known.add(i.indicator()));
        Map<String, Double> weights = new TreeMap<>();
        for (String key : raw.keySet()) {
            String indicator = key.substring("weight.".length());
            double w = given.isEmpty() ? Double.parseDouble(raw.get(key)) : p.number(key, -100, 100);
            if (!known.contains(indicator)) {
                if (given.isEmpty()) {
                    continue; // a default weight for an indicator this region does not have
                }
                throw p.invalid(key, "unknown-indicator", "The region has no indicator '" + indicator + "' (it has: " + String.join(", ", known) + ")");
            }
            if (w != 0) {
                weights.put(indicator, w);
            }
        }
        return weights;
    }

    /** The half teams each district needs to serve all its units. */
    static Map<String, Integer> floors(Map<String, List<AllocationUnit>> byDistrict, int halfUnits) {
        Map<String, Integer> floors = new TreeMap<>();
        byDistrict.forEach((d, units) -> floors.put(d, (units.size() + halfUnits - 1) / halfUnits));
        return floors;
    }

    private static int workers(Parameters p, AllocationInput input, int coverageWorkers) {
        String w = p.string("workers");
        if (w.equals("coverage")) {
            return coverageWorkers;
        }
        if (w.equals("units")) {
            int full = input.staffing().fullTeam().units();
            return (input.units().size() + full - 1) / full * input.staffing().fullTeam().workers();
        }
        if (w.equals("current")) {
            return input.currentTeams().stream().mapToInt(t -> input.staffing().size(t.kind()).workers()).sum();
        }
        return p.integer("workers", 0, 1_000_000);
    }

    /** Each district's need, 0..1: the weighted mean of its indicators' scores. */
    static Map<String, Double> needIndex(List<DistrictIndicator> indicators, Map<String, Double> weights, Set<String> districts) {
        Map<String, Map<String, Double>> values = new HashMap<>();
        for (DistrictIndicator i : indicators) {
            if (weights.containsKey(i.indicator())) {
                values.computeIfAbsent(i.indicator(), k -> new HashMap<>()).put(i.district(), i.value());
            }
        }
        double total = weights.values().stream().mapToDouble(Math::abs).sum();
        Map<String, Double> need = new TreeMap<>();
        for (String d : districts) {
            double sum = 0;
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                Map<String, Double> v = values.getOrDefault(w.getKey(), Map.of());
                double min = v.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = v.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                double score = !v.containsKey(d) ? 0.5 : max == min ? 0 : (v.get(d) - min) / (max - min);
                sum += Math.abs(w.getValue()) * (w.getValue() < 0 ? 1 - score : score);
            }
            need.put(d, total == 0 ? 0 : sum / total);
        }
        return need;
    }

    /**
     * Half teams per district: each district its floor (none given: at least one for a district with units), the rest
     * by pupils x (1 + factor x need), largest remainder.
     */
    static Map<String, Integer> share(Map<String, List<AllocationUnit>> byDistrict, Map<String, Double> need, double factor, int halfTeams,
            Map<String, Integer> floors) {
        Map<String, Integer> slots = new TreeMap<>();
        Map<String, Double> weight = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, List<AllocationUnit>> e : byDistrict.entrySet()) {
            double w = AllocationIndex.pupils(e.getValue()) * (1 + factor * need.getOrDefault(e.getKey(), 0.0));
            weight.put(e.getKey(), w);
            total += w;
            slots.put(e.getKey(), 0);
        }
        int left = halfTeams;
        for (String d : byDistrict.keySet()) {
            int floor = floors.isEmpty() ? 1 : floors.getOrDefault(d, 0);
            int given = Math.min(floor, left);
            slots.put(d, given);
            left -= given;
        }
        // the rest by largest remainder of each district's due beyond what it has
        Map<String, Double> due = new TreeMap<>();
        for (String d : weight.keySet()) {
            due.put(d, total == 0 ? 0 : halfTeams * weight.get(d) / total);
        }
        while (left > 0) {
            String best = null;
            double bestGap = -Double.MAX_VALUE;
            for (String d : due.keySet()) {
                double gap = due.get(d) - slots.get(d);
                if (gap > bestGap) {
                    bestGap = gap;
                    best = d;
                }
            }
            if (best == null) {
                break;
            }
            slots.merge(best, 1, Integer::sum);
            left--;
        }
        return slots;
    }

    /** The operator already serving most of the units (ties: more cases, then lower id), else {@link Teams#TENDER}. */
    static String operatorServingMost(List<AllocationUnit> units, AllocationIndex index) {
        Map<String, int[]> score = new TreeMap<>();
        for (AllocationUnit u : units) {
            for (String op : index.currentOperators(u.code())) {
                if (!op.equals(Teams.TENDER)) {
                    int[] s = score.computeIfAbsent(op, k -> new int[2]);
                    s[0]++;
                    s[1] += u.casesInService();
                }
            }
        }
        String best = Teams.TENDER;
        int[] bestScore = {0, 0};
        for (Map.Entry<String, int[]> e : score.entrySet()) {
            if (e.getValue()[0] > bestScore[0] || (e.getValue()[0] == bestScore[0] && e.getValue()[1] > bestScore[1])) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }
}
