package org.safenest.dispatch.internal;

import java.util.Locale;

import org.safenest.api.region.District;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.ServedArea;

/**
 * Rules that say what agencies say: a rule's office may be {@code serving:<office type>}, "the office of this type that
 * serves the report's district (or part)", read from the region's offices when the report is dispatched, so that the
 * rules stay right when an office's districts change. Office types are written as in the generic offices format:
 * {@code welfare-service-centre}, {@code protection-station}, {@code family-service-centre}, {@code other}.
 */
public final class OfficeRoutes {

    /** How a rule's office column names a route by office type. */
    public static final String SERVING = "serving:";

    private OfficeRoutes() {
    }

    /** The type a {@code serving:} office names; null for a plain office code or an unknown type. */
    public static OfficeType servingType(String office) {
        if (office == null || !office.startsWith(SERVING)) {
            return null;
        }
        String name = office.substring(SERVING.length()).trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (OfficeType t : OfficeType.values()) {
            if (typeName(t).equals(name)) {
                return t;
            }
        }
        return null;
    }

    public static boolean isRoute(String office) {
        return office != null && office.startsWith(SERVING);
    }

    public static String typeName(OfficeType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The office a rule sends a report to: the rule's office, or for a {@code serving:} rule the office of that type
     * that serves the district part (when the report names one) or the whole district; null when no office of the type
     * serves it (the rule then does not apply).
     */
    public static String resolve(String office, RegionRefs refs, String district, String part) {
        if (!isRoute(office)) {
            return office;
        }
        OfficeType type = servingType(office);
        if (type == null || refs == null || district == null) {
            return null;
        }
        String partsServedBy = null;
        boolean oneOffice = true;
        for (Office o : refs.offices().values()) {
            if (o.type() != type) {
                continue;
            }
            for (ServedArea a : o.serves()) {
                if (!a.district().equals(district)) {
                    continue;
                }
                if (a.part() == null || a.part().equals(part)) {
                    return o.code();
                }
                if (partsServedBy == null) {
                    partsServedBy = o.code();
                } else if (!partsServedBy.equals(o.code())) {
                    oneOffice = false;
                }
            }
        }
        // A report that names no part of a split district: the office when one office of the type serves every part.
        if (part == null && partsServedBy != null && oneOffice) {
            District d = refs.districts().get(district);
            String only = partsServedBy;
            if (d != null && d.parts().stream().allMatch(p -> refs.offices().get(only).serves().stream()
                    .anyMatch(a -> a.district().equals(district) && p.code().equals(a.part())))) {
                return only;
            }
        }
        return null;
    }
}
