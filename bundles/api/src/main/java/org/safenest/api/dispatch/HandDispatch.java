package org.safenest.api.dispatch;

/**
 * A dispatcher's choice of office for a case, from the manual queue or after a dispute.
 *
 * @param office the office code
 * @param reason why; required, kept in the decision and the audit log
 */
public record HandDispatch(String office, String reason) {
}
