package org.safenest.intake.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The codes and parameters of a history entry as stored: one {@code key=value} a line, in the order given. Values are
 * codes (offices, districts, rules, dispositions, dispute numbers), never personal data; line breaks in them become
 * spaces.
 */
final class HistoryParams {

    private HistoryParams() {
    }

    /** Pairs of key and value; pairs with a null value are left out. Null when there is none. */
    static String format(String... pairs) {
        if (pairs == null || pairs.length == 0) {
            return null;
        }
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("history parameters come in pairs of key and value");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(pairs[i]).append('=').append(pairs[i + 1].replace('\n', ' ').replace('\r', ' '));
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The stored text back as a map in its order; empty for null (entries written before the parameters). */
    static Map<String, String> parse(String stored) {
        Map<String, String> m = new LinkedHashMap<>();
        if (stored == null || stored.isEmpty()) {
            return m;
        }
        for (String line : stored.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }
}
