package org.safenest.allocation.optimal.internal;

import org.safenest.api.region.GeoPoint;

/**
 * Great-circle distances by the haversine formula of {@link GeoPoint#distanceKm}, for many pairs: each point's half-angle
 * sines and cosines are computed once, and sin((b - a) / 2) = sin(b/2)cos(a/2) - cos(b/2)sin(a/2) then needs no
 * trigonometric call per pair (only the square root and arcsine). Agrees with {@code distanceKm} to rounding (tested).
 * A point that is null is at distance 0 from everything (a team without a base).
 */
final class Distances {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final double[] sinLat;
    private final double[] cosLat;
    private final double[] cosFullLat;
    private final double[] sinLon;
    private final double[] cosLon;
    private final boolean[] absent;

    Distances(int size) {
        sinLat = new double[size];
        cosLat = new double[size];
        cosFullLat = new double[size];
        sinLon = new double[size];
        cosLon = new double[size];
        absent = new boolean[size];
    }

    void set(int i, GeoPoint p) {
        absent[i] = p == null;
        if (p != null) {
            double lat = Math.toRadians(p.latitude());
            double lon = Math.toRadians(p.longitude());
            sinLat[i] = Math.sin(lat / 2);
            cosLat[i] = Math.cos(lat / 2);
            cosFullLat[i] = Math.cos(lat);
            sinLon[i] = Math.sin(lon / 2);
            cosLon[i] = Math.cos(lon / 2);
        }
    }

    /** The km from point i here to point j of {@code other}. */
    double km(int i, Distances other, int j) {
        if (absent[i] || other.absent[j]) {
            return 0;
        }
        double sLat = other.sinLat[j] * cosLat[i] - other.cosLat[j] * sinLat[i];
        double sLon = other.sinLon[j] * cosLon[i] - other.cosLon[j] * sinLon[i];
        double a = sLat * sLat + cosFullLat[i] * other.cosFullLat[j] * sLon * sLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
