package org.safenest.api.privacy;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds personal data in free text: names (labelled, after a kinship or role term, before a title), Taiwan and Hong
 * Kong identity numbers, phone numbers, e-mail addresses, Taiwan and Hong Kong street addresses, dates of birth.
 * One implementation is registered as an OSGi service ({@code safenest-privacy}); intake, the referral board and
 * plugins use it so that every capability refuses the same things.
 *
 * <p>Implementations never log, keep or return the text checked or the parts that matched.
 */
@ProviderType
public interface PersonalDataGuard {

    /** The kinds of personal data in {@code text}, in the order of {@link PersonalDataKind}; empty when none or blank. */
    Set<PersonalDataKind> find(String text);

    /**
     * The finding for one field: empty when {@code text} carries no personal data. The message names the field and
     * the kinds found ("Field 'summary' contains personal data (a phone number); ..."), never the data.
     */
    default Optional<PersonalDataFinding> check(String field, String text) {
        Set<PersonalDataKind> kinds = find(text);
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PersonalDataFinding(field, kinds, "Field '" + field + "' contains personal data ("
                + PersonalDataKind.describe(kinds) + "); remove it and submit again."));
    }
}
