package org.safenest.benchmarks;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.safenest.benchmarks.Loops.drain;
import static org.safenest.benchmarks.Loops.get;
import static org.safenest.benchmarks.Loops.loop;
import static org.safenest.benchmarks.Loops.open;
import static org.safenest.benchmarks.Loops.post;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.ReportedChild;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.itests.SafenestTestSupport;
import org.safenest.itests.TestDatabase;
import org.safenest.benchmarks.Loops.Operation;
import org.safenest.benchmarks.Loops.Run;

/**
 * Intake throughput over HTTP into embedded Derby, side by side in the same JVM and the same run with the
 * ceiling: a raw JDBC insert-and-commit loop into the same Derby database through the same DataSource, with
 * the same number of concurrent clients. Two more loops in the same run say where the difference goes: the
 * intake service called in process (everything but HTTP) and the cheapest authenticated, audited HTTP request
 * (everything but intake). Reports are synthetic. Not a test: it prints figures (and writes them to
 * target/benchmark-results) and asserts only that every loop did some work.
 *
 * <p>The HTTP clients use the JDK's blocking {@link HttpURLConnection} with keep-alive: the clients share the
 * server's cores, and this client costs them less than {@code java.net.http.HttpClient} (measured with the
 * districts loop: 4,223 against 3,576 requests/s).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntakeThroughputBenchmark {

    private static final String PORT = "safenest.bench.http.port";

    @Configuration
    public Option[] config() {
        int port = SafenestTestSupport.freePort();
        return OptionUtils.combine(SafenestTestSupport.options(port), systemProperty(PORT).value(Integer.toString(port)),
                systemProperty("benchmark.seconds").value(System.getProperty("benchmark.seconds", "20")),
                systemProperty("benchmark.clients").value(System.getProperty("benchmark.clients", "8")),
                systemProperty("benchmark.warmup").value(System.getProperty("benchmark.warmup", "60")),
                // TestDatabase is not in the probe bundle: the database is named here, outside the container
                systemProperty("benchmark.postgresql").value(Boolean.toString(TestDatabase.postgresql())),
                systemProperty("benchmark.output").value(System.getProperty("benchmark.output", "target/benchmark-results")));
    }

    @Test
    public void intakeAgainstRawJdbcCeiling() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int clients = Integer.getInteger("benchmark.clients", 8);
        // the HTTP path runs through CXF, EclipseLink and Derby code the JIT compiles over a minute or more
        int warmup = Integer.getInteger("benchmark.warmup", 60);
        int port = Integer.getInteger(PORT);
        awaitUp(port);

        DataSource ds = dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try {
                s.execute("DROP TABLE SN_BENCH_RAW");
            } catch (java.sql.SQLException absent) {
                // first run
            }
            s.execute("CREATE TABLE SN_BENCH_RAW (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, REGION VARCHAR(64),"
                    + " REPORT_ID VARCHAR(100), CASE_TYPE VARCHAR(64), DISTRICT VARCHAR(64), RECEIVED TIMESTAMP,"
                    + " SUMMARY VARCHAR(4000))");
        }
        String summary = Loops.SUMMARY;
        String auth = "Basic " + Base64.getEncoder().encodeToString("intake:intake".getBytes(StandardCharsets.UTF_8));
        String run = Long.toString(System.currentTimeMillis(), 36);
        IntakeService intakeService = service(IntakeService.class);
        // the demo user intake: the intake role in Kaohsiung
        Caller intakeUser = new Caller("intake", Set.of(Role.INTAKE), Set.of("kaohsiung"));

        Operation ceiling = (client, n) -> insert(ds, "r-" + client + "-" + n, summary);
        Operation inProcess = (client, n) -> intakeService.submit(intakeUser, "kaohsiung",
                syntheticReport("s" + run + "-" + client + "-" + n, summary)).caseNumber() != null;
        Operation httpFloor = (client, n) -> get(port, auth, "/api/regions/kaohsiung/districts") == 200;
        Operation overHttp = (client, n) -> post(port, auth, "/api/regions/kaohsiung/intake",
                Loops.reportJson("b" + run + "-" + client + "-" + n)) == 201;

        // warm-up: the HTTP intake path runs the service's code too
        System.out.printf(Locale.ROOT, "warming up: %d s of JDBC, %d s of intake over HTTP, 5 s of each other loop%n", 5, warmup);
        loop("warm-up jdbc", clients, 5, (client, n) -> insert(ds, "warm-" + client + "-" + n, summary));
        Map<String, Long> before;
        try (Connection c = ds.getConnection()) {
            before = SameRows.counts(c);
        }
        loop("warm-up http", clients, warmup, (client, n) -> post(port, auth, "/api/regions/kaohsiung/intake",
                Loops.reportJson("w" + run + "-" + client + "-" + n)) == 201);
        SameRows sameRows;
        try (Connection c = ds.getConnection()) {
            Map<String, Long> after = SameRows.counts(c);
            sameRows = SameRows.of(c, before, after, after.get("SN_REPORT") - before.get("SN_REPORT"));
        }
        System.out.println("rows one report writes (counted over the warm-up): " + sameRows.describe());
        Operation sameWork = (client, n) -> {
            try (Connection c = ds.getConnection()) {
                return sameRows.write(c);
            }
        };
        loop("warm-up same rows", clients, 5, sameWork);
        loop("warm-up service", clients, 5, (client, n) -> intakeService.submit(intakeUser, "kaohsiung",
                syntheticReport("ws" + run + "-" + client + "-" + n, summary)).caseNumber() != null);
        loop("warm-up districts", clients, 5, httpFloor);

        Run jdbc = loop("raw JDBC insert+commit (ceiling)", clients, seconds, ceiling).printed();
        Run same = loop("same rows as one report, one tx (ceiling)", clients, seconds, sameWork).printed();
        Run service = loop("intake service in process, no HTTP", clients, seconds, inProcess).printed();
        Run floor = loop("GET /districts over HTTP (floor)", clients, seconds, httpFloor).printed();
        Run intake = loop("intake over HTTP (POST /intake)", clients, seconds, overHttp).printed();

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Intake throughput, %d concurrent clients, %d s per loop after %d s of warm-up, " + database() + ", %s, %d cores",
                clients, seconds, warmup, Instant.now(), Runtime.getRuntime().availableProcessors()));
        for (Run r : List.of(jdbc, service, floor, intake)) {
            lines.add(r.line() + String.format(Locale.ROOT, "   %.3f of the ceiling", r.perSecond() / jdbc.perSecond()));
        }
        lines.add(String.format(Locale.ROOT, "ratio intake over HTTP / raw JDBC ceiling: %.3f (aim: at least 0.50)",
                intake.perSecond() / jdbc.perSecond()));
        lines.add(same.line() + String.format(Locale.ROOT, "   %.3f of the ceiling", same.perSecond() / jdbc.perSecond()));
        lines.add("  (rows per report, counted: " + sameRows.describe() + ")");
        lines.add(String.format(Locale.ROOT, "ratio intake over HTTP / same rows in one transaction: %.3f",
                intake.perSecond() / same.perSecond()));
        lines.add(String.format(Locale.ROOT, "time per intake over HTTP %.3f ms of the clients' capacity = HTTP floor %.3f ms"
                        + " + intake service %.3f ms + rest %.3f ms", ms(intake), ms(floor), ms(service),
                ms(intake) - ms(floor) - ms(service)));
        lines.forEach(System.out::println);
        Path out = Path.of(System.getProperty("benchmark.output", "target/benchmark-results"));
        Files.createDirectories(out);
        Files.write(out.resolve(Boolean.getBoolean("benchmark.postgresql") ? "intake-throughput-postgresql.txt" : "intake-throughput.txt"), lines);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE SN_BENCH_RAW");
            sameRows.remove(c);
        }
        for (Run r : List.of(jdbc, same, service, floor, intake)) {
            assertTrue(r.name() + " did nothing: " + r.errors() + " errors", r.operations() > 0);
        }
    }

    /** Milliseconds of the loop's total capacity each operation takes (clients / throughput, in ms). */
    private static double ms(Run r) {
        return 1000.0 / r.perSecond();
    }

    private static IntakeReport syntheticReport(String id, String summary) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new IntakeReport(id, Instant.now().minusSeconds(60), Loops.CASE_TYPES[r.nextInt(Loops.CASE_TYPES.length)],
                Loops.DISTRICTS[r.nextInt(Loops.DISTRICTS.length)], null, List.of(new ReportedChild(r.nextInt(1, 17), null)), null, summary,
                "school");
    }

    /** Waits for /api/health to answer UP with the reference regions loaded. */
    private static String database() {
        return Boolean.getBoolean("benchmark.postgresql") ? "PostgreSQL (a throwaway local cluster, fsync off)" : "embedded Derby";
    }

    private static void awaitUp(int port) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 360; i++) {
            try {
                HttpURLConnection c = open(port, auth, "/api/health");
                int status = c.getResponseCode();
                String body = new String(drain(c, status), StandardCharsets.UTF_8);
                if (status == 200 && body.contains("\"status\":\"UP\"") && body.contains("kaohsiung")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Safenest did not come up");
    }

    private static boolean insert(DataSource ds, String id, String summary) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO SN_BENCH_RAW (REGION, REPORT_ID, CASE_TYPE, DISTRICT, RECEIVED, SUMMARY) VALUES (?, ?, ?, ?, ?, ?)")) {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                p.setString(1, "kaohsiung");
                p.setString(2, id);
                p.setString(3, Loops.CASE_TYPES[r.nextInt(Loops.CASE_TYPES.length)]);
                p.setString(4, Loops.DISTRICTS[r.nextInt(Loops.DISTRICTS.length)]);
                p.setTimestamp(5, Timestamp.from(Instant.now()));
                p.setString(6, summary);
                p.executeUpdate();
            }
            c.commit();
            return true;
        }
    }

    private static DataSource dataSource() throws Exception {
        return service(DataSource.class, "(osgi.jndi.service.name=safenest)");
    }

    private static <T> T service(Class<T> type) throws Exception {
        return service(type, null);
    }

    private static <T> T service(Class<T> type, String filter) throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(IntakeThroughputBenchmark.class).getBundleContext();
        for (int i = 0; i < 120; i++) {
            var refs = ctx.getServiceReferences(type, filter);
            if (!refs.isEmpty()) {
                ServiceReference<T> ref = refs.iterator().next();
                return ctx.getService(ref);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no service " + type.getName() + (filter == null ? "" : " " + filter));
    }
}
