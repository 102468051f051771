package org.safenest.api.error;

/** The caller is known but may not do this (role or region). Answered as 403. */
public class AccessDeniedException extends SafenestException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
