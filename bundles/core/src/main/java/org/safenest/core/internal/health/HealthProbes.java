package org.safenest.core.internal.health;

import java.util.List;
import java.util.Set;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;

/**
 * What the two load-balancer probes answer, from the Felix health checks tagged {@link HealthTags#LIVENESS} and
 * {@link HealthTags#READINESS}. Kept apart from JAX-RS so that it can be tested without it.
 */
public final class HealthProbes {

    /** The two probe paths under {@code /api}, the only ones served without a login. */
    public static final Set<String> PATHS = Set.of("health/live", "health/ready");

    private HealthProbes() {
    }

    /**
     * Whether a request is one of the probes: {@code GET} or {@code HEAD} of exactly {@code health/live} or
     * {@code health/ready} under {@code /api} (a leading slash allowed; no trailing slash, matrix parameter or
     * further segment).
     */
    public static boolean isProbe(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method) || path == null) {
            return false;
        }
        return PATHS.contains(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Live unless a check tagged {@code liveness} is CRITICAL or failed to run. */
    public static boolean live(HealthCheckExecutor executor) {
        if (executor == null) {
            return true; // the JAX-RS stack answers; no check can say otherwise
        }
        return executor.execute(HealthCheckSelector.tags(HealthTags.LIVENESS)).stream()
                .map(r -> r.getHealthCheckResult().getStatus())
                .noneMatch(s -> s == Result.Status.CRITICAL || s == Result.Status.HEALTH_CHECK_ERROR);
    }

    /** Ready when the checks tagged {@code readiness} exist and every one is OK or WARN. */
    public static boolean ready(HealthCheckExecutor executor) {
        if (executor == null) {
            return false;
        }
        List<HealthCheckExecutionResult> results = executor.execute(HealthCheckSelector.tags(HealthTags.READINESS));
        return !results.isEmpty() && results.stream().allMatch(r -> !r.hasTimedOut()
                && (r.getHealthCheckResult().getStatus() == Result.Status.OK
                        || r.getHealthCheckResult().getStatus() == Result.Status.WARN));
    }
}
