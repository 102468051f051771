package org.safenest.api.region;

/** A session a preschool runs. */
public enum PreschoolSession {
    AM, PM, WHOLE_DAY
}
