package org.safenest.api.demo;

import java.util.List;

import org.safenest.api.security.Caller;

/**
 * A capability's synthetic demo data, loaded with the demo cases by {@code safenest:demo-cases}: every record it makes
 * says it is synthetic, and loading again adds nothing.
 */
public interface DemoData {

    /** A short name for the console ({@code referral board meeting}). */
    String name();

    /** Loads the demo data as the caller (an administrator); answers a line per record made or found. */
    List<String> load(Caller caller);
}
