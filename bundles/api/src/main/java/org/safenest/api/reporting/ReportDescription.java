package org.safenest.api.reporting;

import java.util.List;

/**
 * An installed report as listed to users.
 *
 * @param id            the report id
 * @param titleZh       Traditional Chinese title
 * @param titleEn       English title
 * @param descriptionZh Traditional Chinese description
 * @param descriptionEn English description
 * @param groupings     the dimensions it can group by
 * @param parameters    its own parameters
 */
public record ReportDescription(String id, String titleZh, String titleEn, String descriptionZh,
        String descriptionEn, List<String> groupings, List<ReportParameter> parameters) {
    public ReportDescription {
        groupings = List.copyOf(groupings);
        parameters = List.copyOf(parameters);
    }
}
