package org.safenest.api.error;

/** An action the current state refuses (for example a transfer of a case under treatment). Answered as 409. */
public class ConflictException extends SafenestException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
