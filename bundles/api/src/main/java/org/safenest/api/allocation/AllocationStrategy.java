package org.safenest.api.allocation;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way of allocating units to teams, registered as an OSGi service with the service property
 * {@link #STRATEGY_PROPERTY} set to its {@link #id()}. Installing a strategy's bundle makes it selectable at
 * once. Implementations are stateless and thread-safe: the same strategy may run for several requests at a time.
 */
@ConsumerType
public interface AllocationStrategy {

    /** The service property that carries the strategy id. */
    String STRATEGY_PROPERTY = "safenest.allocation.strategy";

    /** Stable identifier ({@code retain}, {@code district}, {@code hkcss}, {@code needs-weighted}, {@code optimal}). */
    String id();

    /** Short display name. */
    String name();

    /** What the strategy does and how it chooses, in a few sentences. */
    String description();

    /** The parameters it accepts. */
    List<StrategyParameter> parameters();

    /**
     * Computes a plan. Deterministic: the same input and parameters give the same plan. The returned plan's
     * {@code metrics} may be null: the allocation service measures every plan the same way.
     * {@link org.safenest.api.error.InvalidInputException} for a wrong parameter.
     *
     * @param parameters the parameters given, without defaults filled in
     */
    AllocationPlan plan(AllocationInput input, Map<String, String> parameters);
}
