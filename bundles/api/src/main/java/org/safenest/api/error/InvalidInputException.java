package org.safenest.api.error;

import java.util.List;

/** Input that cannot be accepted; nothing was written. Answered as 400 with every wrong field. */
public class InvalidInputException extends SafenestException {
    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        return errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid";
    }
}
