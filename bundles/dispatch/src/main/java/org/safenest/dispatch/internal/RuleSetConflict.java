package org.safenest.dispatch.internal;

import java.util.List;

import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.error.ConflictException;

/** A source that would change published versions (answered as 409), with each conflict at its file and line. */
public class RuleSetConflict extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleFileError> conflicts;

    public RuleSetConflict(String message, List<RuleFileError> conflicts) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
    }

    public List<RuleFileError> conflicts() {
        return conflicts;
    }
}
