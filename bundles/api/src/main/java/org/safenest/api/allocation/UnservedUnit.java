package org.safenest.api.allocation;

/**
 * A unit a plan leaves without a team, and why.
 *
 * @param unit     the unit code
 * @param district its district code
 * @param reason   why it is left
 * @param detail   the reason in a sentence a reader understands ({@code "district kwai-tsing: its 9 half teams take 72 of
 *                 its 80 units"}); may be empty
 */
public record UnservedUnit(String unit, String district, UnservedReason reason, String detail) {
    public UnservedUnit {
        detail = detail == null ? "" : detail;
        reason = reason == null ? UnservedReason.NOT_GIVEN : reason;
    }
}
