package org.safenest.allocation.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.allocation.FrontierPoint;

/** The frontier as a table, one row per point: for the CSV answer and the shell. */
public final class FrontierTable {

    public static final List<String> HEADER = List.of("point", "optimised", "balance weight", "units changing operator", "cases affected",
            "imbalance", "pupils per worker spread", "travel km mean", "unserved units", "workers");

    private FrontierTable() {
    }

    public static List<List<String>> rows(Frontier f) {
        List<List<String>> rows = new ArrayList<>();
        for (FrontierPoint p : f.points()) {
            rows.add(List.of(p.label(), String.valueOf(p.optimised()), Double.isNaN(p.balanceWeight()) ? "" : Frontiers.format(p.balanceWeight()),
                    String.valueOf(p.unitsChangingOperator()), String.valueOf(p.casesAffected()), String.valueOf(p.imbalance()),
                    String.valueOf(p.pupilsPerWorkerSpread()), String.valueOf(p.travelKmMean()), String.valueOf(p.unservedUnits()),
                    String.valueOf(p.workers())));
        }
        return rows;
    }

    /** CSV: a first line saying the data is synthetic when it is, then the header and the rows. */
    public static String csv(Frontier f) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setCommentMarker('#').get())) {
            if (f.synthetic()) {
                printer.printComment("SYNTHETIC DATA: pupils, cases, operators and the current assignment are generated, not real.");
            }
            printer.printRecord(HEADER);
            for (List<String> r : rows(f)) {
                printer.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
