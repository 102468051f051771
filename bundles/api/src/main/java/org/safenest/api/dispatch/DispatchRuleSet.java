package org.safenest.api.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a region's dispatch procedures. Rules are tried in order: the first ordinary rule that
 * matches decides; when none does, the first matching fallback rule; when none does either, the case goes to
 * the manual dispatch queue. A published version never changes.
 *
 * @param region        the region code
 * @param version       the version number, increasing from 1
 * @param adoptedOn     the day the procedures were adopted (訂定/修正)
 * @param effectiveFrom the first day they apply to received reports (施行)
 * @param note          what changed, or that the rules are carried over unchanged from an earlier version
 * @param source        the file it was read from (bundle entry or path), or null
 * @param publishedAt   when it was published on the platform
 * @param publishedBy   who published it ({@code system} for a shipped or dropped-in file)
 * @param rules         the rules in order
 */
public record DispatchRuleSet(String region, int version, LocalDate adoptedOn, LocalDate effectiveFrom, String note,
        String source, Instant publishedAt, String publishedBy, List<DispatchRule> rules) {
    public DispatchRuleSet {
        rules = List.copyOf(rules);
    }

    /** The version without its rules. */
    public RuleSetVersion summary() {
        return new RuleSetVersion(region, version, adoptedOn, effectiveFrom, note, source, publishedAt, publishedBy,
                rules.size());
    }
}
