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
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.SafenestException;

/** {@code safenest:allocation-run}: computes and stores a plan. */
@Command(scope = "safenest", name = "allocation-run", description = "Runs an allocation strategy on a region's data, stores the plan "
        + "as proposed and prints its metrics (adopt it with the API: POST /api/regions/{region}/allocation/plans/{id}/adopt)")
@Service
public class AllocationRunCommand implements Action {

    @Reference
    AllocationService allocation;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "region", description = "The region code, such as hong-kong", required = true)
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "strategy", description = "The strategy id (see safenest:allocation-strategies); omit to run the "
            + "region's active strategy", required = false)
    @Completion(StrategyCompleter.class)
    String strategy;

    @Option(name = "-p", aliases = "--parameter", description = "A strategy parameter as key=value; repeat for several",
            multiValued = true)
    List<String> parameters;

    @Override
    public Object execute() {
        String user = Shell.user(session);
        try {
            StoredPlan plan = allocation.computePlan(Shell.caller(session), region, strategy, Shell.parameters(parameters));
            audit.record(AuditRecord.of(user, "shell safenest:allocation-run", region, "plan " + plan.id(), AuditOutcome.SUCCESS,
                    plan.plan().strategy()));
            System.out.println("Plan " + plan.id() + " of " + region + " by strategy " + plan.plan().strategy() + " (" + plan.status() + "):");
            Shell.printHeadline(plan.plan());
        } catch (SafenestException e) {
            audit.record(AuditRecord.of(user, "shell safenest:allocation-run", region, strategy, AuditOutcome.REJECTED, e.getMessage()));
            System.err.println("Not computed: " + e.getMessage());
        }
        return null;
    }
}
