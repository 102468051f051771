package org.safenest.api.intake;

import java.time.Instant;

/**
 * A disposition as recorded on a case.
 *
 * @param disposition   the option chosen
 * @param note          free text, or null
 * @param unit          the unit notified or referred to, or null
 * @param unitConfirmed whether that unit confirmed
 * @param at            when it was recorded
 * @param by            the user who recorded it
 */
public record DispositionRecord(Disposition disposition, String note, String unit, boolean unitConfirmed,
        Instant at, String by) {
}
