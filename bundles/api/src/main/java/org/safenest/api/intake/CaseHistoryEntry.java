package org.safenest.api.intake;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a case's history. Holds no personal data.
 *
 * @param at     when
 * @param actor  the user, or {@code system}
 * @param kind   what happened
 * @param detail a short English description ({@code dispatched to fengshan-station by rule P-07 of version 8}), kept for
 *               clients that show it; pages render {@code params} in the user's language instead
 * @param params the entry's codes: {@code event} (what exactly happened within the kind, such as {@code rule},
 *               {@code manual-queue}, {@code raised}, {@code resolved}) and its parameters ({@code office},
 *               {@code fromOffice}, {@code district}, {@code caseType}, {@code ruleId}, {@code version},
 *               {@code dispute}, {@code disposition}, {@code worker}, ...); empty for entries written before they
 *               were kept
 */
public record CaseHistoryEntry(Instant at, String actor, CaseHistoryKind kind, String detail, Map<String, String> params) {

    public CaseHistoryEntry {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** An entry without codes. */
    public CaseHistoryEntry(Instant at, String actor, CaseHistoryKind kind, String detail) {
        this(at, actor, kind, detail, Map.of());
    }
}
