package org.safenest.allocation.example.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.allocation.Team;
import org.safenest.api.error.InvalidInputException;

/**
 * {@code example-nearest}: the smallest useful strategy. The current teams stay (operators, kind, base); every unit,
 * in the input's order, goes to the nearest team whose base is within {@code max-km} and that still has room for the
 * units its kind is staffed for. Units no team can take stay unserved.
 */
@Component(service = AllocationStrategy.class, property = AllocationStrategy.STRATEGY_PROPERTY + "=" + NearestTeamStrategy.ID)
public class NearestTeamStrategy implements AllocationStrategy {

    public static final String ID = "example-nearest";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Example: nearest team with room";
    }

    @Override
    public String description() {
        return "Every unit goes to the nearest current team with room within max-km; the rest stay unserved. "
                + "An example for writing strategies.";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return List.of(new StrategyParameter("max-km", "The farthest (km, above 0) a unit may be from its team's base", "50"));
    }

    @Override
    public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
        double maxKm = maxKm(parameters);
        List<Team> current = input.currentTeams();
        List<List<String>> units = new ArrayList<>();
        current.forEach(t -> units.add(new ArrayList<>()));
        List<String> unserved = new ArrayList<>();
        for (AllocationUnit unit : input.units()) {
            int best = -1;
            double bestKm = maxKm;
            for (int t = 0; t < current.size(); t++) {
                Team team = current.get(t);
                boolean room = units.get(t).size() < input.staffing().size(team.kind()).units();
                double km = team.base().distanceKm(unit.preschool().location());
                if (room && km <= bestKm) {
                    best = t;
                    bestKm = km;
                }
            }
            if (best < 0) {
                unserved.add(unit.code());
            } else {
                units.get(best).add(unit.code());
            }
        }
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < current.size(); t++) {
            Team c = current.get(t);
            teams.add(new Team(c.id(), c.operators(), c.kind(), units.get(t), c.base()));
        }
        return new AllocationPlan(ID, parameters, teams, unserved, null, input.synthetic(),
                List.of("Each unit went to the nearest current team with room within " + maxKm + " km."), Instant.now());
    }

    private static double maxKm(Map<String, String> parameters) {
        for (String key : parameters.keySet()) {
            if (!key.equals("max-km")) {
                throw new InvalidInputException("parameters." + key, "unknown", "Strategy '" + ID + "' has only the parameter max-km");
            }
        }
        try {
            double km = Double.parseDouble(parameters.getOrDefault("max-km", "50"));
            if (km > 0) {
                return km;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("parameters.max-km", "invalid", "max-km must be a number above 0");
    }
}
