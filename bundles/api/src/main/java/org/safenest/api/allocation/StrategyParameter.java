package org.safenest.api.allocation;

/**
 * A parameter a strategy accepts.
 *
 * @param key          the key in the parameters map ({@code weight.continuity})
 * @param description  what it does, with its unit and range
 * @param defaultValue the value used when it is not given, or null when required
 */
public record StrategyParameter(String key, String description, String defaultValue) {
}
