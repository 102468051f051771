package org.safenest.allocation.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.CasesToInform;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.UnitToInform;

/**
 * The cases to inform for an adopted plan: the units served under the assignment it replaced whose set of operators it
 * changes (another operator, a consortium member more or less, a tendered team) or that it leaves without a team. A unit
 * unserved before is not listed: no family is in service there. The same rule as the plan's continuity measure, applied
 * against the assignment the adoption replaced rather than the one current when the plan was computed.
 */
public final class CasesToInformList {

    public static final List<String> HEADER = List.of("unit", "name_en", "name_zh", "district", "cases", "from_team",
            "from_operators", "to_team", "to_operators");

    private CasesToInformList() {
    }

    /**
     * @param units     the region's units (with their cases)
     * @param before    the teams before the adoption
     * @param beforeName {@code plan <id>} or {@code synthetic pilot}
     * @param adopted   the adopted plan
     * @param synthetic whether units or the assignment before are generated data
     */
    public static CasesToInform compute(List<AllocationUnit> units, List<Team> before, String beforeName, StoredPlan adopted,
            boolean synthetic) {
        Map<String, Team> was = teamOf(before);
        Map<String, Team> now = teamOf(adopted.plan().teams());
        List<UnitToInform> rows = new ArrayList<>();
        for (AllocationUnit u : units) {
            Team from = was.get(u.code());
            if (from == null) {
                continue;
            }
            Team to = now.get(u.code());
            if (to != null && new TreeSet<>(to.operators()).equals(new TreeSet<>(from.operators()))) {
                continue;
            }
            rows.add(new UnitToInform(u.code(), u.preschool().nameEn(), u.preschool().nameZh(), u.preschool().district(),
                    u.casesInService(), from.id(), from.operators(), to == null ? null : to.id(), to == null ? List.of() : to.operators()));
        }
        rows.sort(Comparator.comparingInt(UnitToInform::cases).reversed().thenComparing(UnitToInform::unit));
        int cases = rows.stream().mapToInt(UnitToInform::cases).sum();
        List<String> notes = new ArrayList<>();
        if (synthetic) {
            notes.add(AllocationServiceImpl.SYNTHETIC_NOTE);
        }
        notes.add("Operational: for the supervisors who inform the kindergartens and families (SWD Service Specification: parents "
                + "and carers consulted and informed before a change); not for publication.");
        notes.add("Against the assignment the adoption replaced (" + beforeName + "). Safenest's case records are not linked to "
                + "kindergartens: each unit carries the number of its cases in service; the unit's current team knows the families.");
        return new CasesToInform(adopted.region(), adopted.id(), adopted.plan().strategy(), adopted.adoptedAt(), adopted.adoptedBy(),
                beforeName, rows.size(), cases, rows, synthetic, notes);
    }

    private static Map<String, Team> teamOf(List<Team> teams) {
        Map<String, Team> result = new HashMap<>();
        for (Team t : teams) {
            t.units().forEach(u -> result.put(u, t));
        }
        return result;
    }

    /** One row per unit (the header of {@link #HEADER}); comment lines first with the plan and, when so, the synthetic note. */
    public static List<List<String>> rows(CasesToInform c) {
        List<List<String>> rows = new ArrayList<>();
        for (UnitToInform u : c.units()) {
            rows.add(List.of(u.unit(), u.nameEn(), u.nameZh(), u.district(), String.valueOf(u.cases()), u.fromTeam(),
                    String.join("+", u.fromOperators()), u.toTeam() == null ? "(unserved)" : u.toTeam(), String.join("+", u.toOperators())));
        }
        return rows;
    }

    /** CSV (RFC 4180): comment lines (#) with the plan and the notes, then the header and a row per unit. */
    public static String csv(CasesToInform c) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setCommentMarker('#').get())) {
            printer.printComment("Cases to inform: plan " + c.planId() + " (" + c.strategy() + ") of " + c.region() + ", adopted "
                    + c.adoptedAt() + " by " + c.adoptedBy() + ", replacing " + c.before() + "; " + c.unitCount() + " units, "
                    + c.caseCount() + " cases");
            for (String n : c.notes()) {
                printer.printComment(n);
            }
            printer.printRecord(HEADER);
            for (List<String> r : rows(c)) {
                printer.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
