package org.safenest.intake.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.ReportedChild;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.privacy.PersonalDataFinding;
import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;

/**
 * Checks a report field by field and names every wrong field at once. Messages never repeat the values sent
 * (they may hold personal data), only codes the region knows.
 */
final class ReportValidator {

    static final int MAX_REPORT_ID = 100;
    static final int MAX_SUMMARY = 4000;
    static final int MAX_REF = 100;
    static final int MAX_SOURCE = 100;
    static final int MAX_CHILDREN = 50;
    static final int MAX_CHILD_AGE = 17;
    static final int MAX_AGE = 120;
    /** Clocks of reporting systems may run a little ahead. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int EARLIEST_YEAR = 2000;

    private ReportValidator() {
    }

    /**
     * The report with codes in place of names; InvalidInputException naming every wrong field. The summary, the household
     * reference and each child reference are checked by the personal-data guard: in mode REFUSE a finding is a field
     * error ({@code personal-data.<kind>}), in mode WARN a warning of the valid report.
     */
    static ValidReport validate(IntakeReport r, RegionRefs refs, Instant now, PersonalDataGuard guard, PersonalDataPolicy.Mode mode) {
        if (r == null) {
            throw new InvalidInputException("body", "required", "The request needs a report");
        }
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> personal = new ArrayList<>();

        String reportId = r.reportId();
        if (reportId == null || reportId.isBlank()) {
            errors.add(new FieldError("reportId", "required", "reportId is required: the client's idempotency key"));
        } else if (reportId.length() > MAX_REPORT_ID) {
            errors.add(new FieldError("reportId", "too-long", "reportId has at most " + MAX_REPORT_ID + " characters"));
        } else if (hasControl(reportId)) {
            errors.add(new FieldError("reportId", "invalid", "reportId may not hold control characters"));
        }

        Instant receivedAt = r.receivedAt();
        if (receivedAt == null) {
            errors.add(new FieldError("receivedAt", "required", "receivedAt is required (an ISO-8601 instant)"));
        } else if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("receivedAt", "in-the-future", "receivedAt is in the future"));
        } else if (receivedAt.isBefore(LocalDate.of(EARLIEST_YEAR, 1, 1).atStartOfDay(refs.zone()).toInstant())) {
            errors.add(new FieldError("receivedAt", "too-early", "receivedAt is before " + EARLIEST_YEAR));
        }

        CaseType type = null;
        if (r.caseType() == null || r.caseType().isBlank()) {
            errors.add(new FieldError("caseType", "required", "caseType is required"));
        } else if ((type = refs.caseTypes().get(r.caseType().trim())) == null) {
            errors.add(new FieldError("caseType", "unknown", "Region '" + refs.code() + "' has no such case type; known: "
                    + String.join(", ", refs.caseTypes().keySet())));
        }

        District district = null;
        if (r.district() == null || r.district().isBlank()) {
            errors.add(new FieldError("district", "required", "district is required (a code or a Chinese or English name)"));
        } else if ((district = refs.district(r.district())) == null) {
            errors.add(new FieldError("district", "unknown", "Region '" + refs.code() + "' has no such district"));
        }

        String part = null;
        if (r.districtPart() != null && !r.districtPart().isBlank()) {
            if (district != null) {
                DistrictPart p = RegionRefs.part(district, r.districtPart());
                if (district.parts().isEmpty()) {
                    errors.add(new FieldError("districtPart", "not-split", "District '" + district.code()
                            + "' is not split into parts: leave districtPart out"));
                } else if (p == null) {
                    errors.add(new FieldError("districtPart", "unknown", "District '" + district.code() + "' has the parts "
                            + String.join(", ", district.parts().stream().map(DistrictPart::code).toList())));
                } else {
                    part = p.code();
                }
            }
        }

        List<ReportedChild> children = new ArrayList<>();
        boolean childType = type != null
                && (type.serviceLine() == ServiceLine.CHILD_PROTECTION || type.serviceLine() == ServiceLine.FRAGILE_FAMILY);
        int maxAge = childType ? MAX_CHILD_AGE : MAX_AGE;
        if (r.children() == null || r.children().isEmpty()) {
            errors.add(new FieldError("children", "required", "children needs at least one child (or person) concerned"));
        } else if (r.children().size() > MAX_CHILDREN) {
            errors.add(new FieldError("children", "too-many", "A report concerns at most " + MAX_CHILDREN + " persons"));
        } else {
            for (int i = 0; i < r.children().size(); i++) {
                ReportedChild c = r.children().get(i);
                String at = "children[" + i + "]";
                if (c == null) {
                    errors.add(new FieldError(at, "required", at + " is empty"));
                    continue;
                }
                if (c.age() == null) {
                    errors.add(new FieldError(at + ".age", "required", "The age is required"));
                } else if (c.age() < 0) {
                    errors.add(new FieldError(at + ".age", "negative", "An age is 0 or more"));
                } else if (c.age() > maxAge) {
                    errors.add(new FieldError(at + ".age", "out-of-range", childType
                            ? "A " + type.code() + " report concerns children aged 0 to " + MAX_CHILD_AGE
                            : "An age is at most " + MAX_AGE));
                }
                String ref = blankToNull(c.childRef());
                if (ref != null && ref.length() > MAX_REF) {
                    errors.add(new FieldError(at + ".childRef", "too-long", "childRef has at most " + MAX_REF + " characters"));
                } else if (ref != null && hasControl(ref)) {
                    errors.add(new FieldError(at + ".childRef", "invalid", "childRef may not hold control characters"));
                } else {
                    personal(guard, at + ".childRef", ref, personal);
                }
                children.add(new ReportedChild(c.age(), ref));
            }
        }

        String household = blankToNull(r.householdRef());
        if (household != null && household.length() > MAX_REF) {
            errors.add(new FieldError("householdRef", "too-long", "householdRef has at most " + MAX_REF + " characters"));
        } else {
            personal(guard, "householdRef", household, personal);
        }

        String summary = r.summary() == null ? null : r.summary().strip();
        if (summary == null || summary.isEmpty()) {
            errors.add(new FieldError("summary", "required", "summary is required"));
        } else if (summary.length() > MAX_SUMMARY) {
            errors.add(new FieldError("summary", "too-long", "summary has at most " + MAX_SUMMARY + " characters"));
        } else {
            personal(guard, "summary", summary, personal);
        }

        String source = blankToNull(r.source());
        if (source == null) {
            errors.add(new FieldError("source", "required", "source is required (police, school, hospital, 113, ...)"));
        } else if (source.length() > MAX_SOURCE) {
            errors.add(new FieldError("source", "too-long", "source has at most " + MAX_SOURCE + " characters"));
        }

        if (mode != PersonalDataPolicy.Mode.WARN) {
            errors.addAll(personal);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ValidReport(reportId, receivedAt, type, district, part, List.copyOf(children), household, summary, source,
                mode == PersonalDataPolicy.Mode.WARN ? List.copyOf(personal) : List.of());
    }

    private static void personal(PersonalDataGuard guard, String field, String text, List<FieldError> found) {
        guard.check(field, text).map(PersonalDataFinding::toFieldError).ifPresent(found::add);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
