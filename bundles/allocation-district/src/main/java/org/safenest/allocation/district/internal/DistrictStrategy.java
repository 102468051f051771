package org.safenest.allocation.district.internal;

import java.time.Instant;
import java.util.ArrayList;
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

/**
 * {@code district}: districtisation, as the Social Welfare Department proposed. Units are grouped into catchments: the
 * catchment data of the input (an IFSC's area; configured per region as a file) or, without it, the districts. Each
 * catchment gets the fewest teams that serve all its units (full teams, and a half team for a remainder that fits one),
 * its units split among them into compact groups in proportion to their size.
 *
 * <p><b>Who runs a catchment.</b> The whole catchment goes to one operator: the operator that already serves most of its
 * units (a consortium team counts for each of its operators); a tie goes to the operator serving more cases there, then
 * to the lower operator id. A catchment that no operator serves yet is tendered ({@link Teams#TENDER}). An operator may
 * win several catchments.
 */
@Component(service = AllocationStrategy.class, property = AllocationStrategy.STRATEGY_PROPERTY + "=" + DistrictStrategy.ID)
public class DistrictStrategy implements AllocationStrategy {

    public static final String ID = "district";

    private static final List<StrategyParameter> PARAMETERS = List.of(new StrategyParameter("catchments",
            "auto: the region's catchments when it has some (its catchment data, or catchments derived from coordinates and marked synthetic), else the districts; "
                    + "district: always the districts; data: only the catchment data (units it does not name use their district)",
            "auto"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Districtisation";
    }

    @Override
    public String description() {
        return "Units are grouped into catchments (the districts unless catchment data is given); each catchment gets the fewest "
                + "full and half teams that serve all its units, in compact groups, and goes whole to one operator: the one already "
                + "serving most of its units (ties: more cases, then operator id); a catchment nobody serves is tendered.";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
        Parameters p = new Parameters(ID, PARAMETERS, parameters);
        String mode = p.choice("catchments", Set.of("auto", "district", "data"));
        boolean useData = mode.equals("data") || (mode.equals("auto") && !input.catchments().isEmpty());
        AllocationIndex index = new AllocationIndex(input);

        Map<String, List<AllocationUnit>> catchments = new TreeMap<>();
        for (AllocationUnit u : input.units()) {
            String c = useData ? input.catchments().getOrDefault(u.code(), u.preschool().district()) : u.preschool().district();
            catchments.computeIfAbsent(c, k -> new ArrayList<>()).add(u);
        }
        List<Team> teams = new ArrayList<>();
        int continued = 0;
        int tendered = 0;
        for (Map.Entry<String, List<AllocationUnit>> e : catchments.entrySet()) {
            List<AllocationUnit> units = e.getValue();
            String operator = operatorServingMost(units, index);
            if (operator.equals(Teams.TENDER)) {
                tendered++;
            } else {
                continued++;
            }
            List<TeamKind> kinds = Teams.kindsFor(units.size(), input.staffing());
            List<List<AllocationUnit>> groups = Geography.split(units, Teams.sizes(units.size(), kinds, input.staffing()));
            for (int g = 0; g < groups.size(); g++) {
                teams.add(Teams.of(e.getKey() + "-" + (g + 1), List.of(operator), kinds.get(g), groups.get(g)));
            }
        }
        int incomplete = 0;
        for (Team t : teams) {
            incomplete += t.units().size() < input.staffing().size(t.kind()).units() ? 1 : 0;
        }
        List<String> notes = List.of(
                catchments.size() + " catchments (" + (!useData ? "the districts" : input.catchmentsSynthetic()
                        ? "SYNTHETIC catchments derived from the units' coordinates, not the published catchment list"
                        : "catchment data") + "), " + teams.size() + " teams, " + incomplete + " of them incomplete (fewer units "
                        + "than their kind is staffed for).",
                "Each catchment goes to the operator already serving most of its units (ties: more cases there, then operator id): "
                        + continued + " catchments; " + tendered + " catchments that no operator serves are tendered.");
        return new AllocationPlan(ID, p.given(), teams, List.of(), null, input.synthetic(), notes, Instant.now());
    }

    /** The operator serving most of the units (ties: more cases, then lower id), or {@link Teams#TENDER} when none does. */
    static String operatorServingMost(List<AllocationUnit> units, AllocationIndex index) {
        Map<String, int[]> score = new TreeMap<>(); // units, cases
        for (AllocationUnit u : units) {
            for (String op : index.currentOperators(u.code())) {
                if (op.equals(Teams.TENDER)) {
                    continue;
                }
                int[] s = score.computeIfAbsent(op, k -> new int[2]);
                s[0]++;
                s[1] += u.casesInService();
            }
        }
        String best = Teams.TENDER;
        int[] bestScore = {0, 0};
        for (Map.Entry<String, int[]> e : score.entrySet()) {
            int[] s = e.getValue();
            if (s[0] > bestScore[0] || (s[0] == bestScore[0] && s[1] > bestScore[1])) {
                best = e.getKey();
                bestScore = s;
            }
        }
        return best;
    }
}
