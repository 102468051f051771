package org.safenest.api.region;

/**
 * The catchment a unit (a preschool) belongs to: the area one district-based team covers (an Integrated Family Service
 * Centre's area in Hong Kong).
 *
 * @param unit      the preschool code
 * @param catchment the catchment id
 * @param synthetic true when the catchment is derived from coordinates (the region's catchment list is not among its
 *                  files), not published data
 */
public record Catchment(String unit, String catchment, boolean synthetic) {
}
