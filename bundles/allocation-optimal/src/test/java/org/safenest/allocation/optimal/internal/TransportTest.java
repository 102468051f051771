package org.safenest.allocation.optimal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The sparse solver (few candidates per item, then pricing against every arc) against brute force on tiny instances and
 * against the previous dense solver ({@link DenseTransport}) on larger ones, with as few as one candidate per item so
 * that pricing and widening have work to do.
 */
class TransportTest {

    /** A random instance: items and bins on a plane (cost = distance, plus a random surcharge), convex place costs. */
    private record Instance(double[][] cost, int[] capacity, double[][] place) {
    }

    private static Instance random(long seed, int items, int bins, boolean overflowBin) {
        Random r = new Random(seed);
        double[][] xy = new double[bins][2];
        for (double[] p : xy) {
            p[0] = r.nextDouble() * 10;
            p[1] = r.nextDouble() * 10;
        }
        int[] capacity = new int[bins];
        double[][] place = new double[bins][];
        int total = 0;
        for (int b = 0; b < bins; b++) {
            capacity[b] = overflowBin && b == bins - 1 ? items : 1 + r.nextInt(4);
            total += capacity[b];
            place[b] = new double[capacity[b]];
            double step = r.nextInt(3) * 0.7;
            for (int k = 0; k < capacity[b]; k++) {
                place[b][k] = overflowBin && b == bins - 1 ? 0 : step * (2 * k + 1) / capacity[b];
            }
        }
        if (total < items) {
            capacity[0] += items - total;
            place[0] = java.util.Arrays.copyOf(place[0], capacity[0]);
            for (int k = 1; k < capacity[0]; k++) {
                place[0][k] = Math.max(place[0][k], place[0][k - 1]);
            }
        }
        double[][] cost = new double[items][bins];
        for (int i = 0; i < items; i++) {
            double x = r.nextDouble() * 10;
            double y = r.nextDouble() * 10;
            double surcharge = r.nextInt(3) == 0 ? r.nextInt(20) : 0;
            int home = r.nextInt(bins);
            for (int b = 0; b < bins; b++) {
                cost[i][b] = overflowBin && b == bins - 1 ? 30 + surcharge
                        : Math.hypot(x - xy[b][0], y - xy[b][1]) + (b == home ? 0 : surcharge);
            }
        }
        return new Instance(cost, capacity, place);
    }

    private static double score(Instance in, int[] binOf) {
        int[] load = new int[in.capacity().length];
        double total = 0;
        for (int i = 0; i < binOf.length; i++) {
            int b = binOf[i];
            assertTrue(b >= 0, "every item placed");
            total += in.cost()[i][b] + in.place()[b][load[b]];
            load[b]++;
            assertTrue(load[b] <= in.capacity()[b], "capacity of bin " + b);
        }
        return total;
    }

    /** The least cost over every placement, independently of either solver. */
    private static double bruteForce(Instance in) {
        int items = in.cost().length;
        int bins = in.capacity().length;
        double best = Double.MAX_VALUE;
        long combinations = (long) Math.pow(bins, items);
        int[] choice = new int[items];
        for (long c = 0; c < combinations; c++) {
            long x = c;
            int[] load = new int[bins];
            boolean fits = true;
            double total = 0;
            for (int i = 0; i < items; i++) {
                choice[i] = (int) (x % bins);
                x /= bins;
                if (load[choice[i]] >= in.capacity()[choice[i]]) {
                    fits = false;
                    break;
                }
                total += in.cost()[i][choice[i]] + in.place()[choice[i]][load[choice[i]]];
                load[choice[i]]++;
            }
            if (fits) {
                best = Math.min(best, total);
            }
        }
        return best;
    }

    @Test
    void fewCandidatesAndPricingAgainstBruteForce() {
        for (long seed = 1; seed <= 60; seed++) {
            Instance in = random(seed, 4 + (int) (seed % 4), 3 + (int) (seed % 2), seed % 3 == 0);
            double best = bruteForce(in);
            for (int candidates : new int[] {1, 2, 100}) {
                int[] binOf = new Transport(in.cost(), in.capacity(), in.place(), candidates).solve();
                assertEquals(best, score(in, binOf), 1e-6, "seed " + seed + ", " + candidates + " candidates");
            }
        }
    }

    @Test
    void sparseAgreesWithTheDenseSolverOnLargerInstances() {
        int priced = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Instance in = random(seed, 150 + (int) seed * 7, 25 + (int) (seed % 20), seed % 2 == 0);
            double dense = score(in, new DenseTransport(in.cost(), in.capacity(), in.place()).solve());
            for (int candidates : new int[] {1, 3, Transport.DEFAULT_CANDIDATES}) {
                Transport sparse = new Transport(in.cost(), in.capacity(), in.place(), candidates);
                double found = score(in, sparse.solve());
                assertEquals(dense, found, 1e-6, "seed " + seed + ", " + candidates + " candidates");
                priced += sparse.pricedIn();
            }
        }
        assertTrue(priced > 0, "pricing added arcs in some instances: the check is exercised");
    }

    @Test
    void itemsThatDoNotFitAreRefused() {
        assertThrows(IllegalStateException.class, () -> new Transport(new double[][] {{1}, {2}}, new int[] {1}, new double[][] {{0}}, 1).solve());
        assertThrows(IllegalArgumentException.class, () -> new Transport(new double[][] {{1}}, new int[] {2}, new double[][] {{1, 0}}, 1));
    }
}
