package org.safenest.api.reporting;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A statistical report (not an intake report, 通報), registered as an OSGi service with the service property
 * {@link #REPORT_PROPERTY} set to its {@link #id()}. A report reads other capabilities through their services
 * or the data it collected from their events, never through their tables. Implementations are thread-safe.
 */
@ConsumerType
public interface Report {

    /** The service property that carries the report id. */
    String REPORT_PROPERTY = "safenest.report.id";

    /** Stable identifier used in URLs ({@code intake-volume}). */
    String id();

    /** Traditional Chinese title. */
    String titleZh();

    /** English title. */
    String titleEn();

    /** Traditional Chinese description: what it counts and from which data. */
    String descriptionZh();

    /** English description. */
    String descriptionEn();

    /** The dimensions it can group by ({@code month}, {@code caseType}, {@code district}, {@code office}). */
    List<String> groupings();

    /** Its own parameters besides period and grouping. */
    List<ReportParameter> parameters();

    /** Whether it has data for the region (allocation reports only where there is allocation data). */
    default boolean appliesTo(String region) {
        return true;
    }

    /**
     * Computes the table. Marks columns that count people or cases as {@link ColumnType#COUNT} and adds
     * {@link ReportNote#SYNTHETIC} when the data is synthetic; suppression is applied by the reporting service.
     * {@link org.safenest.api.error.InvalidInputException} for a wrong grouping or parameter.
     */
    ReportTable compute(ReportRequest request);
}
