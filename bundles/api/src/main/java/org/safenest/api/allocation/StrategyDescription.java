package org.safenest.api.allocation;

import java.util.List;

/**
 * An installed strategy as listed to users.
 *
 * @param id          the strategy id
 * @param name        display name
 * @param description what it does
 * @param parameters  the parameters it accepts
 */
public record StrategyDescription(String id, String name, String description, List<StrategyParameter> parameters) {
    public StrategyDescription {
        parameters = List.copyOf(parameters);
    }
}
