package org.safenest.api.reporting;

/**
 * The names of a code that appears in a report cell (a district, an office, a case type), so that renderers show
 * names in the reader's language while the data keeps stable codes.
 *
 * @param zh Traditional Chinese name
 * @param en English name
 */
public record ReportLabel(String zh, String en) {

    /** The name in a language ({@code zh} or {@code en}); the English name for anything else. */
    public String in(String language) {
        return "zh".equals(language) ? zh : en;
    }
}
