package org.safenest.api.intake;

import java.time.Instant;

/**
 * One entry of a case's history. Holds no personal data.
 *
 * @param at     when
 * @param actor  the user, or {@code system}
 * @param kind   what happened
 * @param detail a short human-readable description ({@code dispatched to fengshan-station by rule P-07 of version 8})
 */
public record CaseHistoryEntry(Instant at, String actor, CaseHistoryKind kind, String detail) {
}
