package org.safenest.allocation.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.safenest.allocation.internal.AllocationSettings;
import org.safenest.allocation.internal.SyntheticPilot;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.region.GeoPoint;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.RegionData;
import org.safenest.core.internal.region.RegionDataReader;
import org.safenest.core.internal.region.RegionSource;

/**
 * The Hong Kong instance as the allocation service builds it: the region bundle's real kindergartens and district
 * indicators, read with core's own region reader, and the SYNTHETIC pilot (pupils, cases, operators, current teams).
 * Tests of every strategy bundle use it (Maven runs them in {@code bundles/<module>}).
 */
public final class HongKong {

    /** The Hong Kong region bundle's data folder, from any module folder under {@code bundles/}. */
    public static final Path FOLDER = Path.of("../region-hong-kong/src/main/resources/safenest-region");

    private static RegionData data;
    private static AllocationInput input;

    private HongKong() {
    }

    /** The region's reference data as core reads it. */
    public static synchronized RegionData data() {
        if (data == null) {
            if (!Files.isDirectory(FOLDER)) {
                throw new IllegalStateException("run the tests from a module folder under bundles/: " + FOLDER.toAbsolutePath() + " is missing");
            }
            try {
                data = RegionDataReader.read(RegionSource.of(FOLDER));
            } catch (Exception e) {
                throw new IllegalStateException("the Hong Kong region data cannot be read", e);
            }
        }
        return data;
    }

    /**
     * The input the service gives strategies for Hong Kong before any plan is adopted, with the default staffing and the
     * region's 65 derived (synthetic) catchments.
     */
    public static synchronized AllocationInput input() {
        if (input == null) {
            input = input(data().preschools(), AllocationSettings.DEFAULT_STAFFING);
        }
        return input;
    }

    /** An input over these preschools with the synthetic pilot generated for them. */
    public static AllocationInput input(List<Preschool> preschools, Staffing staffing) {
        SyntheticPilot.Result pilot = SyntheticPilot.generate(preschools, staffing, SyntheticPilot.Figures.HONG_KONG_PILOT);
        // the region's catchments; a copy of a kindergarten in a scaled instance ("<code>-x<k>") lies in the original's
        java.util.Map<String, org.safenest.api.region.Catchment> byUnit = new java.util.HashMap<>();
        data().catchments().forEach(c -> byUnit.put(c.unit(), c));
        java.util.Map<String, String> catchments = new java.util.TreeMap<>();
        boolean synthetic = false;
        for (Preschool p : preschools) {
            int copy = p.code().indexOf("-x");
            org.safenest.api.region.Catchment c = byUnit.get(copy < 0 ? p.code() : p.code().substring(0, copy));
            if (c != null) {
                catchments.put(p.code(), c.catchment());
                synthetic |= c.synthetic();
            }
        }
        return new AllocationInput("hong-kong", pilot.units(), pilot.operators(), pilot.teams(), staffing, data().indicators(),
                catchments, true, synthetic);
    }

    /**
     * A SYNTHETIC instance {@code factor} times larger than Hong Kong: each kindergarten repeated {@code factor}
     * times, each copy a little away from the original (up to about 1 km, in a fixed pattern) in the same district;
     * pupils, teams and cases scale with the number of units.
     */
    public static AllocationInput scaled(int factor) {
        List<Preschool> copies = new ArrayList<>();
        for (Preschool p : data().preschools()) {
            for (int k = 0; k < factor; k++) {
                double angle = 2 * Math.PI * k / factor;
                double d = k == 0 ? 0 : 0.009 * ((k % 3) + 1) / 3.0; // degrees: up to about 1 km
                GeoPoint at = new GeoPoint(p.location().latitude() + d * Math.sin(angle), p.location().longitude() + d * Math.cos(angle));
                copies.add(new Preschool(k == 0 ? p.code() : p.code() + "-x" + k, p.nameEn(), p.nameZh(), p.district(), p.category(),
                        p.sessions(), at));
            }
        }
        return input(copies, AllocationSettings.DEFAULT_STAFFING);
    }
}
