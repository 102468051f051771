package org.safenest.api.allocation;

import java.util.Map;

/**
 * A strategy to run, with its parameters.
 *
 * @param strategy   the strategy id
 * @param parameters its parameters; missing ones take their defaults
 */
public record StrategyRun(String strategy, Map<String, String> parameters) {
    public StrategyRun {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
