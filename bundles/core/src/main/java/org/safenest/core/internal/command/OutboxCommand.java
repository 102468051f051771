package org.safenest.core.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.outbox.Outbox;
import org.safenest.core.internal.outbox.JpaOutbox;

/** {@code safenest:outbox}: how far each consumer of the outbox has got. */
@Command(scope = "safenest", name = "outbox", description = "Shows the transactional outbox: the newest and oldest event kept, "
        + "and for each consumer (reporting, ...) the position it has applied and how many events wait for it")
@Service
public class OutboxCommand implements Action {

    @Reference
    JpaOutbox outbox;

    @Override
    public Object execute() {
        long head = outbox.head();
        long tail = outbox.tail();
        System.out.printf("Outbox: events %d to %d kept (%d); %d passed over after failing since start%n", tail, head,
                Math.max(0, head - tail + 1), outbox.skipped());
        ShellTable table = new ShellTable();
        table.column("Consumer");
        table.column("Registered");
        table.column("Applied up to").alignRight();
        table.column("Waiting").alignRight();
        for (Outbox.ConsumerState s : outbox.consumers()) {
            table.addRow().addContent(s.name(), s.registered() ? "yes" : "no (not installed)", s.position(), s.lag());
        }
        table.print(System.out);
        return null;
    }
}
