package org.safenest.allocation.optimal.internal;

import java.util.Arrays;

/**
 * An exact minimum-cost assignment of items (units) to bins (teams) with capacities and convex place costs: the
 * k-th item a bin takes costs {@code place[bin][k]}, non-decreasing in k. It is a minimum-cost flow (source, items,
 * bins, sink), solved by successive shortest paths with node potentials (Edmonds and Karp 1972; Tomizawa 1971), each
 * path found with Dijkstra's algorithm on reduced costs.
 *
 * <p><b>Compressed network.</b> The residual network is kept compressed to the bins: a path enters a bin from the item
 * being placed, moves from bin a to bin b through the member of a that is cheapest to move (cost[v][b] - cost[v][a]),
 * and leaves a bin to the sink through its next place. Item potentials cancel along such paths, so the shortest paths,
 * and the flow, are those of the full network. Items are placed one at a time (as the Hungarian method and Jonker and
 * Volgenant's algorithm augment row by row), each by a Dijkstra search from its own bins that stops at the sink, usually
 * after a few bins near it; only the bins it settled change potential.
 *
 * <p><b>Candidates and pricing.</b> Each item first gets only its {@code candidates} cheapest bins (and every bin
 * that can take all items, such as "unserved"), which makes the bin graph sparse: Dijkstra with a heap relaxes a
 * bin's few move arcs instead of every other bin. The flow found is optimal for that restricted network; it is then
 * <em>priced</em> against the full one: with the final potentials (item v in bin a has potential p(a) - cost[v][a]),
 * every arc left out must have a non-negative reduced cost, {@code cost[v][b] - cost[v][a] + p(a) - p(b) >= 0}. If it
 * has, no residual cycle of the full network has negative cost and the flow is a minimum-cost flow of the full network
 * (the optimality condition of Ford and Fulkerson; column generation in LP terms). Otherwise the violating arcs are
 * added and the restricted problem is solved again, until none is left: the answer is exact, not a heuristic. With
 * {@code candidates} at least the number of bins, the network is the full one from the start.
 */
final class Transport {

    private static final double EPS = 1e-9;
    /** Reduced costs of left-out arcs above -PRICE_TOLERANCE count as non-negative (floating-point noise in the potentials). */
    private static final double PRICE_TOLERANCE = 1e-7;
    /** The candidates each item starts with by default: ample on the Hong Kong instances (no pricing round adds an arc). */
    static final int DEFAULT_CANDIDATES = 24;

    private final int items;
    private final int bins;
    private final double[][] cost;
    private final int[] capacity;
    private final double[][] place;
    private final int candidates;
    private int rounds;
    private int pricedIn;

    /** With {@link #DEFAULT_CANDIDATES} candidates per item. */
    Transport(double[][] cost, int[] capacity, double[][] place) {
        this(cost, capacity, place, DEFAULT_CANDIDATES);
    }

    /**
     * @param cost       cost[item][bin] of placing the item in the bin, non-negative
     * @param capacity   capacity[bin], the items it may take
     * @param place      place[bin][k], the cost of the bin's (k+1)-th item, non-negative and non-decreasing in k, at
     *                   least capacity[bin] long
     * @param candidates the cheapest bins each item starts with (at least 1); more are added by pricing when needed
     */
    Transport(double[][] cost, int[] capacity, double[][] place, int candidates) {
        this.items = cost.length;
        this.bins = capacity.length;
        this.cost = cost;
        this.capacity = capacity;
        this.place = place;
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1");
        }
        this.candidates = candidates;
        for (int b = 0; b < bins; b++) {
            for (int k = 1; k < capacity[b]; k++) {
                if (place[b][k] < place[b][k - 1] - EPS) {
                    throw new IllegalArgumentException("place costs of bin " + b + " must not decrease");
                }
            }
        }
    }

    /** The restricted problems solved by the last {@link #solve()} (1 when pricing added no arc). */
    int rounds() {
        return rounds;
    }

    /** The arcs pricing added in the last {@link #solve()}. */
    int pricedIn() {
        return pricedIn;
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
        int[][] cand = initialCandidates();
        rounds = 0;
        pricedIn = 0;
        while (true) {
            rounds++;
            Restricted r = new Restricted(cand);
            if (!r.run()) {
                // the restricted network cannot place every item: widen every item's candidates and start again
                cand = widen(cand);
                continue;
            }
            int added = price(r.binOf, r.potential, cand);
            if (added == 0) {
                return r.binOf;
            }
            pricedIn += added;
        }
    }

    /** Each item's cheapest bins (ties: the lower bin), and every bin that can take all the items. */
    private int[][] initialCandidates() {
        int k = Math.min(candidates, bins);
        boolean[] overflow = new boolean[bins];
        int overflows = 0;
        for (int b = 0; b < bins; b++) {
            if (capacity[b] >= items && k < bins) {
                overflow[b] = true;
                overflows++;
            }
        }
        int[][] result = new int[items][];
        int[] best = new int[k];
        for (int i = 0; i < items; i++) {
            double[] c = cost[i];
            int size = 0;
            for (int b = 0; b < bins; b++) {
                if (overflow[b]) {
                    continue;
                }
                if (size == k && !(c[b] < c[best[k - 1]])) {
                    continue;
                }
                // insertion into the k best so far, kept sorted by cost (then bin)
                int at = size < k ? size++ : k - 1;
                while (at > 0 && c[b] < c[best[at - 1]]) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = b;
            }
            int[] list = Arrays.copyOf(best, size + overflows);
            int n = size;
            for (int b = 0; b < bins; b++) {
                if (overflow[b]) {
                    list[n++] = b;
                }
            }
            result[i] = list;
        }
        return result;
    }

    /** Twice the candidates per item (all bins at most). */
    private int[][] widen(int[][] cand) {
        if (cand[0].length >= bins && Arrays.stream(cand).allMatch(c -> c.length >= bins)) {
            throw new IllegalStateException("no augmenting path although the items fit");
        }
        int[][] result = new int[items][];
        for (int i = 0; i < items; i++) {
            int want = Math.min(bins, Math.max(2 * cand[i].length, 2));
            boolean[] in = new boolean[bins];
            for (int b : cand[i]) {
                in[b] = true;
            }
            Integer[] others = new Integer[bins];
            int n = 0;
            for (int b = 0; b < bins; b++) {
                if (!in[b]) {
                    others[n++] = b;
                }
            }
            double[] c = cost[i];
            Integer[] sorted = Arrays.copyOf(others, n);
            Arrays.sort(sorted, (x, y) -> c[x] != c[y] ? Double.compare(c[x], c[y]) : Integer.compare(x, y));
            int[] list = Arrays.copyOf(cand[i], Math.min(bins, cand[i].length + Math.max(0, want - cand[i].length)));
            for (int j = cand[i].length; j < list.length; j++) {
                list[j] = sorted[j - cand[i].length];
            }
            result[i] = list;
        }
        return result;
    }

    /**
     * Adds to the candidates every left-out arc whose reduced cost under the potentials is negative; returns how many.
     * None means the placement is optimal for the full network.
     */
    private int price(int[] binOf, double[] potential, int[][] cand) {
        int added = 0;
        boolean[] in = new boolean[bins];
        for (int i = 0; i < items; i++) {
            int a = binOf[i];
            double[] c = cost[i];
            double base = potential[a] - c[a];
            for (int b : cand[i]) {
                in[b] = true;
            }
            int[] extra = null;
            int n = 0;
            for (int b = 0; b < bins; b++) {
                if (!in[b] && c[b] + base - potential[b] < -PRICE_TOLERANCE) {
                    if (extra == null) {
                        extra = new int[bins];
                    }
                    extra[n++] = b;
                }
            }
            for (int b : cand[i]) {
                in[b] = false;
            }
            if (n > 0) {
                int[] list = Arrays.copyOf(cand[i], cand[i].length + n);
                System.arraycopy(extra, 0, list, cand[i].length, n);
                cand[i] = list;
                added += n;
            }
        }
        return added;
    }

    /**
     * Successive shortest paths on the network restricted to the candidates, one item at a time (as the Hungarian method
     * and Jonker and Volgenant's algorithm augment row by row): Dijkstra from the item's candidate bins to the sink on
     * reduced costs, then the potentials of the bins it settled are updated. A flow of the items placed so far stays a
     * minimum-cost flow of its value at every step, so the last one is optimal for the restricted network; each search
     * stops at the sink, usually after a few bins near the item, where a search from every unplaced item at once settles
     * most of the bins each time.
     */
    private final class Restricted {
        final int[][] cand;
        final int sink = bins;
        final int nodes = bins + 1;
        final int[] binOf = new int[items];
        final double[] potential = new double[nodes];
        final int[][] members = new int[bins][];
        final int[] size = new int[bins];
        /** The move arcs out of each bin: to adjTo[a][j], through item adjItem[a][j], at adjCost[a][j]; adjLength[a] of them. */
        final int[][] adjTo = new int[bins][];
        final int[][] adjItem = new int[bins][];
        final double[][] adjCost = new double[bins][];
        final int[] adjLength = new int[bins];
        // scratch for refresh
        final double[] scratchCost = new double[bins];
        final int[] scratchItem = new int[bins];
        final int[] touched = new int[bins];

        Restricted(int[][] cand) {
            this.cand = cand;
            Arrays.fill(binOf, -1);
            for (int b = 0; b < bins; b++) {
                members[b] = new int[Math.min(capacity[b], items)];
                adjTo[b] = new int[4];
                adjItem[b] = new int[4];
                adjCost[b] = new double[4];
            }
        }

        /** Places every item; false when the restricted network has no room for them. */
        boolean run() {
            double[] dist = new double[nodes];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            int[] prev = new int[nodes];
            boolean[] done = new boolean[nodes];
            int[] reached = new int[nodes];
            int[] settled = new int[nodes];
            Heap heap = new Heap(nodes);
            int[] path = new int[nodes];
            int[] movers = new int[nodes];
            for (int item = 0; item < items; item++) {
                int reachedCount = 0;
                int settledCount = 0;
                heap.clear();
                // the item's arcs, on reduced costs shifted so that the cheapest is 0 (the item's own potential)
                double[] ci = cost[item];
                double least = Double.POSITIVE_INFINITY;
                for (int b : cand[item]) {
                    least = Math.min(least, ci[b] - potential[b]);
                }
                for (int b : cand[item]) {
                    double d = ci[b] - potential[b] - least;
                    if (d < dist[b]) {
                        if (dist[b] == Double.POSITIVE_INFINITY) {
                            reached[reachedCount++] = b;
                        }
                        dist[b] = d;
                        prev[b] = -1;
                        heap.pushOrDecrease(b, d);
                    }
                }
                while (!heap.isEmpty()) {
                    int u = heap.pop();
                    done[u] = true;
                    settled[settledCount++] = u;
                    if (u == sink) {
                        break;
                    }
                    double du = dist[u];
                    double pu = potential[u];
                    int[] to = adjTo[u];
                    double[] ac = adjCost[u];
                    for (int j = 0, n = adjLength[u]; j < n; j++) {
                        int b = to[j];
                        if (done[b]) {
                            continue;
                        }
                        double d = du + Math.max(0, ac[j] + pu - potential[b]);
                        if (d < dist[b] - EPS) {
                            if (dist[b] == Double.POSITIVE_INFINITY) {
                                reached[reachedCount++] = b;
                            }
                            dist[b] = d;
                            prev[b] = u;
                            heap.pushOrDecrease(b, d);
                        }
                    }
                    if (size[u] < capacity[u] && !done[sink]) {
                        double d = du + Math.max(0, place[u][size[u]] + pu - potential[sink]);
                        if (d < dist[sink] - EPS) {
                            if (dist[sink] == Double.POSITIVE_INFINITY) {
                                reached[reachedCount++] = sink;
                            }
                            dist[sink] = d;
                            prev[sink] = u;
                            heap.pushOrDecrease(sink, d);
                        }
                    }
                }
                boolean found = done[sink];
                if (found) {
                    // potentials: + min(dist, dist[sink]) for every node, less dist[sink] for all (a shift changes no reduced
                    // cost): only the settled nodes move
                    double ds = dist[sink];
                    for (int k = 0; k < settledCount; k++) {
                        int v = settled[k];
                        potential[v] += dist[v] - ds;
                    }
                    augment(item, prev, path, movers);
                }
                for (int k = 0; k < reachedCount; k++) {
                    int v = reached[k];
                    dist[v] = Double.POSITIVE_INFINITY;
                    done[v] = false;
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        /** Applies the path item -> a -> b -> ... -> sink in prev, with the moves chosen before any change. */
        private void augment(int item, int[] prev, int[] path, int[] movers) {
            int length = 0;
            for (int v = sink; v != -1; v = prev[v]) {
                path[length++] = v;
            }
            int first = path[length - 1];
            for (int i = length - 1; i >= 2; i--) {
                movers[i] = moveItem(path[i], path[i - 1]);
            }
            for (int i = length - 1; i >= 2; i--) {
                remove(path[i], movers[i]);
            }
            add(first, item);
            for (int i = length - 1; i >= 2; i--) {
                add(path[i - 1], movers[i]);
            }
            for (int i = 1; i < length; i++) {
                refresh(path[i]);
            }
        }

        private int moveItem(int a, int b) {
            for (int j = 0; j < adjLength[a]; j++) {
                if (adjTo[a][j] == b) {
                    return adjItem[a][j];
                }
            }
            throw new IllegalStateException("no move arc from bin " + a + " to " + b);
        }

        private void add(int bin, int item) {
            members[bin][size[bin]++] = item;
            binOf[item] = bin;
        }

        private void remove(int bin, int item) {
            for (int i = 0; i < size[bin]; i++) {
                if (members[bin][i] == item) {
                    members[bin][i] = members[bin][--size[bin]];
                    return;
                }
            }
            throw new IllegalStateException("item " + item + " is not in bin " + bin);
        }

        /** Recomputes the cheapest member of bin a to move to each of its members' candidate bins (ties: the lower item). */
        private void refresh(int a) {
            int touchedCount = 0;
            int[] ma = members[a];
            for (int m = 0; m < size[a]; m++) {
                int v = ma[m];
                double[] cv = cost[v];
                double here = cv[a];
                for (int b : cand[v]) {
                    if (b == a) {
                        continue;
                    }
                    double c = cv[b] - here;
                    if (scratchItem[b] == 0) {
                        touched[touchedCount++] = b;
                        scratchCost[b] = c;
                        scratchItem[b] = v + 1;
                    } else {
                        double best = scratchCost[b];
                        if (c < best - EPS || (Math.abs(c - best) <= EPS && v + 1 < scratchItem[b])) {
                            scratchCost[b] = c;
                            scratchItem[b] = v + 1;
                        }
                    }
                }
            }
            if (adjTo[a].length < touchedCount) {
                int length = Math.max(touchedCount, 2 * adjTo[a].length);
                adjTo[a] = new int[length];
                adjItem[a] = new int[length];
                adjCost[a] = new double[length];
            }
            for (int j = 0; j < touchedCount; j++) {
                int b = touched[j];
                adjTo[a][j] = b;
                adjItem[a][j] = scratchItem[b] - 1;
                adjCost[a][j] = scratchCost[b];
                scratchItem[b] = 0;
            }
            adjLength[a] = touchedCount;
        }
    }

    /** An indexed binary min-heap of nodes by key (ties: the lower node), with decrease-key. */
    private static final class Heap {
        private final int[] heap;
        private final int[] at;
        private final double[] key;
        private int size;

        Heap(int nodes) {
            heap = new int[nodes];
            at = new int[nodes];
            key = new double[nodes];
            Arrays.fill(at, -1);
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                at[heap[i]] = -1;
            }
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int node, double k) {
            pushOrDecrease(node, k);
        }

        void pushOrDecrease(int node, double k) {
            int i = at[node];
            if (i < 0) {
                i = size++;
                heap[i] = node;
                at[node] = i;
            }
            key[node] = k;
            up(i);
        }

        int pop() {
            int top = heap[0];
            at[top] = -1;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                at[heap[0]] = 0;
                down(0);
            }
            return top;
        }

        private boolean less(int x, int y) {
            return key[x] < key[y] || (key[x] == key[y] && x < y);
        }

        private void up(int i) {
            int node = heap[i];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(node, heap[parent])) {
                    break;
                }
                heap[i] = heap[parent];
                at[heap[i]] = i;
                i = parent;
            }
            heap[i] = node;
            at[node] = i;
        }

        private void down(int i) {
            int node = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(heap[child + 1], heap[child])) {
                    child++;
                }
                if (!less(heap[child], node)) {
                    break;
                }
                heap[i] = heap[child];
                at[heap[i]] = i;
                i = child;
            }
            heap[i] = node;
            at[node] = i;
        }
    }
}
