package org.safenest.api.region;

/**
 * A figure about a district (median household income, population, a child-abuse rate, ...).
 * Indicators are data: a region adds new ones by shipping a file, without code.
 *
 * @param district  the district code
 * @param indicator the indicator's key ({@code median-monthly-household-income})
 * @param value     the figure
 * @param unit      its unit ({@code HKD}, {@code persons})
 * @param period    the period it refers to ({@code 2022})
 * @param source    where it comes from
 */
public record DistrictIndicator(String district, String indicator, double value, String unit, String period,
        String source) {
}
