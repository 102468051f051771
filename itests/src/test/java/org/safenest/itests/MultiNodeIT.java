package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two Safenest nodes on one PostgreSQL database act as one platform, tried as a load balancer would use them: the
 * two distributions start at the same moment (region loading and schema races), the same {@code reportId} sent to both
 * at once makes one case, case numbers stay unique under load on both, a dispatch rule-set version published on one
 * node decides on the other, a region reloaded on one node is served by the other within the reference-data cache's
 * 30 s, the active allocation strategy selected on one node is the other's at once, the outbox consumers of both nodes
 * count every event exactly once, and a {@code kill -9} of one node under load loses no acknowledged report while the
 * other keeps answering every request. Runs in the PostgreSQL run of the tests (Derby is embedded: one node only).
 * All reports are synthetic.
 */
public class MultiNodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Distribution a;
    private Distribution b;

    @BeforeClass
    public static void onPostgresqlOnly() {
        assumeTrue("several nodes share a PostgreSQL database; this run uses " + TestDatabase.label(), TestDatabase.postgresql());
    }

    @Before
    public void unpack() throws Exception {
        String[] database = TestDatabase.datasourceLines("multi-node");
        a = new Distribution("multi-node-a", database);
        b = new Distribution("multi-node-b", database);
    }

    @After
    public void stop() throws Exception {
        for (Distribution d : new Distribution[] {a, b}) {
            if (d != null) {
                d.close();
            }
        }
    }

    @Test
    public void twoNodesOnOneDatabaseActAsOnePlatform() throws Exception {
        Api apiA = new Api(a.port);
        Api apiB = new Api(b.port);
        // both at once, as after a power cut: schema, region loading and dispatch rules race
        a.start();
        b.start();
        apiA.awaitUp(2, Duration.ofSeconds(300));
        apiB.awaitUp(2, Duration.ofSeconds(300));
        assertEquals("one row per region after both nodes loaded them", 2, apiA.get("/api/regions", "admin", "admin").body().size());

        // 1. the same reportId at both nodes at the same moment: one case
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 20; i++) {
                String reportId = "twice-" + UUID.randomUUID();
                CountDownLatch go = new CountDownLatch(1);
                Future<Api.Answer> atA = pool.submit(() -> {
                    go.await();
                    return report(apiA, reportId);
                });
                Future<Api.Answer> atB = pool.submit(() -> {
                    go.await();
                    return report(apiB, reportId);
                });
                go.countDown();
                Api.Answer ra = atA.get(60, TimeUnit.SECONDS);
                Api.Answer rb = atB.get(60, TimeUnit.SECONDS);
                assertTrue(ra.status() + " " + ra.raw(), ra.status() == 200 || ra.status() == 201);
                assertTrue(rb.status() + " " + rb.raw(), rb.status() == 200 || rb.status() == 201);
                assertEquals("one case for report " + reportId, ra.body().path("caseNumber").asText(), rb.body().path("caseNumber").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("20 reports sent twice each", 20, NothingLostIT.total(apiB, "/api/regions/kaohsiung/cases?limit=1"));

        // 2. case numbers stay unique with clients on both nodes
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failedAtB = new AtomicInteger();
        runClients(List.of(apiA, apiA, apiB, apiB), 6_000, acknowledged, duplicates, failedAtB, apiB, null, null);
        assertEquals("case numbers given twice", List.of(), duplicates);
        assertEquals(20 + acknowledged.size(), NothingLostIT.total(apiA, "/api/regions/kaohsiung/cases?limit=1"));

        // 3. a rule-set version published on A decides on B
        long published = System.nanoTime();
        Api.Answer publish = apiA.post("/api/regions/kaohsiung/dispatch/rule-sets", ruleSetVersion9(), "admin", "admin");
        assertEquals(publish.raw(), 200, publish.status());
        JsonNode decision = awaitJson(apiB, "/api/regions/kaohsiung/dispatch/decide?caseType=fragile-family&district=gushan&date="
                + LocalDate.now(), d -> d.path("ruleSetVersion").asInt() == 9, Duration.ofSeconds(60));
        double ruleSeconds = (System.nanoTime() - published) / 1e9;
        assertEquals("swc-zuoying", decision.path("office").asText());

        // 4. a region reloaded from a folder on A is served by B within the reference-data cache's 30 s
        Path folder = Path.of("target", "multi-node-region").toAbsolutePath();
        copyRegion(Path.of("..", "bundles", "region-kaohsiung", "src", "main", "resources", "safenest-region"), folder);
        long reloaded = System.nanoTime();
        Api.Answer reload = apiA.post("/api/regions/kaohsiung/reload", "{\"folder\":\"" + folder + "\"}", "admin", "admin");
        assertEquals(reload.raw(), 200, reload.status());
        awaitJson(apiB, "/api/regions/kaohsiung", r -> r.path("source").asText().contains("multi-node-region"), Duration.ofSeconds(60));
        double regionSeconds = (System.nanoTime() - reloaded) / 1e9;
        assertTrue("region served by B after " + regionSeconds + " s", regionSeconds < 45);

        // 4b. a region uploaded as a zip on A (the made-up example city) is served by B, and removed on B is gone on A
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            for (String name : List.of("region.properties", "districts.csv", "offices.csv", "case-types.csv")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(Files.readAllBytes(Path.of("..", "docs", "example-city", name)));
                zip.closeEntry();
            }
        }
        Api.Answer uploaded = apiA.send("PUT", "/api/regions/lianhua", zipped.toByteArray(), "application/zip", "admin", "admin");
        assertEquals(uploaded.raw(), 201, uploaded.status());
        awaitJson(apiB, "/api/regions/lianhua", r -> r.path("counts").path("offices").asInt() == 4, Duration.ofSeconds(60));
        Api.Answer removed = apiB.send("DELETE", "/api/regions/lianhua", null, null, "admin", "admin");
        assertEquals(removed.raw(), 204, removed.status());
        long gone = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (apiA.get("/api/regions/lianhua", "admin", "admin").status() != 404) {
            assertTrue("region removed on B still served by A after 60 s", System.nanoTime() < gone);
            Thread.sleep(250);
        }

        // 5. the active strategy selected on A is B's at once, and back
        Api.Answer put = apiA.put("/api/regions/hong-kong/allocation/active-strategy", "{\"strategy\":\"district\"}", "admin", "admin");
        assertTrue(put.raw(), put.status() / 100 == 2);
        assertEquals("district", apiB.get("/api/regions/hong-kong/allocation/strategies", "admin", "admin").body().path("active").asText());
        put = apiB.put("/api/regions/hong-kong/allocation/active-strategy", "{\"strategy\":\"hkcss\"}", "admin", "admin");
        assertTrue(put.raw(), put.status() / 100 == 2);
        assertEquals("hkcss", apiA.get("/api/regions/hong-kong/allocation/strategies", "admin", "admin").body().path("active").asText());

        // 6. both nodes' outbox deliveries together count every event once
        NothingLostIT.awaitStatistics(apiA);
        NothingLostIT.awaitStatistics(apiB);
        long cases = NothingLostIT.total(apiA, "/api/regions/kaohsiung/cases?limit=1");
        assertEquals("intake-volume seen from A", cases, NothingLostIT.sum(apiA, "intake-volume", 1));
        assertEquals("intake-volume seen from B", cases, NothingLostIT.sum(apiB, "intake-volume", 1));
        assertEquals("dispatch-decisions", cases, NothingLostIT.sum(apiB, "dispatch-decisions", 1));

        // 7. kill -9 of A under load: B answers every request, no acknowledged report is lost
        Map<String, String> beforeKill = new ConcurrentHashMap<>();
        AtomicInteger failedAtBDuringKill = new AtomicInteger();
        runClients(List.of(apiA, apiA, apiB, apiB), 8_000, beforeKill, duplicates, failedAtBDuringKill, apiB, a, 4_000L);
        assertEquals("requests B did not answer 2xx while A was killed", 0, failedAtBDuringKill.get());
        assertEquals("case numbers given twice", List.of(), duplicates);
        int missing = 0;
        for (String caseNumber : beforeKill.values()) {
            if (apiB.get("/api/regions/kaohsiung/cases/" + caseNumber, "admin", "admin").status() != 200) {
                missing++;
            }
        }
        assertEquals("acknowledged reports without their case after kill -9 of node A", 0, missing);
        NothingLostIT.awaitStatistics(apiB);
        long after = NothingLostIT.total(apiB, "/api/regions/kaohsiung/cases?limit=1");
        assertEquals("intake-volume after the kill, counted by B alone", after, NothingLostIT.sum(apiB, "intake-volume", 1));

        System.out.printf("Multi-node (PostgreSQL): %d reports from 4 clients on 2 nodes, no case number twice; rule-set v9 "
                + "published on A decided on B after %.1f s; region reloaded on A served by B after %.1f s; %d reports "
                + "acknowledged around kill -9 of A, all stored; B failed %d requests%n", acknowledged.size(), ruleSeconds, regionSeconds,
                beforeKill.size(), failedAtBDuringKill.get());
    }

    /**
     * Clients post reports for {@code millis}; when {@code kill} is given, that node is killed after {@code killAfter} ms.
     * Answers 201/200 are recorded; non-2xx answers of {@code counted} are counted in {@code failed}.
     */
    private static void runClients(List<Api> apis, long millis, Map<String, String> acknowledged, List<String> duplicates,
            AtomicInteger failed, Api counted, Distribution kill, Long killAfter) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        numbers.addAll(acknowledged.values());
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < apis.size(); i++) {
            Api api = apis.get(i);
            Thread t = new Thread(() -> {
                while (running.get()) {
                    String reportId = "multi-" + UUID.randomUUID();
                    Api.Answer r = report(api, reportId);
                    if (r.status() == 201 || r.status() == 200) {
                        String number = r.body().path("caseNumber").asText();
                        acknowledged.put(reportId, number);
                        if (!numbers.add(number)) {
                            duplicates.add(number);
                        }
                    } else if (api == counted) {
                        failed.incrementAndGet();
                        System.out.println("Node B answered " + r.status() + ": " + r.raw());
                    }
                }
            }, "client " + i);
            clients.add(t);
            t.start();
        }
        if (kill != null) {
            Thread.sleep(killAfter);
            kill.kill();
            Thread.sleep(millis - killAfter);
        } else {
            Thread.sleep(millis);
        }
        running.set(false);
        for (Thread t : clients) {
            t.join(90_000);
        }
    }

    /** A synthetic fragile-family report (no real person). */
    private static Api.Answer report(Api api, String reportId) {
        return api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"" + reportId
                + "\",\"receivedAt\":\"2026-03-02T02:00:00Z\",\"caseType\":\"fragile-family\",\"district\":\"鳳山區\","
                + "\"districtPart\":\"south\",\"children\":[{\"age\":6}],\"summary\":\"Synthetic report to two nodes\","
                + "\"source\":\"school\"}", "intake", "intake");
    }

    /** Version 9: version 8's rules with Gushan's fragile-family reports sent to the Zuoying centre. */
    private static String ruleSetVersion9() throws Exception {
        Path dispatch = Path.of("..", "bundles", "region-kaohsiung", "src", "main", "resources", "safenest-region", "dispatch");
        String rules = Files.readString(dispatch.resolve("rules-v8-2023-01-16.csv"));
        String changed = rules.replace("FF-gushan,,FRAGILE_FAMILY,gushan,,swc-yancheng,,\"Fragile-family reports from Gushan go to the Yancheng",
                "FF-gushan,,FRAGILE_FAMILY,gushan,,swc-zuoying,,\"Fragile-family reports from Gushan go for a trial to the Zuoying");
        assertTrue("version 8 has the Gushan rule this test changes", !changed.equals(rules));
        String today = LocalDate.now().toString();
        ObjectNode files = JSON.createObjectNode();
        files.put("versions.csv", "version,adopted_on,effective_from,rules,note\n9," + today + "," + today
                + ",rules-v9.csv,Synthetic version made by a test: Gushan to Zuoying\n");
        files.put("rules-v9.csv", changed);
        ObjectNode body = JSON.createObjectNode();
        body.set("files", files);
        return JSON.writeValueAsString(body);
    }

    private static void copyRegion(Path from, Path to) throws Exception {
        Distribution.deleteTree(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static JsonNode awaitJson(Api api, String path, java.util.function.Predicate<JsonNode> done, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Api.Answer last = null;
        while (System.nanoTime() < end) {
            last = api.get(path, "admin", "admin");
            if (last.status() == 200 && last.body() != null && done.test(last.body())) {
                return last.body();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not answer as expected within " + timeout + ": " + (last == null ? "" : last.raw()));
    }
}
