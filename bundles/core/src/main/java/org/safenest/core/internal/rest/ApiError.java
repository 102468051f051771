package org.safenest.core.internal.rest;

import java.util.List;

import org.safenest.api.error.FieldError;

/**
 * The JSON body of every error answer.
 *
 * @param status  the HTTP status
 * @param error   a stable machine-readable code ({@code invalid-input}, {@code not-found}, ...)
 * @param message what went wrong, for a person
 * @param fields  the offending fields, for invalid input
 */
public record ApiError(int status, String error, String message, List<FieldError> fields) {
}
