package org.safenest.allocation.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.DistrictLoad;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.UnservedReason;

/**
 * A comparison as a table: one row per measure, one column per plan, so that strategies stand side by side. The same
 * rows serve the CSV answer and the shell; the first rows say whether the data is synthetic and when it was computed.
 */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    /** The measures, in order, each read from a plan's metrics. */
    static final Map<String, Function<PlanMetrics, Object>> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("units changing operator", PlanMetrics::unitsChangingOperator);
        MEASURES.put("cases affected", PlanMetrics::casesAffected);
        MEASURES.put("teams", m -> m.teams().size());
        MEASURES.put("complete teams", PlanMetrics::completeTeams);
        MEASURES.put("incomplete teams", PlanMetrics::incompleteTeams);
        MEASURES.put("unserved units", PlanMetrics::unservedUnits);
        for (UnservedReason r : UnservedReason.values()) {
            MEASURES.put("unserved: " + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), m -> m.unserved(r));
        }
        MEASURES.put("pupils per worker max", PlanMetrics::pupilsPerWorkerMax);
        MEASURES.put("pupils per worker min", PlanMetrics::pupilsPerWorkerMin);
        MEASURES.put("pupils per worker spread", PlanMetrics::pupilsPerWorkerSpread);
        MEASURES.put("teams over ratio", PlanMetrics::teamsOverRatio);
        MEASURES.put("workers", PlanMetrics::workers);
        MEASURES.put("travel km mean", PlanMetrics::travelKmMean);
        MEASURES.put("travel km max", PlanMetrics::travelKmMax);
        MEASURES.put("hot-spot districts", m -> m.districts().stream().filter(DistrictLoad::overRatio).count());
    }

    /** The column headers: {@code measure}, then each plan's strategy (with its parameters when given). */
    public static List<String> header(PlanComparison c) {
        List<String> header = new ArrayList<>();
        header.add("measure");
        for (AllocationPlan p : c.plans()) {
            header.add(label(p));
        }
        return header;
    }

    /** A plan's column label: its strategy, with its parameters when any were given. */
    public static String label(AllocationPlan p) {
        if (p.parameters().isEmpty()) {
            return p.strategy();
        }
        StringBuilder b = new StringBuilder(p.strategy()).append(" (");
        new TreeMap<>(p.parameters()).forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : " ").append(k).append('=').append(v));
        return b.append(')').toString();
    }

    /** The rows: synthetic, computed at, each measure, then pupils per worker by district. */
    public static List<List<String>> rows(PlanComparison c) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("synthetic data", c, p -> String.valueOf(p.synthetic())));
        rows.add(row("computed at", c, p -> String.valueOf(p.computedAt())));
        for (Map.Entry<String, Function<PlanMetrics, Object>> e : MEASURES.entrySet()) {
            rows.add(row(e.getKey(), c, p -> String.valueOf(e.getValue().apply(p.metrics()))));
        }
        TreeSet<String> districts = new TreeSet<>();
        c.plans().forEach(p -> p.metrics().districts().forEach(d -> districts.add(d.district())));
        for (String d : districts) {
            rows.add(row("pupils per worker " + d, c, p -> p.metrics().districts().stream().filter(x -> x.district().equals(d))
                    .findFirst().map(x -> String.valueOf(x.pupilsPerWorker())).orElse("")));
        }
        for (String d : districts) {
            rows.add(row("unserved units " + d, c, p -> p.metrics().districts().stream().filter(x -> x.district().equals(d))
                    .findFirst().map(x -> String.valueOf(x.unservedUnits())).orElse("")));
        }
        return rows;
    }

    private static List<String> row(String name, PlanComparison c, Function<AllocationPlan, String> value) {
        List<String> row = new ArrayList<>();
        row.add(name);
        for (AllocationPlan p : c.plans()) {
            row.add(value.apply(p));
        }
        return row;
    }

    /** The comparison as CSV (RFC 4180, CRLF line ends). */
    public static String csv(PlanComparison c) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header(c));
            for (List<String> r : rows(c)) {
                printer.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
