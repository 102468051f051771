package org.safenest.api.error;

/**
 * One wrong field of an input: the field's name (a JSON path such as {@code children[1].age}),
 * a stable machine-readable code and a message a person can act on. The message never repeats
 * personal data found in the input.
 */
public record FieldError(String field, String code, String message) {
}
