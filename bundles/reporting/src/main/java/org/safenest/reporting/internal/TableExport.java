package org.safenest.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportTable;

/**
 * A report table as a file for spreadsheet software, in one language ({@code zh} or {@code en}): column labels and
 * names instead of codes. CSV is UTF-8 with a byte-order mark (so that Excel reads Chinese text correctly) and CRLF
 * line ends (RFC 4180, by Commons CSV); XLSX (written by fastexcel) holds the table on its first sheet with number
 * formats and, on a second sheet, the period, the grouping and the notes.
 */
public final class TableExport {

    private TableExport() {
    }

    /** The language to export in: {@code zh} unless {@code en} is asked for. */
    public static String language(String lang) {
        return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh";
    }

    /** The column's label in a language. */
    public static String label(ReportColumn c, String lang) {
        return "zh".equals(lang) ? c.labelZh() : c.labelEn();
    }

    /** The text of a cell as shown to a reader (names for codes, "<5" for suppressed counts, "12.5%" for shares). */
    public static String text(ReportTable table, int column, Object cell, String lang) {
        ReportColumn c = table.columns().get(column);
        if (cell == null) {
            return "";
        }
        return switch (c.type()) {
            case TEXT -> table.display(c.key(), cell, lang);
            case PERCENT -> cell instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : cell.toString();
            case DECIMAL -> cell instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : cell.toString();
            default -> cell.toString();
        };
    }

    public static byte[] csv(ReportTable table, String lang) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>();
            for (ReportColumn c : table.columns()) {
                header.add(label(c, lang));
            }
            csv.printRecord(header);
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(text(table, i, row.get(i), lang));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xlsx(ReportTable table, String title, String lang) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Safenest", "1.0");
            Worksheet ws = wb.newWorksheet("zh".equals(lang) ? "報表" : "Report");
            List<ReportColumn> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, label(columns.get(c), lang));
                ws.style(0, c).bold().fillColor("DDE7F0").set();
                ws.width(c, Math.max(12, Math.min(40, label(columns.get(c), lang).length() * 2 + 4)));
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < columns.size(); c++) {
                    cell(ws, r + 1, c, table, columns.get(c).type(), row.get(c), lang);
                }
            }
            ws.freezePane(0, 1);
            Worksheet about = wb.newWorksheet("zh".equals(lang) ? "說明" : "About");
            int r = 0;
            about.value(r, 0, "zh".equals(lang) ? "報表" : "Report");
            about.value(r++, 1, title);
            about.value(r, 0, "zh".equals(lang) ? "期間" : "Period");
            about.value(r++, 1, table.request().from() + " – " + table.request().to());
            about.value(r, 0, "zh".equals(lang) ? "分組" : "Grouping");
            about.value(r++, 1, String.join(", ", table.request().grouping()));
            about.value(r, 0, "zh".equals(lang) ? "產生時間" : "Computed at");
            about.value(r++, 1, table.computedAt().toString());
            for (ReportNote n : table.notes()) {
                about.value(r, 0, "zh".equals(lang) ? "附註" : "Note");
                about.value(r++, 1, "zh".equals(lang) ? n.textZh() : n.textEn());
            }
            about.width(0, 14);
            about.width(1, 100);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void cell(Worksheet ws, int r, int c, ReportTable table, ColumnType type, Object cell, String lang) {
        if (cell == null) {
            return;
        }
        if (cell instanceof Number n) {
            switch (type) {
                case PERCENT -> {
                    ws.value(r, c, n.doubleValue());
                    ws.style(r, c).format("0.0%").set();
                }
                case DECIMAL -> {
                    ws.value(r, c, n.doubleValue());
                    ws.style(r, c).format("0.00").set();
                }
                default -> ws.value(r, c, n.longValue());
            }
            return;
        }
        if (cell instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
            return;
        }
        String text = text(table, c, cell, lang);
        ws.value(r, c, text);
        if (type == ColumnType.COUNT) {
            ws.style(r, c).horizontalAlignment("right").set();
        }
    }
}
