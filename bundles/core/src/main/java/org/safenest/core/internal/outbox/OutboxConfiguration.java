package org.safenest.core.internal.outbox;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.safenest.outbox.cfg}: delivery and retention of the outbox. */
@ObjectClassDefinition(name = "Safenest outbox", description = "Delivery of events to consumers and how long delivered events are kept")
public @interface OutboxConfiguration {

    @AttributeDefinition(description = "Days a delivered event is kept before it is pruned (never before every registered consumer applied it)")
    int retention_days() default 30;

    @AttributeDefinition(description = "Minutes between two prunings")
    int prune_interval_minutes() default 60;

    @AttributeDefinition(description = "Events applied per consumer transaction")
    int batch_size() default 500;

    @AttributeDefinition(description = "Milliseconds between two looks for new events when nothing signals them (other nodes' events)")
    int poll_millis() default 1000;
}
