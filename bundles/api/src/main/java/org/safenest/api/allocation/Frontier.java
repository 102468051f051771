package org.safenest.api.allocation;

import java.time.Instant;
import java.util.List;

/**
 * How the answer moves with the weights: the optimiser run over a grid of balance weights (continuity weight 1), each
 * point optimal for its weights, with the other strategies' plans as points beside them. Nothing is stored.
 *
 * @param region     the region code
 * @param points     the optimiser's points by balance weight, then the other strategies'
 * @param synthetic  true when the input holds synthetic data
 * @param notes      how it was computed
 * @param computedAt when
 */
public record Frontier(String region, List<FrontierPoint> points, boolean synthetic, List<String> notes, Instant computedAt) {
    public Frontier {
        points = List.copyOf(points);
        notes = List.copyOf(notes);
    }
}
