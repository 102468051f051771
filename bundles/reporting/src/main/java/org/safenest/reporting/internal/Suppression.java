package org.safenest.reporting.internal;

import java.util.ArrayList;
import java.util.List;

import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportTable;

/**
 * Small-count suppression for published figures: every {@link ColumnType#COUNT} cell from 1 up to the threshold
 * minus one becomes the text {@code "<threshold"} (zero stays: it identifies no one). In a row where a count was
 * suppressed, the shares and averages are blanked too, since a share with its whole would give the small count back.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The suppressed table, with {@link ReportNote#SUPPRESSED} when any cell was; the table itself when threshold < 2. */
    public static ReportTable apply(ReportTable table, int threshold) {
        if (threshold < 2) {
            return table;
        }
        List<ReportColumn> columns = table.columns();
        String shown = "<" + threshold;
        boolean any = false;
        List<List<Object>> rows = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            List<Object> out = new ArrayList<>(row);
            boolean suppressed = false;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).type() == ColumnType.COUNT && out.get(i) instanceof Number n) {
                    long v = n.longValue();
                    if (v > 0 && v < threshold) {
                        out.set(i, shown);
                        suppressed = true;
                    }
                }
            }
            if (suppressed) {
                any = true;
                for (int i = 0; i < columns.size(); i++) {
                    ColumnType t = columns.get(i).type();
                    if (t == ColumnType.PERCENT || t == ColumnType.DECIMAL) {
                        out.set(i, null);
                    }
                }
            }
            rows.add(out);
        }
        if (!any) {
            return table;
        }
        List<ReportNote> notes = new ArrayList<>(table.notes());
        notes.add(new ReportNote(ReportNote.SUPPRESSED,
                "為避免辨識出個別家庭，少於 " + threshold + " 的數字以「" + shown + "」顯示，同列的比例與平均亦不顯示。",
                "Counts below " + threshold + " are shown as \"" + shown + "\" so that no family can be identified; "
                        + "shares and averages in those rows are left out."));
        return new ReportTable(table.report(), table.request(), columns, rows, notes, table.labels(), table.computedAt());
    }
}
