package org.safenest.api.intake;

import java.time.LocalDate;

/**
 * One worker's open cases in one office: what a supervisor balances.
 *
 * @param worker        the worker's user name
 * @param office        the office code
 * @param openCases     open cases assigned to the worker (not closed)
 * @param followUpsDue  open further-investigation follow-ups among them
 * @param overdue       follow-ups among them past their due date (region time zone)
 * @param nextDue       the earliest due date of an open follow-up, or null
 */
public record WorkerCaseload(String worker, String office, long openCases, long followUpsDue, long overdue, LocalDate nextDue) {
}
