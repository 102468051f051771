package org.safenest.dispatch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV text as saved by a spreadsheet (UTF-8, with or without a byte-order mark, commas, quotes as
 * needed, LF or CRLF) into rows that know their line; line ends inside quoted cells become LF. Lines starting with {@code #} are comments; blank lines
 * and lines of empty cells only are skipped.
 */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).get();

    /** One row: the line it starts on (from 1) and its cells, trimmed. */
    record Row(int line, List<String> cells) {
        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** Thrown for text that is not CSV (an unterminated quote); names the line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private Csv() {
    }

    static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    static List<Row> rows(String text) throws Malformed {
        List<Row> rows = new ArrayList<>();
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(stripBom(text), FORMAT);
            for (CSVRecord rec : parser) {
                List<String> cells = new ArrayList<>(rec.size());
                int newlines = 0;
                boolean blank = true;
                for (String v : rec) {
                    newlines += count(v);
                    // line ends inside a quoted cell do not depend on the system the file was saved on
                    String t = v.replace("\r\n", "\n").replace('\r', '\n').strip();
                    blank &= t.isEmpty();
                    cells.add(t);
                }
                if (!blank) {
                    rows.add(new Row((int) parser.getCurrentLineNumber() - newlines, cells));
                }
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException e) {
            int line = parser == null ? 1 : (int) parser.getCurrentLineNumber();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Malformed(Math.max(line, 1), "not readable as CSV (" + cause.getMessage() + ")");
        } catch (IOException e) {
            throw new Malformed(1, "not readable as CSV (" + e.getMessage() + ")");
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // a string reader
                }
            }
        }
    }

    private static int count(String v) {
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
