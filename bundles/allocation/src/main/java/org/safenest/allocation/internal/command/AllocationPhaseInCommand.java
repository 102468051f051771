package org.safenest.allocation.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.PhaseInPlan;
import org.safenest.api.allocation.PhaseInStagePlan;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.error.SafenestException;

/** {@code safenest:allocation-phase-in}: the HKCSS phasing, stage by stage, with the cost of each move. */
@Command(scope = "safenest", name = "allocation-phase-in", description = "Computes the HKCSS phasing of a region (first the "
        + "regularised units with half teams, then every unit with half teams grown into full teams): each stage measured like a "
        + "plan, and the units and cases changing operator between stages (nothing is stored; needs the hkcss strategy)")
@Service
public class AllocationPhaseInCommand implements Action {

    @Reference
    AllocationService allocation;

    @Argument(index = 0, name = "region", description = "The region code, such as hong-kong", required = true)
    @Completion(RegionCompleter.class)
    String region;

    @Override
    public Object execute() {
        try {
            PhaseInPlan p = allocation.hkcssPhaseIn(region);
            if (p.synthetic()) {
                System.out.println("SYNTHETIC DATA: pupils, cases, operators and the current assignment are generated, not real.");
            }
            p.notes().forEach(System.out::println);
            ShellTable table = new ShellTable();
            table.column("stage");
            for (String c : List.of("units in scope", "teams", "workers", "unserved", "changing operator vs now", "cases affected vs now",
                    "changing operator vs previous", "cases affected vs previous", "units added")) {
                table.column(c).alignRight();
            }
            for (PhaseInStagePlan s : p.stages()) {
                PlanMetrics m = s.plan().metrics();
                List<Object> row = new ArrayList<>(List.of(s.name(), s.unitsInScope(), s.plan().teams().size(), m.workers(), m.unservedUnits(),
                        m.unitsChangingOperator(), m.casesAffected(), s.fromPrevious().unitsChangingOperator(),
                        s.fromPrevious().casesAffected(), s.fromPrevious().unitsAdded()));
                table.addRow().addContent(row);
            }
            table.print(System.out);
        } catch (SafenestException e) {
            System.err.println("No phase-in: " + e.getMessage());
        }
        return null;
    }
}
