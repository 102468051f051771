package org.safenest.dispatch.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.DispatchedReport;

/**
 * The impact of a rule-set draft: the reports of a past period dispatched again by the draft (through
 * {@link RuleBook.Draft#decide}, the live dispatch's own code), per office how many cases it received and how many it
 * would receive, and the cases whose office would change.
 */
public final class ImpactPreview {

    /** The most reports a preview replays; a longer period is cut there ({@code truncated}). */
    public static final int MAX_REPORTS = 20_000;
    /** Reports read from intake at a time. */
    static final int PAGE = 1000;

    /**
     * One office's cases of the period.
     *
     * @param office       the office code, or null for the manual dispatch queue
     * @param received     how many cases the office received
     * @param wouldReceive how many it would have received under the draft
     */
    public record OfficeImpact(String office, int received, int wouldReceive) {
    }

    /**
     * A case whose office the draft would change.
     *
     * @param officeNow   the office the report was dispatched to (null: the manual dispatch queue)
     * @param officeDraft the office the draft sends it to (null: the manual dispatch queue)
     * @param ruleId      the draft's rule that decides (null when none matches)
     */
    public record ChangedCase(String caseNumber, Instant receivedAt, String caseType, String district, String districtPart,
            String officeNow, String officeDraft, String ruleId) {
    }

    /**
     * The preview.
     *
     * @param draft        the draft's version (not published)
     * @param from         the first day of the period
     * @param to           the last day of the period
     * @param reports      how many reports were replayed
     * @param skipped      reports the draft cannot decide (a district or case type no longer in the region's data)
     * @param truncated    true when the period held more than {@link #MAX_REPORTS} reports (only the first were replayed)
     * @param offices      per office, by code (the manual dispatch queue last)
     * @param changedCount how many cases would change office
     * @param changed      the first {@code limit} of them, oldest first
     */
    public record Result(RuleSetVersion draft, LocalDate from, LocalDate to, int reports, int skipped, boolean truncated,
            List<OfficeImpact> offices, int changedCount, List<ChangedCase> changed) {
    }

    /** Reads a page of the period's reports, oldest first. */
    @FunctionalInterface
    public interface Reports {
        List<DispatchedReport> page(int offset, int limit);
    }

    private ImpactPreview() {
    }

    /** Replays the period's reports (read page by page, at most {@link #MAX_REPORTS}) under the draft. */
    public static Result of(RuleBook.Draft draft, LocalDate from, LocalDate to, Reports reports, int limit) {
        Map<String, int[]> counts = new HashMap<>();
        List<ChangedCase> changed = new ArrayList<>();
        int replayed = 0;
        int skipped = 0;
        int changedCount = 0;
        boolean truncated = false;
        int offset = 0;
        while (true) {
            List<DispatchedReport> page = reports.page(offset, PAGE);
            for (DispatchedReport r : page) {
                if (replayed + skipped == MAX_REPORTS) {
                    truncated = true;
                    break;
                }
                DispatchDecision d;
                try {
                    d = draft.decide(r.caseType(), r.district(), r.districtPart(), r.receivedAt());
                } catch (InvalidInputException e) {
                    skipped++;
                    continue;
                }
                replayed++;
                String now = r.office();
                String then = d.manualQueue() ? null : d.office();
                counts.computeIfAbsent(key(now), k -> new int[2])[0]++;
                counts.computeIfAbsent(key(then), k -> new int[2])[1]++;
                if (!Objects.equals(now, then)) {
                    changedCount++;
                    if (changed.size() < limit) {
                        changed.add(new ChangedCase(r.caseNumber(), r.receivedAt(), r.caseType(), r.district(), r.districtPart(), now, then,
                                d.ruleId()));
                    }
                }
            }
            if (truncated || page.size() < PAGE) {
                break;
            }
            offset += page.size();
        }
        List<OfficeImpact> offices = new ArrayList<>();
        counts.forEach((k, v) -> offices.add(new OfficeImpact(k.isEmpty() ? null : k, v[0], v[1])));
        offices.sort(Comparator.comparing(OfficeImpact::office, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Result(draft.version().summary(), from, to, replayed, skipped, truncated, offices, changedCount, changed);
    }

    private static String key(String office) {
        return office == null ? "" : office;
    }
}
