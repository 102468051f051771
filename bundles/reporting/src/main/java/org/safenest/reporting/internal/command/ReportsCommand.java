package org.safenest.reporting.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.error.SafenestException;
import org.safenest.api.reporting.ReportDescription;
import org.safenest.api.reporting.ReportingService;
import org.safenest.api.outbox.Outbox;
import org.safenest.reporting.internal.facts.FactConsumer;

/** {@code safenest:reports}: the reports installed for a region, and how the collection of facts is going. */
@Command(scope = "safenest", name = "reports", description = "Lists the statistical reports installed for a region (id, title, "
        + "groupings, parameters) and how far reporting has applied the outbox's events (position, events waiting).")
@Service
public class ReportsCommand implements Action {

    @Reference
    ReportingService reporting;

    @Reference(optional = true)
    FactConsumer facts;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung or hong-kong", required = true)
    String region;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Report");
            table.column("Title");
            table.column("Groupings (first is the default)");
            table.column("Parameters");
            for (ReportDescription d : reporting.reports(region)) {
                table.addRow().addContent(d.id(), d.titleEn() + " / " + d.titleZh(), String.join(", ", d.groupings()),
                        String.join(", ", d.parameters().stream().map(p -> p.key()).toList()));
            }
            table.print(System.out);
            if (facts != null) {
                Outbox.ConsumerState s = facts.state();
                System.out.printf("Events from the outbox: applied up to position %d of %d, %d waiting (%d applied and %d recognised "
                        + "as already applied since start)%n", s.position(), s.head(), s.lag(), facts.applied(), facts.duplicates());
            }
        } catch (SafenestException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
