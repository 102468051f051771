package org.safenest.api.intake;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A further investigation record due after {@link Disposition#INVESTIGATION_CONTINUING}.
 *
 * @param due         the last day to file it: the disposition's date (region time zone) plus
 *                    {@link #DAYS_ALLOWED} days
 * @param completedAt when it was filed, or null while open
 * @param completedBy who filed it, or null
 * @param note        the note filed with it, or null
 */
public record FollowUp(LocalDate due, Instant completedAt, String completedBy, String note) {

    /** Days allowed for the further investigation record (於10日內續填調查紀錄). */
    public static final int DAYS_ALLOWED = 10;

    /** Open and past its due date on {@code today}. */
    public boolean overdue(LocalDate today) {
        return completedAt == null && today.isAfter(due);
    }
}
