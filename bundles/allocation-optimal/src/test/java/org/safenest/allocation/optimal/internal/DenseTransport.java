package org.safenest.allocation.optimal.internal;

import java.util.Arrays;

/**
 * The solver as it was before candidates and pricing (commit 71fb1fe): dense, every bin to every bin. Kept in the tests
 * as a reference the sparse {@link Transport} must agree with.
 *
 * <p>
 * An exact minimum-cost assignment of items (units) to bins (teams) with capacities and convex place costs: the
 * k-th item a bin takes costs {@code place[bin][k]}, non-decreasing in k. It is a minimum-cost flow (source, items,
 * bins, sink), solved by successive shortest paths with node potentials (Edmonds and Karp 1972; Tomizawa 1971), each
 * path found with Dijkstra's algorithm on reduced costs. The residual network is kept compressed to the bins: a path
 * enters bin a from the source through the cheapest item not yet placed, moves from bin a to bin b through the member
 * of a that is cheapest to move (cost[v][b] - cost[v][a]), and leaves a bin to the sink through its next place. Item
 * potentials cancel along such paths, so the shortest paths, and the flow, are those of the full network: the answer is
 * optimal, not a heuristic. Each round costs O(bins^2 + bins x largest bin), so a thousand items and a hundred bins
 * take milliseconds. Each Dijkstra pop is one pass over the bins that both relaxes the popped node's arcs and picks the
 * next node (the dense graph's O(V^2) Dijkstra with its two scans per pop fused into one); on the ten-fold Hong Kong
 * instance (10,400 items, 958 bins) a round pops about 680 nodes, which is what the time grows with.
 */
final class DenseTransport {

    private static final double EPS = 1e-9;

    private final int items;
    private final int bins;
    private final double[][] cost;
    private final int[] capacity;
    private final double[][] place;

    /**
     * @param cost     cost[item][bin] of placing the item in the bin, non-negative
     * @param capacity capacity[bin], the items it may take
     * @param place    place[bin][k], the cost of the bin's (k+1)-th item, non-negative and non-decreasing in k, at
     *                 least capacity[bin] long
     */
    DenseTransport(double[][] cost, int[] capacity, double[][] place) {
        this.items = cost.length;
        this.bins = capacity.length;
        this.cost = cost;
        this.capacity = capacity;
        this.place = place;
        for (int b = 0; b < bins; b++) {
            for (int k = 1; k < capacity[b]; k++) {
                if (place[b][k] < place[b][k - 1] - EPS) {
                    throw new IllegalArgumentException("place costs of bin " + b + " must not decrease");
                }
            }
        }
    }

    /** The bin of each item in a minimum-cost placement of every item; {@link IllegalStateException} when they do not fit. */
    int[] solve() {
        int total = 0;
        for (int c : capacity) {
            total += c;
            if (total >= items) {
                break;
            }
        }
        if (total < items) {
            throw new IllegalStateException(items + " items do not fit bins of capacity " + total);
        }
        int source = bins;
        int sink = bins + 1;
        int nodes = bins + 2;
        int[] binOf = new int[items];
        Arrays.fill(binOf, -1);
        int[][] members = new int[bins][];
        int[] size = new int[bins];
        for (int b = 0; b < bins; b++) {
            members[b] = new int[Math.min(capacity[b], items)];
        }
        // the items by cost for each bin: the source's cheapest arc into a bin is the first item not yet placed
        int[][] order = new int[bins][];
        int[] next = new int[bins];
        long[] keyed = new long[items];
        for (int b = 0; b < bins; b++) {
            // costs are non-negative: their bits order as they do; ranks break ties by item
            double[] keys = new double[items];
            for (int i = 0; i < items; i++) {
                keys[i] = cost[i][b];
            }
            int[] rank = rank(keys);
            for (int i = 0; i < items; i++) {
                keyed[i] = (long) rank[i] << 32 | i;
            }
            Arrays.sort(keyed);
            order[b] = new int[items];
            for (int i = 0; i < items; i++) {
                order[b][i] = (int) keyed[i];
            }
        }
        // move[a][b]: the cheapest member of a to move to b, and its cost
        double[][] moveCost = new double[bins][bins];
        int[][] moveItem = new int[bins][bins];
        for (int a = 0; a < bins; a++) {
            Arrays.fill(moveCost[a], Double.POSITIVE_INFINITY);
            Arrays.fill(moveItem[a], -1);
        }
        double[] potential = new double[nodes];
        double[] dist = new double[nodes];
        int[] prev = new int[nodes];
        boolean[] done = new boolean[nodes];
        for (int placed = 0; placed < items; placed++) {
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(prev, -1);
            Arrays.fill(done, false);
            dist[source] = 0;
            // Dijkstra on the dense bin graph, each pop one pass over the bins that relaxes the arcs out of the popped node
            // and picks the next node at once (the first of the nearest, in node order: as a separate scan would)
            int u = source;
            while (true) {
                done[u] = true;
                int best = -1;
                double bestDist = Double.POSITIVE_INFINITY;
                double du = dist[u];
                double pu = potential[u];
                if (u == source) {
                    for (int b = 0; b < bins; b++) {
                        if (done[b]) {
                            continue;
                        }
                        int[] ob = order[b];
                        int nb = next[b];
                        while (nb < items && binOf[ob[nb]] >= 0) {
                            nb++;
                        }
                        next[b] = nb;
                        if (nb < items) {
                            double d = du + Math.max(0, cost[ob[nb]][b] + pu - potential[b]);
                            if (d < dist[b] - EPS) {
                                dist[b] = d;
                                prev[b] = u;
                            }
                        }
                        if (dist[b] < bestDist) {
                            bestDist = dist[b];
                            best = b;
                        }
                    }
                } else {
                    double[] mc = moveCost[u];
                    int[] mi = moveItem[u];
                    for (int b = 0; b < bins; b++) {
                        if (done[b]) {
                            continue;
                        }
                        if (mi[b] >= 0) {
                            double d = du + Math.max(0, mc[b] + pu - potential[b]);
                            if (d < dist[b] - EPS) {
                                dist[b] = d;
                                prev[b] = u;
                            }
                        }
                        if (dist[b] < bestDist) {
                            bestDist = dist[b];
                            best = b;
                        }
                    }
                    if (size[u] < capacity[u] && !done[sink]) {
                        double d = du + Math.max(0, place[u][size[u]] + pu - potential[sink]);
                        if (d < dist[sink] - EPS) {
                            dist[sink] = d;
                            prev[sink] = u;
                        }
                    }
                }
                if (!done[sink] && dist[sink] < bestDist) {
                    best = sink;
                }
                if (best < 0 || best == sink) {
                    break;
                }
                u = best;
            }
            if (dist[sink] == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException("no augmenting path although the items fit");
            }
            for (int v = 0; v < nodes; v++) {
                potential[v] += Math.min(dist[v], dist[sink]);
            }
            // the path source -> a -> b -> ... -> sink, applied with the moves chosen before any change
            int[] path = new int[bins + 2];
            int length = 0;
            for (int v = sink; v != -1; v = prev[v]) {
                path[length++] = v;
            }
            int first = path[length - 2];
            int item = order[first][next[first]];
            int[] movers = new int[length];
            for (int i = length - 2; i >= 2; i--) {
                movers[i] = moveItem[path[i]][path[i - 1]];
            }
            for (int i = length - 2; i >= 2; i--) {
                remove(path[i], movers[i], members, size);
            }
            add(first, item, binOf, members, size);
            for (int i = length - 2; i >= 2; i--) {
                add(path[i - 1], movers[i], binOf, members, size);
            }
            for (int i = 1; i < length - 1; i++) {
                refresh(path[i], members, size, moveCost, moveItem);
            }
        }
        return binOf;
    }

    /** The rank of each key in ascending order (equal keys share a rank). */
    private static int[] rank(double[] keys) {
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        int[] rank = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            rank[i] = Arrays.binarySearch(sorted, keys[i]);
            while (rank[i] > 0 && sorted[rank[i] - 1] == keys[i]) {
                rank[i]--;
            }
        }
        return rank;
    }

    private void add(int bin, int item, int[] binOf, int[][] members, int[] size) {
        members[bin][size[bin]++] = item;
        binOf[item] = bin;
    }

    private static void remove(int bin, int item, int[][] members, int[] size) {
        for (int i = 0; i < size[bin]; i++) {
            if (members[bin][i] == item) {
                members[bin][i] = members[bin][--size[bin]];
                return;
            }
        }
        throw new IllegalStateException("item " + item + " is not in bin " + bin);
    }

    /** Recomputes the cheapest member of bin a to move to each other bin (ties: the lower item). */
    private void refresh(int a, int[][] members, int[] size, double[][] moveCost, int[][] moveItem) {
        for (int b = 0; b < bins; b++) {
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            if (b != a) {
                for (int i = 0; i < size[a]; i++) {
                    int v = members[a][i];
                    double c = cost[v][b] - cost[v][a];
                    if (c < best - EPS || (Math.abs(c - best) <= EPS && v < arg)) {
                        best = c;
                        arg = v;
                    }
                }
            }
            moveCost[a][b] = best;
            moveItem[a][b] = arg;
        }
    }
}
