package org.safenest.allocation.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.StrategyDescription;
import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;

/** {@code safenest:allocation-strategies}: the installed strategies and each region's active one. */
@Command(scope = "safenest", name = "allocation-strategies", description = "Lists the installed allocation strategies with their "
        + "parameters, and the active strategy of each region that has units to allocate (configuration org.safenest.allocation)")
@Service
public class AllocationStrategiesCommand implements Action {

    @Reference
    AllocationService allocation;

    @Reference
    RegionService regions;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Strategy");
        table.column("Name");
        table.column("Parameters (default)");
        for (StrategyDescription s : allocation.strategies()) {
            StringBuilder params = new StringBuilder();
            for (StrategyParameter p : s.parameters()) {
                params.append(params.length() == 0 ? "" : ", ").append(p.key()).append(p.defaultValue() == null ? "" : " (" + p.defaultValue() + ")");
            }
            table.addRow().addContent(s.id(), s.name(), params.toString());
        }
        table.print(System.out);
        for (Region r : regions.regions()) {
            if (r.counts().preschools() == 0) {
                continue;
            }
            String active = allocation.activeStrategy(r.code());
            boolean installed = allocation.strategies().stream().anyMatch(s -> s.id().equals(active));
            System.out.println("Active in " + r.code() + ": " + active + (installed ? "" : " (NOT INSTALLED: the fallback runs)"));
        }
        return null;
    }
}
