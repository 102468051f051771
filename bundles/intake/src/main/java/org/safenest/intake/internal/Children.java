package org.safenest.intake.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.safenest.api.intake.ReportedChild;

/** The children of a report in one column: a line {@code age|childRef} each (childRef empty when unknown). */
final class Children {

    private Children() {
    }

    static String encode(List<ReportedChild> children) {
        StringBuilder b = new StringBuilder();
        for (ReportedChild c : children) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(c.age()).append('|');
            if (c.childRef() != null) {
                b.append(c.childRef());
            }
        }
        return b.toString();
    }

    static List<ReportedChild> decode(String column) {
        List<ReportedChild> result = new ArrayList<>();
        if (column == null || column.isEmpty()) {
            return result;
        }
        for (String line : column.split("\n")) {
            int bar = line.indexOf('|');
            Integer age = Integer.valueOf(line.substring(0, bar));
            String ref = line.substring(bar + 1);
            result.add(new ReportedChild(age, ref.isEmpty() ? null : ref));
        }
        return result;
    }

    /** The child references of the column. */
    static Set<String> refs(String column) {
        Set<String> refs = new LinkedHashSet<>();
        for (ReportedChild c : decode(column)) {
            if (c.childRef() != null) {
                refs.add(c.childRef());
            }
        }
        return refs;
    }
}
