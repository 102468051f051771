package org.safenest.api.intake;

/**
 * A worker's disposition of a case after assessment.
 *
 * @param disposition   the option chosen
 * @param note          free text; required for {@link Disposition#BRIEF_SERVICE} and
 *                      {@link Disposition#NOT_OPENED_OTHER}
 * @param unit          the unit notified or referred to; required for {@link Disposition#NOTIFY_SERVING_UNIT}
 *                      and {@link Disposition#REFER_TO_UNIT}
 * @param unitConfirmed that the unit still serves the family or accepted the referral; must be true for those two
 */
public record DispositionRequest(Disposition disposition, String note, String unit, Boolean unitConfirmed) {
}
