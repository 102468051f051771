package org.safenest.api.intake;

/**
 * The body of {@code POST .../cases/{caseNumber}/assignment}.
 *
 * @param worker the user name of a worker of the case's office
 * @param reason why; required when the case already has a worker (a reassignment), at most 2000 characters
 */
public record AssignmentRequest(String worker, String reason) {
}
