package org.safenest.intake.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.error.SafenestException;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.IntakeService;

/** {@code safenest:cases}: a region's cases, newest first; the manual dispatch queue or overdue follow-ups. */
@Command(scope = "safenest", name = "cases", description = "Lists a region's cases, newest first: all of them, the manual "
        + "dispatch queue (--queue) or those with an overdue further investigation record (--overdue). Audited as a case list.")
@Service
public class CasesCommand implements Action {

    @Reference
    IntakeService intake;

    @Reference
    Session session;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung", required = true)
    String region;

    @Option(name = "--queue", aliases = "-q", description = "Only cases waiting in the manual dispatch queue")
    boolean queue;

    @Option(name = "--overdue", aliases = "-o", description = "Only cases whose further investigation record is overdue")
    boolean overdue;

    @Option(name = "--status", aliases = "-s", description = "Only cases with this status (AWAITING_DISPATCH, ASSESSING, IN_SERVICE, CLOSED)")
    String status;

    @Option(name = "--limit", aliases = "-n", description = "At most this many (default 50, at most 1000)")
    int limit = 50;

    @Override
    public Object execute() {
        try {
            CaseStatus s = status == null ? null : CaseStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            CaseFilter filter = new CaseFilter(null, null, null, null, s, overdue, queue, null, null, 0, limit);
            ShellTable table = new ShellTable();
            table.column("Case");
            table.column("Type");
            table.column("District");
            table.column("Status");
            table.column("Office");
            table.column("Reports").alignRight();
            table.column("Last received");
            table.column("Follow-up due");
            for (CaseSummary c : intake.cases(ConsoleCaller.of(session), region, filter)) {
                table.addRow().addContent(c.caseNumber(), c.caseType(), c.district() + (c.districtPart() == null ? "" : ":" + c.districtPart()),
                        c.status(), c.office() == null ? "(manual queue)" : c.office(), c.reportCount(), c.lastReceivedAt(),
                        c.followUpDue() == null ? "" : c.followUpDue() + (c.overdue() ? " OVERDUE" : ""));
            }
            table.print(System.out);
        } catch (SafenestException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
