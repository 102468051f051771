package org.safenest.api.allocation;

/**
 * An operator (NGO) that runs teams.
 *
 * @param id        stable identifier within the region
 * @param name      display name (synthetic operators have generated names)
 * @param synthetic true when the operator is generated, not real
 */
public record Operator(String id, String name, boolean synthetic) {
}
