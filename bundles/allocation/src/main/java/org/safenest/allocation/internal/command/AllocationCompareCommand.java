package org.safenest.allocation.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.allocation.internal.ComparisonTable;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.error.SafenestException;

/** {@code safenest:allocation-compare}: several strategies on the same data, side by side. */
@Command(scope = "safenest", name = "allocation-compare", description = "Runs several allocation strategies on the same data of a "
        + "region and shows their metrics side by side (nothing is stored)")
@Service
public class AllocationCompareCommand implements Action {

    @Reference
    AllocationService allocation;

    @Argument(index = 0, name = "region", description = "The region code, such as hong-kong", required = true)
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "strategies", description = "The strategy ids to compare, with their default parameters; omit to "
            + "compare every installed strategy", required = false, multiValued = true)
    @Completion(StrategyCompleter.class)
    List<String> strategies;

    @Option(name = "--csv", description = "Print CSV (the same as the API's text/csv answer) instead of a table")
    boolean csv;

    @Override
    public Object execute() {
        List<StrategyRun> runs = new ArrayList<>();
        if (strategies != null) {
            strategies.forEach(s -> runs.add(new StrategyRun(s, Map.of())));
        }
        try {
            PlanComparison c = allocation.compare(region, runs);
            if (csv) {
                System.out.print(ComparisonTable.csv(c));
                return null;
            }
            if (c.synthetic()) {
                System.out.println("SYNTHETIC DATA: pupils, cases, operators and the current assignment are generated, not real.");
            }
            ShellTable table = new ShellTable();
            List<String> header = ComparisonTable.header(c);
            table.column(header.get(0));
            for (String h : header.subList(1, header.size())) {
                table.column(h).alignRight();
            }
            for (List<String> row : ComparisonTable.rows(c)) {
                if (!row.get(0).equals("computed at")) {
                    table.addRow().addContent(new ArrayList<Object>(row));
                }
            }
            table.print(System.out);
        } catch (SafenestException e) {
            System.err.println("Not compared: " + e.getMessage());
        }
        return null;
    }
}
