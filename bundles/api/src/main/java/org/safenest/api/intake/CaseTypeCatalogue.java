package org.safenest.api.intake;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The case types of each region: {@link CaseType#DEFAULTS} plus those the region adds by configuration.
 * A service of its own so that dispatch can validate rule files without depending on the intake service.
 * Methods that take a region code throw {@link org.safenest.api.error.NotFoundException} for an unknown region.
 */
@ProviderType
public interface CaseTypeCatalogue {

    /** The region's case types, defaults first, then the region's own in configuration order. */
    List<CaseType> caseTypes(String region);

    /** The case type by code; empty when the region has no such type. */
    Optional<CaseType> caseType(String region, String code);
}
