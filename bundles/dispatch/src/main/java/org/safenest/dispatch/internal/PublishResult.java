package org.safenest.dispatch.internal;

import java.util.List;

import org.safenest.api.dispatch.RuleSetVersion;

/**
 * What publishing a source did.
 *
 * @param region    the region code
 * @param published the versions stored now
 * @param unchanged the versions the source defines that were already published with the same content
 */
public record PublishResult(String region, List<RuleSetVersion> published, List<Integer> unchanged) {
    public PublishResult {
        published = List.copyOf(published);
        unchanged = List.copyOf(unchanged);
    }
}
