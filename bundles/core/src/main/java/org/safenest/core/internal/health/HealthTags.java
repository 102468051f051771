package org.safenest.core.internal.health;

/** The health check tags Safenest selects by. */
public final class HealthTags {

    /** Checks that must all pass before a load balancer sends requests: {@code GET /api/health/ready}. */
    public static final String READINESS = "readiness";
    /** Checks whose failure means the process should be restarted: {@code GET /api/health/live}. */
    public static final String LIVENESS = "liveness";
    /** Every Safenest check carries this tag as well. */
    public static final String SAFENEST = "safenest";

    private HealthTags() {
    }
}
