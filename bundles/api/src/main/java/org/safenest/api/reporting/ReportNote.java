package org.safenest.api.reporting;

/**
 * A note shown with a report table.
 *
 * @param code   {@link #SYNTHETIC}, {@link #SUPPRESSED} or a report's own code
 * @param textZh Traditional Chinese text
 * @param textEn English text
 */
public record ReportNote(String code, String textZh, String textEn) {

    /** Some of the figures come from synthetic data. */
    public static final String SYNTHETIC = "synthetic";
    /** Small counts are suppressed (shown as {@code <5}). */
    public static final String SUPPRESSED = "suppressed";
}
