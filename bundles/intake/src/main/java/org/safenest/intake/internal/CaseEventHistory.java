package org.safenest.intake.internal;

import java.util.List;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.outbox.EventHistory;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.api.schema.SchemaReady;
import org.safenest.intake.internal.jpa.Transactions;

/** Intake's events as kept with its records ({@link CaseEventJournal}), for consumers that build from them again. */
@Component(service = EventHistory.class)
public class CaseEventHistory implements EventHistory {

    private final Transactions tx;
    private final CaseEventJournal journal = new CaseEventJournal();

    /** The unit's tables exist and are at the newest version. */
    @Reference(target = "(unit=safenest-intake)")
    SchemaReady schemaReady;

    @Activate
    public CaseEventHistory(@Reference(target = "(osgi.unit.name=safenest-intake)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /** Outside OSGi (tests). */
    public CaseEventHistory(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public String topicPrefix() {
        return IntakeEvents.TOPIC_PREFIX;
    }

    @Override
    public long count(String region) {
        return tx.required(em -> journal.count(em, region));
    }

    @Override
    public void replay(String region, int batchSize, Consumer<List<OutboxEvent>> batches) {
        int size = Math.max(1, batchSize);
        long ordinal = Long.MIN_VALUE;
        String id = "";
        while (true) {
            long o = ordinal;
            String i = id;
            List<OutboxEvent> batch = tx.required(em -> journal.after(em, region, o, i, size));
            if (batch.isEmpty()) {
                return;
            }
            batches.accept(batch);
            OutboxEvent last = batch.get(batch.size() - 1);
            ordinal = last.position();
            id = last.id();
            if (batch.size() < size) {
                return;
            }
        }
    }
}
