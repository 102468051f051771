package org.safenest.api.reporting;

/**
 * A column of a report table.
 *
 * @param key     stable key ({@code caseType}, {@code reports})
 * @param labelZh Traditional Chinese label
 * @param labelEn English label
 * @param type    the cells' type
 */
public record ReportColumn(String key, String labelZh, String labelEn, ColumnType type) {
}
