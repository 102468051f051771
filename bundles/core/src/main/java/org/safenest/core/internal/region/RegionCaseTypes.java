package org.safenest.core.internal.region;

import java.util.List;

import org.safenest.api.intake.CaseType;

/** The case types a region's files add to the defaults ({@code case-types} in region.properties); core-internal. */
public interface RegionCaseTypes {

    /** In file order; empty when the region adds none or is unknown. */
    List<CaseType> caseTypes(String region);
}
