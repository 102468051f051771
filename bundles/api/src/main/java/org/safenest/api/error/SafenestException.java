package org.safenest.api.error;

/** Base of the errors a Safenest service reports to its caller. */
public abstract class SafenestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected SafenestException(String message) {
        super(message);
    }
}
