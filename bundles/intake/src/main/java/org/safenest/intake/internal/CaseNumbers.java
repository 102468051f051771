package org.safenest.intake.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Readable case numbers, unique per region: {@code <prefix>-<year>-<sequence of 6 digits>}, such as
 * {@code KH-2026-000001}. The prefix is the region's short code ({@code kaohsiung} KH, {@code hong-kong} HK),
 * else the region code in capitals.
 */
final class CaseNumbers {

    private static final Map<String, String> PREFIXES = Map.of("kaohsiung", "KH", "hong-kong", "HK");

    private CaseNumbers() {
    }

    static String prefix(String region) {
        String p = PREFIXES.get(region);
        return p != null ? p : region.toUpperCase(Locale.ROOT);
    }

    static String format(String region, int year, long sequence) {
        return prefix(region) + "-" + year + "-" + String.format(Locale.ROOT, "%06d", sequence);
    }

    /** The counter key of a region and year. */
    static String counter(String region, int year) {
        return region + "/" + year;
    }
}
