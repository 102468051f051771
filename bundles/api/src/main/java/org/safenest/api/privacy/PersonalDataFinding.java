package org.safenest.api.privacy;

import java.util.List;
import java.util.Set;

import org.safenest.api.error.FieldError;

/**
 * Personal data found in one field. Carries the field's name, the kinds found and a safe message; <strong>never the
 * text that matched</strong>, so a finding may be logged, audited (by its code) and answered to the client.
 *
 * @param field   the field that was checked ({@code summary}, {@code householdRef}, {@code children[0].childRef})
 * @param kinds   the kinds found, in the order of {@link PersonalDataKind}; never empty
 * @param message a message that names the field and every kind found, in English, never the data itself
 */
public record PersonalDataFinding(String field, Set<PersonalDataKind> kinds, String message) {

    public PersonalDataFinding {
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("a finding has at least one kind");
        }
    }

    /** The first kind found (in the order of {@link PersonalDataKind}): it gives the error code. */
    public PersonalDataKind kind() {
        return kinds.iterator().next();
    }

    /** {@code personal-data.<kind>} of the first kind found. */
    public String code() {
        return kind().errorCode();
    }

    /** The codes of every kind found ({@code personal-data.phone}, ...), in order. */
    public List<String> codes() {
        return kinds.stream().map(PersonalDataKind::errorCode).toList();
    }

    /** As a field error of the JSON error format ({@code 400 invalid-input} with {@code fields}). */
    public FieldError toFieldError() {
        return new FieldError(field, code(), message);
    }
}
