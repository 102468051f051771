package org.safenest.intake.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.safenest.intake.internal.DemoCases;

/** {@code safenest:demo-cases}: loads the synthetic demo cases of Kaohsiung for the demo users. */
@Command(scope = "safenest", name = "demo-cases", description = "Loads synthetic demo cases into Kaohsiung (household references"
        + " DEMO-H-...): three assigned to the demo worker, one of them with an overdue follow-up, and one for the demo supervisor"
        + " to assign; with the referral board, three synthetic proposals on Kaohsiung's meeting of today for the demo chair. Loading"
        + " again changes nothing. For demonstrations only.")
@Service
public class DemoCasesCommand implements Action {

    @Reference
    DemoCases demo;

    @Reference
    Session session;

    @Override
    public Object execute() {
        demo.load(ConsoleCaller.of(session)).forEach(System.out::println);
        return null;
    }
}
