package org.safenest.core.internal.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safenest.api.region.Catchment;
import org.safenest.api.region.District;
import org.safenest.api.region.Preschool;

/**
 * SYNTHETIC catchments for a region that knows how many catchments it has but not which preschools each covers (Hong
 * Kong: 65 Integrated Family Service Centres, whose catchment list is public but not among the region's files). The
 * derivation is deterministic: the same preschools, districts and weights always give the same catchments.
 *
 * <ol>
 * <li><b>Catchments per district.</b> The {@code count} catchments are shared among the districts that have preschools
 * in proportion to a weight per district (an indicator such as the population, which is how IFSCs are planned; without
 * one, the number of preschools), by largest remainder (ties: the districts' order in the districts file); every such
 * district gets at least one and at most one per preschool.
 * <li><b>Preschools per catchment.</b> Within a district of k catchments, the preschools are split by recursive
 * coordinate bisection into k compact groups whose sizes differ by at most one: the group count is halved (the larger
 * half first), the preschools sorted along the wider axis of their bounding box (longitude scaled by the cosine of the
 * latitude; ties by code) and cut where the first half's preschools end, then each side again.
 * <li><b>Ids.</b> {@code <district>-<n>}, n from 1 in the order the bisection yields the groups.
 * </ol>
 */
final class CatchmentDerivation {

    private CatchmentDerivation() {
    }

    /** The catchment of every preschool, in preschool code order, each marked synthetic. */
    static List<Catchment> derive(int count, List<District> districts, List<Preschool> preschools, Map<String, Double> weights) {
        Map<String, List<Preschool>> byDistrict = new LinkedHashMap<>();
        for (District d : districts) {
            byDistrict.put(d.code(), new ArrayList<>());
        }
        for (Preschool p : preschools) {
            byDistrict.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p);
        }
        byDistrict.values().removeIf(List::isEmpty);
        Map<String, Integer> perDistrict = share(count, byDistrict, weights);
        List<Catchment> result = new ArrayList<>();
        for (Map.Entry<String, List<Preschool>> e : byDistrict.entrySet()) {
            List<Preschool> units = new ArrayList<>(e.getValue());
            units.sort(Comparator.comparing(Preschool::code));
            List<List<Preschool>> groups = new ArrayList<>();
            bisect(units, perDistrict.get(e.getKey()), groups);
            for (int g = 0; g < groups.size(); g++) {
                for (Preschool p : groups.get(g)) {
                    result.add(new Catchment(p.code(), e.getKey() + "-" + (g + 1), true));
                }
            }
        }
        result.sort(Comparator.comparing(Catchment::unit));
        return result;
    }

    /** Catchments per district: largest remainder of count x weight / total, at least 1, at most the district's preschools. */
    static Map<String, Integer> share(int count, Map<String, List<Preschool>> byDistrict, Map<String, Double> weights) {
        Map<String, Integer> result = new LinkedHashMap<>();
        Map<String, Double> weight = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, List<Preschool>> e : byDistrict.entrySet()) {
            double w = weights == null || weights.isEmpty() ? e.getValue().size() : Math.max(0, weights.getOrDefault(e.getKey(), 0.0));
            weight.put(e.getKey(), w);
            total += w;
            result.put(e.getKey(), 1);
        }
        int given = result.size();
        while (given < count) {
            String best = null;
            double bestGap = -Double.MAX_VALUE;
            for (Map.Entry<String, Double> e : weight.entrySet()) {
                int has = result.get(e.getKey());
                if (has >= byDistrict.get(e.getKey()).size()) {
                    continue;
                }
                double due = total == 0 ? 0 : count * e.getValue() / total;
                double gap = due - has;
                if (gap > bestGap + 1e-12) {
                    bestGap = gap;
                    best = e.getKey();
                }
            }
            if (best == null) {
                break; // one catchment per preschool everywhere
            }
            result.merge(best, 1, Integer::sum);
            given++;
        }
        return result;
    }

    private static void bisect(List<Preschool> units, int groups, List<List<Preschool>> out) {
        if (groups <= 1) {
            out.add(units);
            return;
        }
        int left = (groups + 1) / 2;
        // sizes as equal as possible, the larger first: the left half takes the first 'left' of them
        int base = units.size() / groups;
        int larger = units.size() % groups;
        int leftCount = left * base + Math.min(left, larger);
        double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
        for (Preschool p : units) {
            minLat = Math.min(minLat, p.location().latitude());
            maxLat = Math.max(maxLat, p.location().latitude());
            minLon = Math.min(minLon, p.location().longitude());
            maxLon = Math.max(maxLon, p.location().longitude());
        }
        double latSpan = maxLat - minLat;
        double lonSpan = (maxLon - minLon) * Math.cos(Math.toRadians((minLat + maxLat) / 2));
        Comparator<Preschool> axis = lonSpan >= latSpan
                ? Comparator.comparingDouble((Preschool p) -> p.location().longitude())
                : Comparator.comparingDouble((Preschool p) -> p.location().latitude());
        List<Preschool> sorted = new ArrayList<>(units);
        sorted.sort(axis.thenComparing(Preschool::code));
        List<Preschool> first = new ArrayList<>(sorted.subList(0, leftCount));
        List<Preschool> second = new ArrayList<>(sorted.subList(leftCount, sorted.size()));
        first.sort(Comparator.comparing(Preschool::code));
        second.sort(Comparator.comparing(Preschool::code));
        bisect(first, left, out);
        bisect(second, groups - left, out);
    }
}
