package org.safenest.allocation.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.region.GeoPoint;

/** Distances, team bases and compact groups of units. Deterministic: ties are broken by unit code. */
public final class Geography {

    private Geography() {
    }

    /**
     * The medoid: the point of the list with the least total distance to the others (a real place, unlike a
     * centroid that may fall in the sea). Null for an empty list; ties go to the first.
     */
    public static GeoPoint medoid(List<GeoPoint> points) {
        GeoPoint best = null;
        double bestSum = Double.MAX_VALUE;
        for (GeoPoint p : points) {
            double sum = 0;
            for (GeoPoint q : points) {
                sum += p.distanceKm(q);
            }
            if (sum < bestSum - 1e-12) {
                bestSum = sum;
                best = p;
            }
        }
        return best;
    }

    /** The medoid of the units' locations. */
    public static GeoPoint base(List<AllocationUnit> units) {
        List<GeoPoint> points = new ArrayList<>(units.size());
        for (AllocationUnit u : units) {
            points.add(u.preschool().location());
        }
        return medoid(points);
    }

    /**
     * Splits units into compact groups of the given sizes (their sum must equal the number of units), by
     * recursive bisection along the wider axis: the first sizes take the units on one side, the others the rest.
     * Groups come back in the order of {@code sizes}.
     */
    public static List<List<AllocationUnit>> split(List<AllocationUnit> units, List<Integer> sizes) {
        int total = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("negative group size " + s);
            }
            total += s;
        }
        if (total != units.size()) {
            throw new IllegalArgumentException("group sizes add up to " + total + ", not " + units.size());
        }
        List<List<AllocationUnit>> result = new ArrayList<>();
        bisect(new ArrayList<>(units), sizes, result);
        return result;
    }

    private static void bisect(List<AllocationUnit> units, List<Integer> sizes, List<List<AllocationUnit>> out) {
        if (sizes.size() == 1) {
            List<AllocationUnit> group = new ArrayList<>(units);
            group.sort(Comparator.comparing(AllocationUnit::code));
            out.add(group);
            return;
        }
        int half = (sizes.size() + 1) / 2;
        List<Integer> left = sizes.subList(0, half);
        List<Integer> right = sizes.subList(half, sizes.size());
        int leftCount = 0;
        for (int s : left) {
            leftCount += s;
        }
        double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
        for (AllocationUnit u : units) {
            GeoPoint p = u.preschool().location();
            minLat = Math.min(minLat, p.latitude());
            maxLat = Math.max(maxLat, p.latitude());
            minLon = Math.min(minLon, p.longitude());
            maxLon = Math.max(maxLon, p.longitude());
        }
        // degrees of longitude are shorter than degrees of latitude away from the equator
        double latSpan = maxLat - minLat;
        double lonSpan = (maxLon - minLon) * Math.cos(Math.toRadians((minLat + maxLat) / 2));
        Comparator<AllocationUnit> axis = lonSpan >= latSpan
                ? Comparator.comparingDouble((AllocationUnit u) -> u.preschool().location().longitude())
                : Comparator.comparingDouble((AllocationUnit u) -> u.preschool().location().latitude());
        units.sort(axis.thenComparing(AllocationUnit::code));
        bisect(new ArrayList<>(units.subList(0, leftCount)), left, out);
        bisect(new ArrayList<>(units.subList(leftCount, units.size())), right, out);
    }

    /** Units sorted by distance from a point, nearest first (ties by code). */
    public static List<AllocationUnit> byDistance(List<AllocationUnit> units, GeoPoint from) {
        List<AllocationUnit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparingDouble((AllocationUnit u) -> from.distanceKm(u.preschool().location()))
                .thenComparing(AllocationUnit::code));
        return sorted;
    }
}
