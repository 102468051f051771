package org.safenest.api.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to compute.
 *
 * @param region               the region code
 * @param from                 first day of the period, inclusive (region time zone)
 * @param to                   last day of the period, inclusive
 * @param grouping             the dimensions to group by, outermost first, from the report's
 *                             {@link Report#groupings()} ({@code month}, {@code district}); empty for the default
 * @param suppressionThreshold counts from 1 up to this value minus one are suppressed ({@code 5}: fewer than 5 shown as
 *                             {@code <5}); 0 suppresses nothing. The reporting service raises it to the configured
 *                             minimum for published figures
 * @param parameters           the report's own parameters
 */
public record ReportRequest(String region, LocalDate from, LocalDate to, List<String> grouping,
        int suppressionThreshold, Map<String, String> parameters) {
    public ReportRequest {
        grouping = grouping == null ? List.of() : List.copyOf(grouping);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
