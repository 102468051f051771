package org.safenest.core.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.safenest.core.internal.audit.AuditChain;

/** {@code safenest:audit-verify}: checks the audit log's hash chain. */
@Command(scope = "safenest", name = "audit-verify",
        description = "Checks the audit log's hash chain and reports the first record that was changed, removed or inserted in the database")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    AuditChain chain;

    @Override
    public Object execute() {
        System.out.println("Checking the audit chain...");
        AuditChain.Verification v = chain.verify();
        if (v.intact()) {
            System.out.println("Audit log intact: " + v.chained() + " records chained, " + v.pending() + " waiting to be chained.");
        } else {
            AuditChain.Problem p = v.firstProblem();
            System.out.println("AUDIT LOG TAMPERED WITH: " + p.kind().toUpperCase(java.util.Locale.ROOT) + " - " + p.message());
            System.out.println("  (" + v.chained() + " records before it verified)");
        }
        return null;
    }
}
