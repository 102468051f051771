package org.safenest.allocation.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.allocation.AffectedUnit;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.DistrictLoad;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamLoad;
import org.safenest.api.error.SafenestException;

/** {@code safenest:allocation-plan}: one stored plan in detail. */
@Command(scope = "safenest", name = "allocation-plan", description = "Shows a stored allocation plan: its metrics, its teams, the "
        + "load of each district and the units that change operator (the families to consult and inform first)")
@Service
public class AllocationPlanCommand implements Action {

    @Reference
    AllocationService allocation;

    @Argument(index = 0, name = "region", description = "The region code, such as hong-kong", required = true)
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "id", description = "The plan id (as safenest:allocation-run or GET .../allocation/plans answers); "
            + "'current' for the adopted plan", required = true)
    String id;

    @Option(name = "-a", aliases = "--all-affected", description = "List every unit that changes operator, not only the 20 with most cases")
    boolean allAffected;

    @Override
    public Object execute() {
        try {
            StoredPlan stored = "current".equals(id) ? allocation.current(region).orElse(null) : allocation.plan(region, id).orElse(null);
            if (stored == null) {
                System.err.println("current".equals(id) ? "Region " + region + " has no adopted plan: the initial (synthetic pilot) "
                        + "assignment is current" : "Region " + region + " has no plan " + id);
                return null;
            }
            System.out.println("Plan " + stored.id() + " of " + region + " by strategy " + stored.plan().strategy() + " "
                    + stored.plan().parameters() + ", " + stored.status() + ", computed " + stored.plan().computedAt() + " by "
                    + stored.storedBy() + (stored.adoptedAt() == null ? "" : ", adopted " + stored.adoptedAt() + " by " + stored.adoptedBy()));
            Shell.printHeadline(stored.plan());

            ShellTable teams = new ShellTable();
            for (String c : List.of("Team", "Operators", "Kind", "Units", "Pupils", "Workers", "Pupils/worker", "Complete", "Km mean", "Km max")) {
                teams.column(c);
            }
            List<TeamLoad> loads = stored.plan().metrics().teams();
            for (Team t : stored.plan().teams()) {
                TeamLoad l = loads.stream().filter(x -> x.team().equals(t.id())).findFirst().orElse(null);
                if (l != null) {
                    teams.addRow().addContent(t.id(), String.join("+", t.operators()), t.kind(), l.units(), l.pupils(), l.workers(),
                            l.pupilsPerWorker() + (l.overRatio() ? " OVER" : ""), l.complete() ? "yes" : "no", l.travelKmMean(), l.travelKmMax());
                }
            }
            teams.print(System.out);

            ShellTable districts = new ShellTable();
            for (String c : List.of("District", "Units", "Unserved", "Pupils", "Cases", "Workers", "Pupils/worker")) {
                districts.column(c);
            }
            for (DistrictLoad d : stored.plan().metrics().districts()) {
                districts.addRow().addContent(d.district(), d.units(), d.unservedUnits(), d.pupils(), d.cases(), d.workers(),
                        d.pupilsPerWorker() + (d.overRatio() ? " HOT-SPOT" : ""));
            }
            districts.print(System.out);

            List<AffectedUnit> affected = stored.plan().metrics().affectedUnits();
            System.out.println("Units changing operator: " + affected.size() + " (cases affected " + stored.plan().metrics().casesAffected()
                    + ")" + (allAffected || affected.size() <= 20 ? "" : "; the 20 with most cases (--all-affected for all):"));
            ShellTable units = new ShellTable();
            for (String c : List.of("Unit", "District", "From", "To", "Cases")) {
                units.column(c);
            }
            for (AffectedUnit a : allAffected ? affected : affected.subList(0, Math.min(20, affected.size()))) {
                units.addRow().addContent(a.unit(), a.district(), String.join("+", a.fromOperators()),
                        a.toOperators().isEmpty() ? "(unserved)" : String.join("+", a.toOperators()), a.casesAffected());
            }
            units.print(System.out);
        } catch (SafenestException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
