package org.safenest.dispatch.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.error.SafenestException;
import org.safenest.dispatch.internal.DispatchAdmin;
import org.safenest.dispatch.internal.SourceProblem;

/** {@code safenest:dispatch-versions}: a region's rule-set versions, and rule files that could not be published. */
@Command(scope = "safenest", name = "dispatch-versions", description = "Lists the dispatch rule-set versions of a region with their "
        + "adoption and effective dates and rule counts, then any rule files (region bundle or drop-in folder) that could not be published")
@Service
public class DispatchVersionsCommand implements Action {

    @Reference
    DispatchService dispatch;

    @Reference
    DispatchAdmin admin;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung", required = true)
    @Completion(RegionCodes.class)
    String region;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Version").alignRight();
            table.column("Adopted");
            table.column("Effective");
            table.column("Rules").alignRight();
            table.column("Published");
            table.column("By");
            table.column("Note").maxSize(60);
            for (RuleSetVersion v : dispatch.versions(region)) {
                table.addRow().addContent(v.version(), v.adoptedOn(), v.effectiveFrom(), v.ruleCount(), v.publishedAt(), v.publishedBy(),
                        v.note());
            }
            table.print(System.out);
        } catch (SafenestException e) {
            System.out.println(e.getMessage());
            return null;
        }
        boolean any = false;
        for (SourceProblem p : admin.problems()) {
            if (!p.region().equals(region)) {
                continue;
            }
            if (!any) {
                System.out.println();
                System.out.println("Rule files not published:");
                any = true;
            }
            System.out.println("  " + p.source() + " (since " + p.since() + ")");
            p.messages().forEach(m -> System.out.println("    " + m));
        }
        if (admin.dropFolder() != null) {
            System.out.println();
            System.out.println("New versions dropped into " + admin.dropFolder().resolve(region) + " are published within seconds.");
        }
        return null;
    }
}
