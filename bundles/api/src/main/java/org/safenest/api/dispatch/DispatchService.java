package org.safenest.api.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.safenest.api.security.Caller;

/**
 * Dispatch rules and decisions. Methods taking a region code throw
 * {@link org.safenest.api.error.NotFoundException} for an unknown region. Dates are in the region's time zone.
 */
@ProviderType
public interface DispatchService {

    /**
     * Decides where a report goes by the rule set in force on the date of {@code receivedAt}. Never returns null:
     * when no rule matches, or no version is in force, the decision sends the case to the manual queue.
     * Writes nothing. {@link org.safenest.api.error.InvalidInputException} for an unknown case type, district
     * or part.
     *
     * @param part the district part code, or null
     */
    DispatchDecision dispatch(String region, String caseType, String district, String part, Instant receivedAt);

    /** The region's versions, oldest first. */
    List<RuleSetVersion> versions(String region);

    /** One version with its rules. */
    Optional<DispatchRuleSet> ruleSet(String region, int version);

    /** The version in force on the date: the latest effective date on or before it, then the highest number. */
    Optional<DispatchRuleSet> inForce(String region, LocalDate date);

    /**
     * Checks a rule file in the documented format (its header names the version, adoption and effective
     * dates and note) against the region's case types, districts and offices. Writes nothing.
     *
     * @param source  the file's name, used in the errors
     * @param content the file's text
     * @return every error with its line; empty when the file is valid
     */
    List<RuleFileError> validate(String region, String source, String content);

    /**
     * Validates and publishes a rule file as a new version, effective at once for reports received from its
     * effective date; past decisions do not change. Audited.
     * {@link org.safenest.api.error.InvalidInputException} with one field error per {@link RuleFileError}
     * (field {@code line 12}) when invalid; {@link org.safenest.api.error.ConflictException} when the version
     * number exists with different content (publishing the same content again is a no-op).
     */
    RuleSetVersion publish(Caller caller, String region, String source, String content);
}
