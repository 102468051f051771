package org.safenest.api.reporting;

/**
 * A parameter a report accepts besides period and grouping ({@code plans} for a comparison of plans).
 *
 * @param key          the key in {@link ReportRequest#parameters()}
 * @param labelZh      Traditional Chinese label
 * @param labelEn      English label
 * @param required     whether it must be given
 * @param defaultValue the value when not given, or null
 */
public record ReportParameter(String key, String labelZh, String labelEn, boolean required, String defaultValue) {
}
