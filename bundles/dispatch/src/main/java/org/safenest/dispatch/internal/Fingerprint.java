package org.safenest.dispatch.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.dispatch.DispatchRuleSet;

/**
 * The identity of a version's content: number, dates, note and rules in order (not where it was read from,
 * nor the lines). Two files that define the same version with the same content have the same fingerprint.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(DispatchRuleSet set) {
        StringBuilder b = new StringBuilder();
        field(b, set.region());
        field(b, Integer.toString(set.version()));
        field(b, String.valueOf(set.adoptedOn()));
        field(b, String.valueOf(set.effectiveFrom()));
        field(b, set.note() == null ? "" : set.note());
        b.append('\n');
        for (DispatchRule r : set.rules()) {
            field(b, r.id());
            field(b, r.caseType());
            field(b, r.serviceLine() == null ? null : r.serviceLine().name());
            field(b, r.district());
            field(b, r.part());
            field(b, r.office());
            field(b, r.fallback() ? "yes" : "");
            field(b, r.explanation() == null ? "" : r.explanation());
            b.append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(StringBuilder b, String value) {
        // length-prefixed, so that no content can be mistaken for a separator
        if (value == null) {
            b.append("-1:");
        } else {
            b.append(value.length()).append(':').append(value);
        }
        b.append('|');
    }
}
