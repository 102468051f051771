package org.safenest.api.allocation;

import java.time.Instant;

/**
 * A plan as stored for a region.
 *
 * @param id         identifier within the region
 * @param region     the region code
 * @param plan       the plan with its metrics
 * @param status     where it stands
 * @param storedBy   who computed it
 * @param adoptedAt  when it was adopted, or null
 * @param adoptedBy  who adopted it, or null
 */
public record StoredPlan(String id, String region, AllocationPlan plan, PlanStatus status, String storedBy,
        Instant adoptedAt, String adoptedBy) {
}
