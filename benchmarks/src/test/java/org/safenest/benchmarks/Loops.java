package org.safenest.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the intake benchmarks share: closed loops of concurrent clients with their latencies, the blocking
 * {@link HttpURLConnection} client with keep-alive (it costs the shared cores less than
 * {@code java.net.http.HttpClient}), and synthetic Kaohsiung reports.
 */
public final class Loops {

    static final String[] CASE_TYPES = {"domestic-violence", "disability-protection", "elder-protection",
            "child-protection", "sexual-assault", "sexual-exploitation", "sexual-harassment", "fragile-family"};
    static final String[] DISTRICTS = {"yancheng", "gushan", "zuoying", "nanzi", "sanmin", "xinxing", "qianjin",
            "lingya", "qianzhen", "qijin", "xiaogang", "linyuan", "daliao", "dashu", "dashe", "renwu", "niaosong",
            "gangshan", "qiaotou", "yanchao", "tianliao", "alian", "luzhu", "hunei", "qieding", "yongan", "mituo",
            "ziguan", "qishan", "meinong", "liugui", "jiaxian", "shanlin", "neimen", "maolin", "taoyuan", "namaxia"};
    public static final String SUMMARY = "Synthetic benchmark report: a child aged 6 reported by a school; no personal data.";

    private Loops() {
    }

    /** Per-loop figures. */
    public record Run(String name, long operations, double seconds, long[] latenciesMicros, long errors) {
        public double perSecond() {
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

        public String line() {
            return String.format(Locale.ROOT, "%-38s %9d ops %9.1f ops/s   p50 %7.2f ms   p99 %7.2f ms   errors %d", name,
                    operations, perSecond(), percentile(0.50) / 1000.0, percentile(0.99) / 1000.0, errors);
        }

        /** Prints the loop's line as soon as it is measured. */
        public Run printed() {
            System.out.println(line());
            return this;
        }
    }

    /** One operation of a client; false (or an exception) counts as an error. */
    @FunctionalInterface
    public interface Operation {
        boolean run(int client, long sequence) throws Exception;
    }

    /** {@code clients} threads run {@code op} back to back for {@code seconds}. */
    public static Run loop(String name, int clients, int seconds, Operation op) throws Exception {
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
                long sequence = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = op.run(client, sequence++);
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

    /** A synthetic Kaohsiung report as the intake API takes it. */
    public static String reportJson(String id) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "{\"reportId\":\"" + id + "\",\"receivedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"caseType\":\""
                + CASE_TYPES[r.nextInt(CASE_TYPES.length)] + "\",\"district\":\"" + DISTRICTS[r.nextInt(DISTRICTS.length)]
                + "\",\"children\":[{\"age\":" + r.nextInt(1, 17) + "}],\"summary\":\"" + SUMMARY + "\",\"source\":\"school\"}";
    }

    static HttpURLConnection open(int port, String auth, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://localhost:" + port + path).openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        c.setRequestProperty("Authorization", auth);
        return c;
    }

    /** Reads the whole answer, so that the connection goes back to the keep-alive cache. */
    static byte[] drain(HttpURLConnection c, int status) throws IOException {
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    public static int get(int port, String auth, String path) throws IOException {
        HttpURLConnection c = open(port, auth, path);
        int status = c.getResponseCode();
        drain(c, status);
        return status;
    }

    public static int post(int port, String auth, String path, String json) throws IOException {
        HttpURLConnection c = open(port, auth, path);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        drain(c, status);
        return status;
    }
}
