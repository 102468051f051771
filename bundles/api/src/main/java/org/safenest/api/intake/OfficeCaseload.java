package org.safenest.api.intake;

import java.util.List;

/**
 * An office's caseload: every worker of the office (configured staff) with their open cases, and the open cases of
 * the office that no worker has yet.
 *
 * @param office     the office code
 * @param unassigned open, dispatched cases of the office without a worker
 * @param workers    the office's workers, by user name
 */
public record OfficeCaseload(String office, long unassigned, List<WorkerCaseload> workers) {
    public OfficeCaseload {
        workers = List.copyOf(workers);
    }
}
