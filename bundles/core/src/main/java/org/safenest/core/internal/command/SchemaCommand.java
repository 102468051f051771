package org.safenest.core.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.core.internal.schema.SchemaChangelog;
import org.safenest.core.internal.schema.SchemaChangelog.AppliedChange;
import org.safenest.core.internal.schema.SchemaMigrations;
import org.safenest.core.internal.schema.SchemaMigrations.UnitState;

/** {@code safenest:schema}: the schema version of each persistence unit, or the changes applied to one. */
@Command(scope = "safenest", name = "schema", description = "Shows the schema migrations: for each persistence unit of the started "
        + "bundles its changelog, state (ready, migrating, failed) and version (the id of the newest change applied); with a unit "
        + "name, every change applied to that unit, when, and whether it ran (EXECUTED) or was found already done (MARK_RAN)")
@Service
public class SchemaCommand implements Action {

    @Reference
    SchemaMigrations migrations;

    @Argument(index = 0, name = "unit", description = "A persistence unit, such as safenest-intake; omit to list all units", required = false)
    String unit;

    @Override
    public Object execute() throws Exception {
        if (unit == null) {
            ShellTable table = new ShellTable();
            table.column("Unit");
            table.column("Bundle");
            table.column("State");
            table.column("Version");
            table.column("Changes").alignRight();
            table.column("History table");
            for (UnitState s : migrations.units()) {
                int changes = migrations.history(s.unit()).size();
                table.addRow().addContent(s.unit(), s.bundle(), s.error() == null ? s.status() : s.status() + ": " + s.error(),
                        s.version() == null ? "" : s.version(), changes, SchemaChangelog.historyTable(s.unit()));
            }
            table.print(System.out);
            return null;
        }
        List<AppliedChange> history = migrations.history(unit);
        if (history.isEmpty()) {
            System.out.println("No changes recorded for '" + unit + "' (table " + SchemaChangelog.historyTable(unit)
                    + "): no such unit, or its bundle has not started yet. Units: "
                    + migrations.units().stream().map(UnitState::unit).toList());
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Change");
        table.column("Applied at (UTC)");
        table.column("How");
        table.column("What");
        for (AppliedChange c : history) {
            table.addRow().addContent(c.order(), c.id(), c.executedAt(), c.type(), c.description());
        }
        table.print(System.out);
        return null;
    }
}
