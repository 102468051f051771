package org.safenest.allocation.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.Session;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.security.Caller;

/** What the allocation commands share. */
final class Shell {

    private Shell() {
    }

    /** The console user as a caller: the Karaf console is for administrators. */
    static Caller caller(Session session) {
        return Caller.administrator(user(session));
    }

    static String user(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "karaf" : String.valueOf(user);
    }

    /** {@code key=value} options as a map. */
    static Map<String, String> parameters(List<String> options) {
        Map<String, String> result = new LinkedHashMap<>();
        if (options != null) {
            for (String o : options) {
                int eq = o.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidInputException("parameter", "not-key-value", "'" + o + "' is not key=value");
                }
                result.put(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
            }
        }
        return result;
    }

    static void printHeadline(AllocationPlan plan) {
        if (plan.synthetic()) {
            System.out.println("SYNTHETIC DATA: pupils, cases, operators and the current assignment are generated, not real.");
        }
        PlanMetrics m = plan.metrics();
        System.out.printf("  teams %d (complete %d, incomplete %d), unserved units %d%n", m.teams().size(), m.completeTeams(),
                m.incompleteTeams(), m.unservedUnits());
        System.out.printf("  units changing operator %d, cases affected %d%n", m.unitsChangingOperator(), m.casesAffected());
        System.out.printf("  pupils per worker: max %.2f, min %.2f, spread %.2f; teams over ratio %d%n", m.pupilsPerWorkerMax(),
                m.pupilsPerWorkerMin(), m.pupilsPerWorkerSpread(), m.teamsOverRatio());
        System.out.printf("  travel from team base: mean %.2f km, max %.2f km%n", m.travelKmMean(), m.travelKmMax());
        for (String note : plan.notes()) {
            System.out.println("  note: " + note);
        }
    }
}
