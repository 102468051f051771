package org.safenest.api.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A computed report: columns, rows and notes, ready to render as JSON, CSV, XLSX or a chart.
 *
 * @param report     the report id
 * @param request    what was computed
 * @param columns    the columns
 * @param rows       the rows; each holds one cell per column, of the column's type, or null for no value; a
 *                   suppressed count is the {@code String} {@code "<5"} (for a threshold of 5)
 * @param notes      notes such as {@link ReportNote#SYNTHETIC} and {@link ReportNote#SUPPRESSED}
 * @param computedAt when
 */
public record ReportTable(String report, ReportRequest request, List<ReportColumn> columns, List<List<Object>> rows,
        List<ReportNote> notes, Instant computedAt) {
    public ReportTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        notes = List.copyOf(notes);
    }
}
