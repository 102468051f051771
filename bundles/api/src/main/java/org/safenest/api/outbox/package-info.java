/**
 * The transactional outbox: what other capabilities need to know of a change (an intake event, a referral decision,
 * a plan adoption) is written as an {@link org.safenest.api.outbox.OutboxEvent} in the same database transaction as
 * the change, and delivered from there to every {@link org.safenest.api.outbox.OutboxConsumer} at least once, in
 * order, each consumer applying an event id once. The outbox is the truth; EventAdmin events are only a signal.
 */
@Export
@Version("1.1.0")
package org.safenest.api.outbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
