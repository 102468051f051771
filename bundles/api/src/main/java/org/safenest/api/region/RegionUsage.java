package org.safenest.api.region;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a capability that keeps records of a region (intake its reports and cases, dispatch its published
 * rule-set versions, the referral board its proposals, allocation its stored plans), as a service. Before a region is removed, core asks every such service; a region of which any holds
 * records is not removed (409, with what holds it). Since 1.2.
 */
@ConsumerType
public interface RegionUsage {

    /**
     * What this capability keeps of the region, in a few words with counts ({@code "12 cases"}); empty when it keeps
     * nothing and the region may go.
     */
    Optional<String> records(String region);
}
