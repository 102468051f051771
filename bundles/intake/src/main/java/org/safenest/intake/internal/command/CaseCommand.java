package org.safenest.intake.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.error.SafenestException;
import org.safenest.api.intake.CaseHistoryEntry;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.IntakeService;

/** {@code safenest:case}: one case with its dispatch decisions and history (no report summaries). */
@Command(scope = "safenest", name = "case", description = "Shows a case: status, office, dispatch decisions and history. "
        + "Report summaries are not printed. Audited as a case read.")
@Service
public class CaseCommand implements Action {

    @Reference
    IntakeService intake;

    @Reference
    Session session;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung", required = true)
    String region;

    @Argument(index = 1, name = "caseNumber", description = "The case number, such as KH-2026-000001", required = true)
    String caseNumber;

    @Override
    public Object execute() {
        try {
            CaseView c = intake.caseView(ConsoleCaller.of(session), region, caseNumber);
            System.out.println(c.caseNumber() + "  " + c.caseType() + " (" + c.serviceLine() + ")  " + c.district()
                    + (c.districtPart() == null ? "" : ":" + c.districtPart()) + "  " + c.status() + "  "
                    + (c.office() == null ? "(manual dispatch queue)" : c.office()));
            System.out.println("opened " + c.openedAt() + ", " + c.reports().size() + " report(s), " + c.dispositions().size()
                    + " disposition(s), " + c.transfers().size() + " transfer(s), " + c.disputes().size() + " dispute(s)");
            if (c.followUp() != null) {
                System.out.println("further investigation record due " + c.followUp().due()
                        + (c.followUp().completedAt() == null ? " (open)" : ", filed " + c.followUp().completedAt()));
            }
            System.out.println("Decisions:");
            for (DispatchDecision d : c.decisions()) {
                System.out.println("  " + d.decidedAt() + "  " + d.basis() + "  " + (d.office() == null ? "(manual queue)" : d.office())
                        + "  v" + d.ruleSetVersion() + (d.ruleId() == null ? "" : " " + d.ruleId()));
            }
            System.out.println("History:");
            for (CaseHistoryEntry h : c.history()) {
                System.out.println("  " + h.at() + "  " + h.actor() + "  " + h.kind() + "  " + h.detail());
            }
        } catch (SafenestException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
