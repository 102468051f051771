package org.safenest.allocation.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.allocation.internal.FrontierTable;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.error.SafenestException;

/** {@code safenest:allocation-frontier}: the continuity-balance trade-off of the optimiser, with the other strategies beside it. */
@Command(scope = "safenest", name = "allocation-frontier", description = "Runs the optimal strategy over a grid of balance weights "
        + "(continuity weight 1) and shows, for each, the cases affected and the workload imbalance, with every other installed "
        + "strategy as a point beside them (nothing is stored; needs the optimal strategy)")
@Service
public class AllocationFrontierCommand implements Action {

    @Reference
    AllocationService allocation;

    @Argument(index = 0, name = "region", description = "The region code, such as hong-kong", required = true)
    @Completion(RegionCompleter.class)
    String region;

    @Option(name = "-b", aliases = "--balance", description = "A balance weight to trace (0 to 1000); repeat for several; default "
            + "0, 0.5, 1, 2, 5, 10, 20, 50, 100", multiValued = true)
    List<Double> balance;

    @Option(name = "--csv", description = "Print CSV (the same as the API's text/csv answer) instead of a table")
    boolean csv;

    @Override
    public Object execute() {
        try {
            Frontier f = allocation.frontier(region, balance == null ? List.of() : balance);
            if (csv) {
                System.out.print(FrontierTable.csv(f));
                return null;
            }
            f.notes().forEach(System.out::println);
            ShellTable table = new ShellTable();
            table.column(FrontierTable.HEADER.get(0));
            for (String h : FrontierTable.HEADER.subList(1, FrontierTable.HEADER.size())) {
                table.column(h).alignRight();
            }
            for (List<String> row : FrontierTable.rows(f)) {
                table.addRow().addContent(new ArrayList<Object>(row));
            }
            table.print(System.out);
        } catch (SafenestException e) {
            System.err.println("No frontier: " + e.getMessage());
        }
        return null;
    }
}
