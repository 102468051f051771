package org.safenest.allocation.optimal.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.safenest.allocation.support.AllocationIndex;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;

/**
 * The objective the {@code optimal} strategy minimises, defined for any plan so that plans of every strategy can be
 * scored the same way:
 *
 * <pre>
 *   continuity x (cases at units served now whose set of operators changes, or that lose their team)
 * + travel     x (sum over served units of the km from their team's base)
 * + balance    x (sum over teams of n^2 / s: n units served, s units its kind is staffed for)
 * + unserved   x (units no team serves)
 * </pre>
 *
 * The balance term is smallest when every team serves units in proportion to its staffing, and grows with the square
 * of an overload: a convex cost, which keeps the problem a minimum-cost flow.
 */
public final class Objective {

    /** The weights; all non-negative. */
    public record Weights(double continuity, double travel, double balance, double unserved) {
    }

    /** A plan's score, term by term (each already weighted). */
    public record Score(double continuity, double travel, double balance, double unserved) {
        public double total() {
            return continuity + travel + balance + unserved;
        }
    }

    private Objective() {
    }

    /** Scores teams against the input's current assignment. */
    public static Score score(AllocationInput input, List<Team> teams, Weights w) {
        AllocationIndex index = new AllocationIndex(input);
        Map<String, Team> teamOf = new HashMap<>();
        for (Team t : teams) {
            t.units().forEach(u -> teamOf.put(u, t));
        }
        double continuity = 0;
        double travel = 0;
        int unserved = 0;
        for (AllocationUnit u : input.units()) {
            Team t = teamOf.get(u.code());
            if (t == null) {
                unserved++;
            } else if (t.base() != null) {
                travel += t.base().distanceKm(u.preschool().location());
            }
            if (index.servedNow(u.code()) && (t == null || !new TreeSet<>(t.operators()).equals(new TreeSet<>(index.currentOperators(u.code()))))) {
                continuity += u.casesInService();
            }
        }
        double balance = 0;
        for (Team t : teams) {
            double n = t.units().size();
            balance += n * n / input.staffing().size(t.kind()).units();
        }
        return new Score(w.continuity() * continuity, w.travel() * travel, w.balance() * balance, w.unserved() * unserved);
    }
}
