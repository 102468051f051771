package org.safenest.allocation.internal;

/** Writes one key of the allocation configuration (Config Admin in OSGi). */
@FunctionalInterface
public interface SettingsWriter {
    void write(String key, String value);
}
