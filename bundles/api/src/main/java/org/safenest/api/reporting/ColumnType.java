package org.safenest.api.reporting;

/** The type of a report column, and so of its cells. */
public enum ColumnType {
    /** {@code String}. */
    TEXT,
    /** {@code Long}: a count of reports, cases, families or children; suppressed below the threshold. */
    COUNT,
    /** {@code Long}: a whole number that identifies no one (never suppressed). */
    INTEGER,
    /** {@code Double}. */
    DECIMAL,
    /** {@code Double}, a fraction from 0 to 1. */
    PERCENT,
    /** {@code java.time.LocalDate}. */
    DATE,
    /** {@code java.time.YearMonth}. */
    MONTH
}
