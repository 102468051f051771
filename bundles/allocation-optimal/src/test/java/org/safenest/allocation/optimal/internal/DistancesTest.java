package org.safenest.allocation.optimal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safenest.api.region.GeoPoint;

/** The optimiser's distances against {@link GeoPoint#distanceKm}, from metres to thousands of km. */
class DistancesTest {

    @Test
    void agreesWithTheHaversineOfGeoPoint() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            GeoPoint a = new GeoPoint(-80 + 160 * r.nextDouble(), -180 + 360 * r.nextDouble());
            double scale = Math.pow(10, -5 + 7 * r.nextDouble());
            GeoPoint b = new GeoPoint(Math.max(-89, Math.min(89, a.latitude() + scale * (r.nextDouble() - 0.5))),
                    a.longitude() + scale * (r.nextDouble() - 0.5));
            Distances x = new Distances(1);
            Distances y = new Distances(1);
            x.set(0, a);
            y.set(0, b);
            double want = a.distanceKm(b);
            assertEquals(want, x.km(0, y, 0), 1e-9 + want * 1e-12, a + " " + b);
            assertEquals(want, y.km(0, x, 0), 1e-9 + want * 1e-12, a + " " + b);
        }
        Distances none = new Distances(1);
        none.set(0, null);
        Distances some = new Distances(1);
        some.set(0, new GeoPoint(22.3, 114.2));
        assertEquals(0, none.km(0, some, 0));
    }
}
