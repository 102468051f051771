package org.safenest.api.referral;

import java.time.LocalDate;

/**
 * Something a board member should act on.
 *
 * @param kind        what it is about
 * @param proposalId  the proposal concerned, or null
 * @param meetingDate the meeting concerned, or null
 * @param due         the day it matters (meeting day, cutoff, or decision day for follow-ups)
 * @param detail      a short English description; pages render their own text from the other fields
 */
public record Reminder(ReminderKind kind, String proposalId, LocalDate meetingDate, LocalDate due, String detail) {
}
