package org.safenest.benchmarks;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

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
import org.safenest.itests.SafenestTestSupport;

/**
 * Intake throughput over HTTP into embedded Derby, side by side in the same JVM and the same run with the
 * ceiling: a raw JDBC insert-and-commit loop into the same Derby database through the same DataSource, with
 * the same number of concurrent clients. Reports are synthetic. Not a test: it prints figures (and writes them
 * to target/benchmark-results) and asserts only that both loops did some work.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntakeThroughputBenchmark {

    private static final String PORT = "safenest.bench.http.port";
    private static final String[] CASE_TYPES = {"domestic-violence", "disability-protection", "elder-protection",
            "child-protection", "sexual-assault", "sexual-exploitation", "sexual-harassment", "fragile-family"};
    private static final String[] DISTRICTS = {"yancheng", "gushan", "zuoying", "nanzi", "sanmin", "xinxing", "qianjin",
            "lingya", "qianzhen", "qijin", "xiaogang", "linyuan", "daliao", "dashu", "dashe", "renwu", "niaosong",
            "gangshan", "qiaotou", "yanchao", "tianliao", "alian", "luzhu", "hunei", "qieding", "yongan", "mituo",
            "ziguan", "qishan", "meinong", "liugui", "jiaxian", "shanlin", "neimen", "maolin", "taoyuan", "namaxia"};

    @Configuration
    public Option[] config() {
        int port = SafenestTestSupport.freePort();
        return OptionUtils.combine(SafenestTestSupport.options(port), systemProperty(PORT).value(Integer.toString(port)),
                systemProperty("benchmark.seconds").value(System.getProperty("benchmark.seconds", "20")),
                systemProperty("benchmark.clients").value(System.getProperty("benchmark.clients", "8")),
                systemProperty("benchmark.warmup").value(System.getProperty("benchmark.warmup", "20")),
                systemProperty("benchmark.output").value(System.getProperty("benchmark.output", "target/benchmark-results")));
    }

    /** Per-loop figures. */
    record Run(String name, long operations, double seconds, long[] latenciesMicros, long errors) {
        double perSecond() {
            return operations / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        }

        String line() {
            return String.format(Locale.ROOT, "%-34s %9d ops %9.1f ops/s   p50 %7.2f ms   p99 %7.2f ms   errors %d", name,
                    operations, perSecond(), percentile(0.50) / 1000.0, percentile(0.99) / 1000.0, errors);
        }
    }

    @FunctionalInterface
    interface Operation {
        boolean run(int client, long sequence) throws Exception;
    }

    @Test
    public void intakeAgainstRawJdbcCeiling() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int clients = Integer.getInteger("benchmark.clients", 8);
        // the HTTP path runs through CXF, EclipseLink and Derby code the JIT compiles over many seconds
        int warmup = Integer.getInteger("benchmark.warmup", 20);
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
        String summary = "Synthetic benchmark report: a child aged 6 reported by a school; no personal data.";

        // warm-up of both paths
        loop("warm-up jdbc", clients, 5, (client, n) -> insert(ds, "warm-" + client + "-" + n, summary));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("intake:intake".getBytes(StandardCharsets.UTF_8));
        String run = Long.toString(System.currentTimeMillis(), 36);
        loop("warm-up http", clients, warmup, (client, n) -> post(http, port, auth, "w" + run + "-" + client + "-" + n, summary));

        Run jdbc = loop("raw JDBC insert+commit (ceiling)", clients, seconds, (client, n) -> insert(ds, "r-" + client + "-" + n, summary));
        Run intake = loop("intake over HTTP (POST /intake)", clients, seconds,
                (client, n) -> post(http, port, auth, "b" + run + "-" + client + "-" + n, summary));

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Intake throughput, %d concurrent clients, %d s per loop after %d s of warm-up, embedded Derby, %s, %d cores",
                clients, seconds, warmup, Instant.now(), Runtime.getRuntime().availableProcessors()));
        lines.add(jdbc.line());
        lines.add(intake.line());
        lines.add(String.format(Locale.ROOT, "ratio intake / raw JDBC ceiling: %.2f (aim: at least 0.50)", intake.perSecond() / jdbc.perSecond()));
        lines.forEach(System.out::println);
        Path out = Path.of(System.getProperty("benchmark.output", "target/benchmark-results"));
        Files.createDirectories(out);
        Files.write(out.resolve("intake-throughput.txt"), lines);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE SN_BENCH_RAW");
        }
        assertTrue("the JDBC loop did nothing", jdbc.operations() > 0);
        assertTrue("the intake loop did nothing: " + intake.errors() + " errors", intake.operations() > 0);
    }

    /** Waits for /api/health to answer UP (the probe holds only this class, so no shared client here). */
    private static void awaitUp(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 360; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/health"))
                        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"") && r.body().contains("kaohsiung")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
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
                p.setString(3, CASE_TYPES[r.nextInt(CASE_TYPES.length)]);
                p.setString(4, DISTRICTS[r.nextInt(DISTRICTS.length)]);
                p.setTimestamp(5, Timestamp.from(Instant.now()));
                p.setString(6, summary);
                p.executeUpdate();
            }
            c.commit();
            return true;
        }
    }

    private static boolean post(HttpClient http, int port, String auth, String id, String summary) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String json = "{\"reportId\":\"" + id + "\",\"receivedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"caseType\":\""
                + CASE_TYPES[r.nextInt(CASE_TYPES.length)] + "\",\"district\":\"" + DISTRICTS[r.nextInt(DISTRICTS.length)]
                + "\",\"children\":[{\"age\":" + r.nextInt(1, 17) + "}],\"summary\":\"" + summary + "\",\"source\":\"school\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/regions/kaohsiung/intake"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 201;
    }

    private static Run loop(String name, int clients, int seconds, Operation op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = op.run(client, n);
                    } catch (Exception e) {
                        ok = false;
                    }
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (!ok) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[n++] = micros;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Run(name, merged.length, elapsed, merged, errors.get());
    }

    private static DataSource dataSource() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(IntakeThroughputBenchmark.class).getBundleContext();
        for (int i = 0; i < 120; i++) {
            var refs = ctx.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=safenest)");
            if (!refs.isEmpty()) {
                ServiceReference<DataSource> ref = refs.iterator().next();
                return ctx.getService(ref);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no DataSource safenest");
    }
}
