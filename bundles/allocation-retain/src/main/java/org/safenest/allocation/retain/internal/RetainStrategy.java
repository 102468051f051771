package org.safenest.allocation.retain.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.allocation.support.AllocationIndex;
import org.safenest.allocation.support.Geography;
import org.safenest.allocation.support.Parameters;
import org.safenest.allocation.support.Teams;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.allocation.UnservedUnit;

/**
 * {@code retain}: self-formed alliances. Every current team keeps its units and operators. Each unserved unit joins the
 * nearest team that has room (fewer units than its kind is staffed for) within {@code max-km} of the team's base,
 * nearest pairs first; the units left form new half teams by district, to be tendered.
 */
@Component(service = AllocationStrategy.class, property = AllocationStrategy.STRATEGY_PROPERTY + "=" + RetainStrategy.ID)
public class RetainStrategy implements AllocationStrategy {

    public static final String ID = "retain";

    private static final List<StrategyParameter> PARAMETERS = List.of(
            new StrategyParameter("max-km", "How far (km, 0 to 100) from a team's base an unserved unit may be to join the team", "5"),
            new StrategyParameter("new-teams", "true: the units no team can take form new half teams by district, to be tendered; "
                    + "false: they stay unserved", "true"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Retain self-formed alliances";
    }

    @Override
    public String description() {
        return "Current teams keep their units and operators (continuity first). Each unserved unit joins the nearest team "
                + "with room within max-km of its base, nearest pairs first; the units left form new half teams by district, "
                + "to be tendered.";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return PARAMETERS;
    }

    /** A candidate: an unserved unit joining a team, so far from its base. */
    private record Join(double km, int unit, int team) {
    }

    @Override
    public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
        Parameters p = new Parameters(ID, PARAMETERS, parameters);
        double maxKm = p.number("max-km", 0, 100);
        boolean newTeams = p.flag("new-teams");
        AllocationIndex index = new AllocationIndex(input);

        List<Team> current = input.currentTeams();
        List<List<String>> units = new ArrayList<>();
        int[] room = new int[current.size()];
        for (int t = 0; t < current.size(); t++) {
            List<String> kept = new ArrayList<>();
            for (String u : current.get(t).units()) {
                if (index.has(u)) {
                    kept.add(u);
                }
            }
            units.add(kept);
            room[t] = Math.max(0, input.staffing().size(current.get(t).kind()).units() - kept.size());
        }

        // nearest pairs first: every (unserved unit, team with room) pair within reach, by distance, then unit, then team
        List<AllocationUnit> unserved = index.unservedNow();
        PriorityQueue<Join> joins = new PriorityQueue<>((a, b) -> a.km() != b.km() ? Double.compare(a.km(), b.km())
                : a.unit() != b.unit() ? Integer.compare(a.unit(), b.unit()) : Integer.compare(a.team(), b.team()));
        for (int u = 0; u < unserved.size(); u++) {
            for (int t = 0; t < current.size(); t++) {
                if (room[t] > 0 && current.get(t).base() != null) {
                    double km = current.get(t).base().distanceKm(unserved.get(u).preschool().location());
                    if (km <= maxKm) {
                        joins.add(new Join(km, u, t));
                    }
                }
            }
        }
        Set<Integer> joined = new HashSet<>();
        while (!joins.isEmpty()) {
            Join j = joins.poll();
            if (room[j.team()] > 0 && joined.add(j.unit())) {
                units.get(j.team()).add(unserved.get(j.unit()).code());
                room[j.team()]--;
            }
        }

        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < current.size(); t++) {
            Team c = current.get(t);
            List<String> served = new ArrayList<>(units.get(t));
            Collections.sort(served);
            teams.add(new Team(c.id(), c.operators(), c.kind(), served, c.base()));
        }

        List<AllocationUnit> left = new ArrayList<>();
        for (int u = 0; u < unserved.size(); u++) {
            if (!joined.contains(u)) {
                left.add(unserved.get(u));
            }
        }
        int newTeamCount = 0;
        if (newTeams) {
            Map<String, List<AllocationUnit>> byDistrict = new java.util.TreeMap<>();
            for (AllocationUnit u : left) {
                byDistrict.computeIfAbsent(u.preschool().district(), d -> new ArrayList<>()).add(u);
            }
            int half = input.staffing().halfTeam().units();
            for (Map.Entry<String, List<AllocationUnit>> e : byDistrict.entrySet()) {
                int count = (e.getValue().size() + half - 1) / half;
                List<TeamKind> kinds = Collections.nCopies(count, TeamKind.HALF);
                List<List<AllocationUnit>> groups = Geography.split(e.getValue(), Teams.sizes(e.getValue().size(), kinds, input.staffing()));
                for (int g = 0; g < groups.size(); g++) {
                    teams.add(Teams.of("new-" + e.getKey() + "-" + (g + 1), List.of(Teams.TENDER), TeamKind.HALF, groups.get(g)));
                    newTeamCount++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(current.size() + " current teams keep their units and operators; " + joined.size() + " unserved units join the "
                + "nearest team with room within " + maxKm + " km.");
        notes.add(newTeams ? newTeamCount + " new half teams by district, to be tendered, serve the other " + left.size() + " units."
                : left.size() + " units stay unserved (new-teams=false).");
        List<String> unservedCodes = newTeams ? List.of() : AllocationIndex.codes(left);
        List<UnservedUnit> reasons = new ArrayList<>();
        if (!newTeams) {
            for (AllocationUnit u : left) {
                reasons.add(reason(u, current, room, maxKm));
            }
        }
        return new AllocationPlan(ID, p.given(), teams, unservedCodes, null, input.synthetic(), notes, Instant.now(), reasons);
    }

    /** Why a unit stays unserved: a team still has room but too far away (distance), or every team is full (capacity). */
    static UnservedUnit reason(AllocationUnit u, List<Team> current, int[] room, double maxKm) {
        double nearest = Double.MAX_VALUE;
        String team = null;
        for (int t = 0; t < current.size(); t++) {
            if (room[t] > 0 && current.get(t).base() != null) {
                double km = current.get(t).base().distanceKm(u.preschool().location());
                if (km < nearest) {
                    nearest = km;
                    team = current.get(t).id();
                }
            }
        }
        if (team == null) {
            return new UnservedUnit(u.code(), u.preschool().district(), UnservedReason.CAPACITY,
                    "every current team is full and new-teams=false");
        }
        return new UnservedUnit(u.code(), u.preschool().district(), UnservedReason.DISTANCE, String.format(java.util.Locale.ROOT,
                "the nearest team with room, %s, is %.1f km away (max-km %s) and new-teams=false", team, nearest, maxKm));
    }
}
