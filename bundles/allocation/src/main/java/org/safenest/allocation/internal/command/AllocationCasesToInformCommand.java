package org.safenest.allocation.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.allocation.internal.CasesToInformList;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.CasesToInform;
import org.safenest.api.error.SafenestException;

/** {@code safenest:allocation-cases-to-inform}: per unit, the cases whose operator an adopted plan changed. */
@Command(scope = "safenest", name = "allocation-cases-to-inform", description = "Lists, for an adopted plan, each unit whose "
        + "operator changed with its cases in service: the kindergartens and families a supervisor must inform (operational, "
        + "not for publication)")
@Service
public class AllocationCasesToInformCommand implements Action {

    @Reference
    AllocationService allocation;

    @Reference
    Session session;

    @Argument(index = 0, name = "region", description = "The region code, such as hong-kong", required = true)
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "id", description = "The adopted (or since superseded) plan's id; 'current' for the adopted plan",
            required = false)
    String id = "current";

    @Option(name = "--csv", description = "CSV instead of a table (the REST answer's CSV)")
    boolean csv;

    @Override
    public Object execute() {
        try {
            CasesToInform c = allocation.casesToInform(Shell.caller(session), region, id);
            if (csv) {
                System.out.print(CasesToInformList.csv(c));
                return null;
            }
            if (c.synthetic()) {
                System.out.println("SYNTHETIC DATA: pupils, cases, operators and the current assignment are generated, not real.");
            }
            System.out.println("Plan " + c.planId() + " (" + c.strategy() + ") of " + c.region() + ", adopted " + c.adoptedAt() + " by "
                    + c.adoptedBy() + ", replacing " + c.before() + ": " + c.unitCount() + " units, " + c.caseCount() + " cases to inform");
            ShellTable table = new ShellTable();
            for (String h : List.of("Unit", "Name", "District", "Cases", "From team", "From", "To team", "To")) {
                table.column(h);
            }
            for (List<String> r : CasesToInformList.rows(c)) {
                table.addRow().addContent(r.get(0), r.get(1), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8));
            }
            table.print(System.out);
        } catch (SafenestException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
