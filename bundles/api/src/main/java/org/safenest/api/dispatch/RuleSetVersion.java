package org.safenest.api.dispatch;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rule-set version without its rules, as listed in the version history.
 *
 * @param region        the region code
 * @param version       the version number
 * @param adoptedOn     adoption date
 * @param effectiveFrom effective date
 * @param note          what changed
 * @param source        the file it was read from, or null
 * @param publishedAt   when it was published on the platform
 * @param publishedBy   who published it
 * @param ruleCount     how many rules it holds
 */
public record RuleSetVersion(String region, int version, LocalDate adoptedOn, LocalDate effectiveFrom, String note,
        String source, Instant publishedAt, String publishedBy, int ruleCount) {
}
