package org.safenest.api.referral;

/**
 * Kinds of personal data a proposal must not carry. A refused proposal's
 * {@link org.safenest.api.error.FieldError#code()} is {@code personal-data.} followed by {@link #code()};
 * the data found is never echoed or logged.
 */
public enum PersonalDataKind {
    /** A person's name. */
    NAME("name"),
    /** A Taiwan national ID number: a letter and nine digits. */
    TAIWAN_ID("taiwan-id"),
    /** A Hong Kong identity card number. */
    HONG_KONG_ID("hong-kong-id"),
    /** A phone number. */
    PHONE("phone"),
    /** An e-mail address. */
    EMAIL("email"),
    /** A street address. */
    ADDRESS("address"),
    /** A date of birth. */
    DATE_OF_BIRTH("date-of-birth");

    /** Prefix of the field-error codes. */
    public static final String ERROR_CODE_PREFIX = "personal-data.";

    private final String code;

    PersonalDataKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The field-error code for this kind ({@code personal-data.phone}). */
    public String errorCode() {
        return ERROR_CODE_PREFIX + code;
    }
}
