package org.safenest.api.reporting;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.safenest.api.security.Caller;

/**
 * Lists and runs the installed reports. Methods taking a region code throw
 * {@link org.safenest.api.error.NotFoundException} for an unknown region (or report).
 */
@ProviderType
public interface ReportingService {

    /** The reports installed now that apply to the region. */
    List<ReportDescription> reports(String region);

    /**
     * Runs a report (roles {@code analyst}, {@code supervisor}, {@code admin}; audited) and suppresses every
     * {@link ColumnType#COUNT} cell below the request's threshold, adding {@link ReportNote#SUPPRESSED} when any
     * was. {@link org.safenest.api.error.InvalidInputException} for a period that ends before it starts.
     */
    ReportTable run(Caller caller, String reportId, ReportRequest request);
}
