/**
 * Safenest's own Apache Felix health checks (database, regions, outbox) and the probes a load balancer asks.
 * The Felix health check executor runs them together with Felix's general checks configured in {@code etc/}.
 */
package org.safenest.core.internal.health;
