package org.safenest.api.dispatch;

/**
 * A dispatcher's choice of office for a case, from the manual queue or after a dispute.
 *
 * @param office                     the office code
 * @param reason                     why; required, kept in the decision and the audit log
 * @param serviceLineChangeConfirmed true when the dispatcher confirms that the case goes to an office of another service
 *                                   line (a child-protection case to a welfare service centre, which serves fragile
 *                                   families, or a fragile-family case to a protection station); a dispute that
 *                                   changes the service line is refused without it. Null or false otherwise.
 */
public record HandDispatch(String office, String reason, Boolean serviceLineChangeConfirmed) {

    /** A choice of office that confirms no change of service line. */
    public HandDispatch(String office, String reason) {
        this(office, reason, null);
    }

    /** True when the dispatcher confirmed a change of service line. */
    public boolean confirmsServiceLineChange() {
        return Boolean.TRUE.equals(serviceLineChangeConfirmed);
    }
}
