package org.safenest.api.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computed report: columns, rows and notes, ready to render as JSON, CSV, XLSX or a chart.
 *
 * @param report     the report id
 * @param request    what was computed
 * @param columns    the columns
 * @param rows       the rows; each holds one cell per column, of the column's type, or null for no value; a
 *                   suppressed count is the {@code String} {@code "<5"} (for a threshold of 5)
 * @param notes      notes such as {@link ReportNote#SYNTHETIC} and {@link ReportNote#SUPPRESSED}
 * @param labels     names of the codes in {@link ColumnType#TEXT} columns: column key, then code, then its names;
 *                   a code without a label is shown as it is
 * @param computedAt when
 */
public record ReportTable(String report, ReportRequest request, List<ReportColumn> columns, List<List<Object>> rows,
        List<ReportNote> notes, Map<String, Map<String, ReportLabel>> labels, Instant computedAt) {
    public ReportTable {
        Map<String, Map<String, ReportLabel>> labelCopy = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((column, names) -> labelCopy.put(column, Collections.unmodifiableMap(new LinkedHashMap<>(names))));
        }
        labels = Collections.unmodifiableMap(labelCopy);
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        notes = List.copyOf(notes);
    }

    /** The cell of a text column shown in a language: the code's name when the table has one, else the code. */
    public String display(String columnKey, Object cell, String language) {
        if (cell == null) {
            return "";
        }
        Map<String, ReportLabel> names = labels.get(columnKey);
        ReportLabel label = names == null ? null : names.get(String.valueOf(cell));
        return label == null ? String.valueOf(cell) : label.in(language);
    }
}
