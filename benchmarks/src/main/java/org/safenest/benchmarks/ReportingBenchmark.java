package org.safenest.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.region.District;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.RegionService;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.reporting.internal.facts.FactWriter;
import org.safenest.reporting.internal.facts.Transactions;
import org.safenest.reporting.internal.reports.AggregateReport;
import org.safenest.reporting.internal.reports.FactReports;
import org.safenest.reporting.internal.reports.Names;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * The intake-volume report over one million reports in embedded Derby (on disk), built by the production code: the
 * reports are fed as intake events through reporting's own fact writer, 500 per transaction as the outbox delivers
 * them (so the load rate is measured too), then
 * the report runs for the whole three years with several groupings. Per run: wall time (median of 5 after 2 warm-up
 * runs) and the bytes the run allocated (Derby runs embedded in the calling thread, so they count too); the JVM runs
 * with a small heap (-Xmx, see the pom) to show that the rows are never loaded into memory. The database is kept in
 * target/ and reused when it already holds the rows. All data is synthetic.
 */
public final class ReportingBenchmark {

    static final String REGION = "bench";
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    static final int DAYS = 3 * 365;

    private ReportingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-results");
        Files.createDirectories(out);
        int rows = Integer.getInteger("benchmark.reporting.rows", 1_000_000);
        Path db = out.resolve("reporting-derby-" + rows);
        System.setProperty("derby.stream.error.file", out.resolve("derby-reporting.log").toString());

        // on disk, kept for the next run
        UnitDatabase database = new UnitDatabase("safenest-reporting", "jdbc:derby:" + db.toAbsolutePath(),
                Map.of("eclipselink.logging.level", "SEVERE"));
        Transactions tx = database::required;

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Reporting: intake-volume over %,d synthetic reports in embedded Derby, %s, %d cores, max heap %d MB",
                rows, Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        long present = tx.required(em -> em.createQuery("SELECT COUNT(f) FROM IntakeFact f", Long.class).getSingleResult());
        if (present != rows) {
            lines.add(load(tx, rows, present));
        } else {
            lines.add(String.format(Locale.ROOT, "load: reused the database in %s (%,d rows)", db, present));
        }
        System.out.println(lines.get(lines.size() - 1));

        RegionService regions = regions();
        AggregateReport report = new AggregateReport(tx, regions, new Names(regions, catalogue()), Clock.systemUTC(), FactReports.INTAKE_VOLUME);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (List<String> grouping : List.of(List.of("month"), List.of("caseType"), List.of("district", "office"),
                List.of("month", "caseType", "district"))) {
            ReportRequest request = new ReportRequest(REGION, FIRST, FIRST.plusDays(DAYS - 1), grouping, 0, Map.of());
            long[] nanos = new long[5];
            long[] allocated = new long[5];
            int tableRows = 0;
            long counted = 0;
            for (int i = -2; i < 5; i++) {
                long a0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                ReportTable table = report.compute(request);
                long t1 = System.nanoTime();
                long a1 = threads.getCurrentThreadAllocatedBytes();
                if (i >= 0) {
                    nanos[i] = t1 - t0;
                    allocated[i] = a1 - a0;
                }
                tableRows = table.rows().size();
                int col = table.columns().indexOf(table.columns().stream().filter(c -> c.key().equals("reports")).findFirst().orElseThrow());
                counted = table.rows().stream().mapToLong(r -> ((Number) r.get(col)).longValue()).sum();
            }
            Arrays.sort(nanos);
            Arrays.sort(allocated);
            System.gc();
            String line = String.format(Locale.ROOT,
                    "group by %-27s %5d rows, %,d reports counted: median %6.0f ms (min %6.0f, max %6.0f); allocated per run %5.1f MB; heap used after GC %5.1f MB",
                    String.join(",", grouping), tableRows, counted, nanos[2] / 1e6, nanos[0] / 1e6, nanos[4] / 1e6, allocated[2] / 1048576.0,
                    memory.getHeapMemoryUsage().getUsed() / 1048576.0);
            if (counted != rows) {
                throw new AssertionError("the report counted " + counted + " of " + rows + " reports");
            }
            lines.add(line);
            System.out.println(line);
        }
        database.close();
        Files.write(out.resolve("reporting.txt"), lines);
    }

    /** Feeds the reports as CASE_RECEIVED events through the production fact writer, 500 per transaction. */
    private static String load(Transactions tx, int rows, long present) throws InterruptedException {
        if (present > 0) {
            tx.required(em -> em.createQuery("DELETE FROM IntakeFact f").executeUpdate());
        }
        FactWriter writer = new FactWriter(r -> TAIPEI);
        List<Map<String, Object>> batch = new ArrayList<>();
        Random random = new Random(20261123L);
        List<CaseType> types = CaseType.DEFAULTS;
        long t0 = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            Map<String, Object> p = new HashMap<>();
            CaseType type = types.get(random.nextInt(types.size()));
            int district = random.nextInt(38);
            boolean merged = random.nextInt(100) < 15;
            long received = FIRST.plusDays(random.nextInt(DAYS)).atStartOfDay(TAIPEI).toInstant().toEpochMilli()
                    + random.nextInt(86_400_000);
            p.put(IntakeEvents.REGION, REGION);
            p.put(IntakeEvents.CASE_NUMBER, "BN-" + i);
            p.put(IntakeEvents.REPORT_ID, "rep-" + i);
            p.put(IntakeEvents.RECEIVED_AT, received);
            p.put(IntakeEvents.CASE_TYPE, type.code());
            p.put(IntakeEvents.SERVICE_LINE, type.serviceLine().name());
            p.put(IntakeEvents.DISTRICT, String.format(Locale.ROOT, "d%02d", district));
            p.put(IntakeEvents.OFFICE, String.format(Locale.ROOT, "o%02d", district % 22));
            p.put(IntakeEvents.MERGE_RULE, merged ? "JOINED_CASE_IN_SERVICE" : "NEW_CASE");
            batch.add(p);
            if (batch.size() == 500 || i == rows - 1) {
                tx.required(em -> {
                    for (Map<String, Object> e : batch) {
                        writer.apply(em, (String) e.get(IntakeEvents.REPORT_ID), IntakeEvents.CASE_RECEIVED, e);
                    }
                    return null;
                });
                batch.clear();
            }
            if (i % 100_000 == 99_999) {
                System.out.printf(Locale.ROOT, "  loaded %,d of %,d%n", i + 1, rows);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "load: %,d CASE_RECEIVED events written by the fact writer in %.1f s (%,.0f events/s)",
                rows, seconds, rows / seconds);
    }

    /** A synthetic region of 38 districts and 22 offices, as Kaohsiung has. */
    private static RegionService regions() {
        List<District> districts = new ArrayList<>();
        for (int d = 0; d < 38; d++) {
            districts.add(new District(String.format(Locale.ROOT, "d%02d", d), "區" + d, "District " + d, List.of()));
        }
        List<Office> offices = new ArrayList<>();
        for (int o = 0; o < 22; o++) {
            offices.add(new Office(String.format(Locale.ROOT, "o%02d", o), "單位" + o, "Office " + o, OfficeType.WELFARE_SERVICE_CENTRE,
                    null, null, null, List.of()));
        }
        return new MemoryRegions(MemoryRegions.region(REGION, "Benchmark city", "測試市", "Asia/Taipei", districts, offices));
    }

    private static CaseTypeCatalogue catalogue() {
        return new CaseTypeCatalogue() {
            @Override
            public List<CaseType> caseTypes(String region) {
                return CaseType.DEFAULTS;
            }

            @Override
            public Optional<CaseType> caseType(String region, String code) {
                return CaseType.DEFAULTS.stream().filter(t -> t.code().equals(code)).findFirst();
            }
        };
    }
}
