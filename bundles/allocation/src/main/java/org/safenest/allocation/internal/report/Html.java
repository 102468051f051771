package org.safenest.allocation.internal.report;

/** HTML text escaping. */
final class Html {

    private Html() {
    }

    static String escape(Object value) {
        String s = value == null ? "" : String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
