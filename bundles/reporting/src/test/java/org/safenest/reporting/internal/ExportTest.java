package org.safenest.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportLabel;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;

/** CSV and XLSX exports open in spreadsheet software with Chinese text, names for codes and suppressed cells. */
class ExportTest {

    private static ReportTable table() {
        ReportRequest request = new ReportRequest("kh", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), List.of("month", "district"), 5,
                Map.of());
        return new ReportTable("intake-volume", request, List.of(
                new ReportColumn("month", "月份", "Month", ColumnType.MONTH),
                new ReportColumn("district", "行政區", "District", ColumnType.TEXT),
                new ReportColumn("reports", "通報件數", "Reports", ColumnType.COUNT),
                new ReportColumn("mergedShare", "併案比例", "Share merged", ColumnType.PERCENT)),
                List.of(Arrays.asList(YearMonth.of(2026, 1), "fengshan", 12L, 0.25), Arrays.asList(YearMonth.of(2026, 2), "cijin, \"north\"", "<5", null)),
                List.of(new ReportNote(ReportNote.SUPPRESSED, "少於 5 以「<5」顯示", "Counts below 5 are shown as <5")),
                Map.of("district", Map.of("fengshan", new ReportLabel("鳳山區", "Fengshan"))), Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkCrlfAndQuoting() {
        byte[] bytes = TableExport.csv(table(), "zh");
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals("月份,行政區,通報件數,併案比例\r\n2026-01,鳳山區,12,25.0%\r\n2026-02,\"cijin, \"\"north\"\"\",<5,\r\n", text);
        String en = new String(TableExport.csv(table(), "en"), StandardCharsets.UTF_8);
        assertTrue(en.contains("Month,District,Reports,Share merged\r\n2026-01,Fengshan,12,25.0%"), en);
    }

    @Test
    void xlsxHoldsTheTableWithNumbersAndAnAboutSheet() throws Exception {
        byte[] bytes = TableExport.xlsx(table(), "通報量統計", "zh");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Sheet> sheets = wb.getSheets().collect(Collectors.toList());
            assertEquals(List.of("報表", "說明"), sheets.stream().map(Sheet::getName).toList());
            List<Row> rows = sheets.get(0).read();
            assertEquals("通報件數", rows.get(0).getCellText(2));
            assertEquals("鳳山區", rows.get(1).getCellText(1));
            assertEquals(12, rows.get(1).getCellAsNumber(2).orElseThrow().intValue());
            assertEquals(0.25, rows.get(1).getCellAsNumber(3).orElseThrow().doubleValue(), 1e-9);
            assertEquals("<5", rows.get(2).getCellText(2));
            List<Row> about = sheets.get(1).read();
            assertEquals("通報量統計", about.get(0).getCellText(1));
            assertTrue(about.stream().anyMatch(r -> r.getCellText(1).contains("<5")));
        }
    }

    @Test
    void theExportLanguageIsChineseUnlessEnglishIsAskedFor() {
        assertEquals("zh", TableExport.language(null));
        assertEquals("zh", TableExport.language("zh-TW"));
        assertEquals("en", TableExport.language("en"));
        assertEquals("en", TableExport.language("EN-gb"));
    }
}
