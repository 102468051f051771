package org.safenest.api.privacy;

/**
 * Kinds of personal data that free text (a referral proposal, an intake summary, a reference) must not carry. A refused field's
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

    /** How the kind is named in English messages ("a phone number"). */
    public String description() {
        return switch (this) {
            case NAME -> "a name";
            case TAIWAN_ID -> "a Taiwan ID or resident certificate number";
            case HONG_KONG_ID -> "a Hong Kong identity card number";
            case PHONE -> "a phone number";
            case EMAIL -> "an e-mail address";
            case ADDRESS -> "a street address";
            case DATE_OF_BIRTH -> "a date of birth";
        };
    }

    /** The kinds named in an English list: "a name", "a name and a phone number", "a, b and c". */
    public static String describe(java.util.Collection<PersonalDataKind> kinds) {
        java.util.List<String> names = kinds.stream().map(PersonalDataKind::description).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The field-error code for this kind ({@code personal-data.phone}). */
    public String errorCode() {
        return ERROR_CODE_PREFIX + code;
    }
}
