package org.safenest.allocation.support;

import java.util.ArrayList;
import java.util.List;

import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;

/** Forming teams. */
public final class Teams {

    /**
     * The operator id of a new team whose operator is still to be chosen by tender (the Social Welfare Department
     * tenders new teams); such a team is not run by any current operator, so its units count as changing operator
     * when they were served before.
     */
    public static final String TENDER = "tender";

    private Teams() {
    }

    /** A team serving the units, based at their medoid. */
    public static Team of(String id, List<String> operators, TeamKind kind, List<AllocationUnit> units) {
        return new Team(id, operators, kind, AllocationIndex.codes(units), Geography.base(units));
    }

    /**
     * The kinds of team that serve {@code unitCount} units with the fewest workers: full teams while at least a
     * full team's units remain, then one half team when the rest fits a half team, else one more full team.
     */
    public static List<TeamKind> kindsFor(int unitCount, Staffing staffing) {
        List<TeamKind> kinds = new ArrayList<>();
        int full = staffing.fullTeam().units();
        int half = staffing.halfTeam().units();
        int left = unitCount;
        while (left >= full) {
            kinds.add(TeamKind.FULL);
            left -= full;
        }
        if (left > 0) {
            kinds.add(left <= half ? TeamKind.HALF : TeamKind.FULL);
        }
        return kinds;
    }

    /**
     * Sizes for spreading {@code unitCount} units over teams of these kinds in proportion to the units each kind is
     * staffed for (largest remainder), never above a team's staffed units.
     */
    public static List<Integer> sizes(int unitCount, List<TeamKind> kinds, Staffing staffing) {
        int capacity = 0;
        for (TeamKind k : kinds) {
            capacity += staffing.size(k).units();
        }
        if (unitCount > capacity) {
            throw new IllegalArgumentException(unitCount + " units do not fit teams staffed for " + capacity);
        }
        List<Integer> sizes = new ArrayList<>();
        double[] remainders = new double[kinds.size()];
        int given = 0;
        for (int i = 0; i < kinds.size(); i++) {
            double exact = capacity == 0 ? 0 : (double) unitCount * staffing.size(kinds.get(i)).units() / capacity;
            int floor = (int) Math.floor(exact);
            sizes.add(floor);
            remainders[i] = exact - floor;
            given += floor;
        }
        while (given < unitCount) {
            int best = -1;
            for (int i = 0; i < kinds.size(); i++) {
                if (sizes.get(i) < staffing.size(kinds.get(i)).units() && (best < 0 || remainders[i] > remainders[best] + 1e-12)) {
                    best = i;
                }
            }
            sizes.set(best, sizes.get(best) + 1);
            remainders[best] = -1;
            given++;
        }
        return sizes;
    }

    /** The workers of a team of this kind. */
    public static int workers(TeamKind kind, Staffing staffing) {
        return staffing.size(kind).workers();
    }
}
