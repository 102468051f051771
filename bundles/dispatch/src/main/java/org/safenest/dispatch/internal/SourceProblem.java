package org.safenest.dispatch.internal;

import java.time.Instant;
import java.util.List;

/**
 * A rule-set source (a region bundle's files or a dropped-in folder) that could not be published.
 *
 * @param region   the region code
 * @param source   where the files are
 * @param since    when the problem was found
 * @param messages what is wrong, each naming the file and line
 */
public record SourceProblem(String region, String source, Instant since, List<String> messages) {
    public SourceProblem {
        messages = List.copyOf(messages);
    }
}
