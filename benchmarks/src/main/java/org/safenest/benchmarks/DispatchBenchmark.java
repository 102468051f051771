package org.safenest.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.intake.CaseType;
import org.safenest.api.region.District;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionCounts;
import org.safenest.api.region.RegionData;
import org.safenest.core.internal.region.RegionDataReader;
import org.safenest.core.internal.region.RegionSource;
import org.safenest.dispatch.internal.DispatchStore;
import org.safenest.dispatch.internal.RegionRefs;
import org.safenest.dispatch.internal.RuleBook;
import org.safenest.dispatch.internal.RuleFiles;
import org.safenest.dispatch.internal.jpa.Transactions;
import org.safenest.testsupport.UnitDatabase;

/**
 * Dispatch decisions per second in process, through the same {@link RuleBook#dispatch} the service uses (input
 * checks, the version in force at the received date, rule matching, the explanation), for Kaohsiung's shipped
 * rule set and for a synthetic rule set of 10,000 rules. The database (in-memory Derby) is used only to publish
 * the rule sets at setup; decisions are made from memory. Run: see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {

    private static final Path KAOHSIUNG = Path.of("../bundles/region-kaohsiung/src/main/resources/safenest-region");
    private static final int SYNTHETIC_RULES = 10_000;

    @Param({"kaohsiung", "synthetic-10000"})
    public String ruleSet;

    private UnitDatabase db;
    private RuleBook book;
    private String region;
    private String[][] queries;
    private Instant[] times;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = new UnitDatabase("safenest-dispatch");
        Transactions tx = db::required;
        Random random = new Random(20231116);
        RegionRefs refs;
        RuleFiles files;
        if (ruleSet.equals("kaohsiung")) {
            RegionData data = RegionDataReader.read(RegionSource.of(KAOHSIUNG));
            refs = refs(data.code(), data.timeZone(), data.districts(), data.offices());
            files = RuleFiles.of(KAOHSIUNG.resolve("dispatch"));
        } else {
            // a synthetic region: 1,250 districts x 8 case types = 10,000 rules, 100 offices
            List<District> districts = new ArrayList<>();
            List<Office> offices = new ArrayList<>();
            for (int o = 0; o < 100; o++) {
                offices.add(new Office("o" + o, "辦公室" + o, "Office " + o, OfficeType.OTHER, null, null, null, List.of()));
            }
            StringBuilder csv = new StringBuilder("# version: 1\n# adopted_on: 2020-01-01\n# effective_from: 2020-01-01\n"
                    + "# note: synthetic benchmark rules\nid,case_type,service_line,district,part,office,fallback,explanation\n");
            int n = 0;
            for (int d = 0; d < SYNTHETIC_RULES / CaseType.DEFAULTS.size(); d++) {
                districts.add(new District("d" + d, "區" + d, "District " + d, List.of()));
                for (CaseType t : CaseType.DEFAULTS) {
                    csv.append("r").append(n++).append(',').append(t.code()).append(",,d").append(d).append(",,o")
                            .append(random.nextInt(100)).append(",,synthetic\n");
                }
            }
            refs = refs("synthetic", "UTC", districts, offices);
            files = RuleFiles.of(Map.of("rules-v1.csv", csv.toString()), "synthetic");
        }
        RegionRefs regionRefs = refs;
        region = refs.region();
        book = new RuleBook(new DispatchStore(tx), r -> regionRefs, new NoAudit(), Clock.systemUTC());
        var result = book.publish(RuleBook.SYSTEM, region, files);
        if (result.published().isEmpty()) {
            throw new IllegalStateException("no rule set published: " + result);
        }
        List<String[]> q = new ArrayList<>();
        for (District d : refs.districts().values()) {
            for (CaseType t : CaseType.DEFAULTS) {
                q.add(new String[] {t.code(), d.code(), d.parts().isEmpty() ? null : d.parts().get(random.nextInt(d.parts().size())).code()});
            }
        }
        java.util.Collections.shuffle(q, random);
        queries = q.toArray(new String[0][]);
        times = new Instant[1024];
        for (int i = 0; i < times.length; i++) {
            times[i] = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    private static RegionRefs refs(String code, String zone, List<District> districts, List<Office> offices) {
        Region region = new Region(code, code, code, zone, Instant.now(), "benchmark",
                new RegionCounts(districts.size(), offices.size(), 0, 0));
        return RegionRefs.of(region, districts, offices, CaseType.DEFAULTS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public DispatchDecision dispatch() {
        int i = next++ & 0x7fffffff;
        String[] q = queries[i % queries.length];
        return book.dispatch(region, q[0], q[1], q[2], times[i & 1023]);
    }

    /** Audit is not measured here. */
    static final class NoAudit implements AuditLog {
        @Override
        public AuditRecord record(AuditRecord record) {
            return record;
        }

        @Override
        public void recordWithChange(AuditRecord record) {
        }

        @Override
        public List<AuditRecord> query(AuditQuery query) {
            return List.of();
        }

        @Override
        public long count(AuditQuery query) {
            return 0;
        }
    }

    /** Runs the benchmark and writes the figures to the folder given as the first argument. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-results");
        Files.createDirectories(out);
        var results = new Runner(new OptionsBuilder().include(DispatchBenchmark.class.getSimpleName()).build()).run();
        List<String> lines = new ArrayList<>();
        lines.add("Dispatch decisions in process (JMH, 1 fork, 3x2 s warm-up, 5x2 s measured, 1 thread), " + Instant.now());
        for (RunResult r : results) {
            var p = r.getPrimaryResult();
            lines.add(String.format(Locale.ROOT, "%-18s %,14.0f decisions/s  (+- %,.0f, 99.9%% CI)",
                    r.getParams().getParam("ruleSet"), p.getScore(), p.getScoreError()));
        }
        lines.forEach(System.out::println);
        Files.write(out.resolve("dispatch-jmh.txt"), lines);
    }
}
