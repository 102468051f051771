package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Nothing an acknowledged change carries is lost in a crash: clients post (synthetic) reports, the Karaf JVM is
 * killed with {@code kill -9} in the middle of it, and after {@code bin/start} every report that was answered 201
 * has its case, its {@code case.report} audit record, and is counted exactly once in the statistics (intake volume
 * and dispatch decisions equal intake's own count of cases).
 */
public class NothingLostIT {

    private static final int CLIENTS = 6;
    private Distribution distribution;

    @Before
    public void unpack() throws Exception {
        distribution = new Distribution("nothing-lost-it");
    }

    @After
    public void stop() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    public void aKillDuringIntakeLosesNoCaseNoAuditRecordAndNoFigure() throws Exception {
        Api api = new Api(distribution.port);
        distribution.start();
        api.awaitUp(2, Duration.ofSeconds(180));

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    String reportId = "crash-" + UUID.randomUUID();
                    // SYNTHETIC report: no real person.
                    Api.Answer a = api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"" + reportId
                            + "\",\"receivedAt\":\"2026-03-02T02:00:00Z\",\"caseType\":\"fragile-family\",\"district\":\"鳳山區\","
                            + "\"districtPart\":\"south\",\"children\":[{\"age\":6}],\"summary\":\"Synthetic report before a crash\","
                            + "\"source\":\"school\"}", "intake", "intake");
                    if (a.status() == 201) {
                        acknowledged.put(reportId, a.body().path("caseNumber").asText());
                    }
                }
            }, "client " + i);
            clients.add(t);
            t.start();
        }
        // the kill comes when a fair number of reports were acknowledged (on a busy machine the first ones take a while)
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        distribution.kill();
        running.set(false);
        for (Thread t : clients) {
            t.join(60_000);
        }
        int before = acknowledged.size();
        assertTrue("only " + before + " reports were acknowledged before the kill", before > 100);

        distribution.start();
        api.awaitUp(2, Duration.ofSeconds(180));
        awaitStatistics(api);

        // every acknowledged report has its case
        long cases = total(api, "/api/regions/kaohsiung/cases?limit=1");
        assertTrue(cases + " cases for " + before + " acknowledged reports", cases >= before);
        int missing = 0;
        for (String caseNumber : acknowledged.values()) {
            if (api.get("/api/regions/kaohsiung/cases/" + caseNumber, "admin", "admin").status() != 200) {
                missing++;
            }
        }
        assertEquals("acknowledged reports without their case", 0, missing);

        // and its case.report audit record (written in the same transaction)
        Set<String> audited = new HashSet<>();
        for (int offset = 0;; offset += 1000) {
            JsonNode page = api.get("/api/audit?actor=intake&limit=1000&offset=" + offset, "admin", "admin").body();
            for (JsonNode r : page.path("records")) {
                if (r.path("action").asText().equals("case.report") && r.path("outcome").asText().equals("SUCCESS")) {
                    audited.add(r.path("target").asText());
                }
            }
            if (page.path("records").size() < 1000) {
                break;
            }
        }
        List<String> unaudited = acknowledged.values().stream().filter(c -> !audited.contains(c)).toList();
        assertEquals("acknowledged reports without a case.report audit record: " + unaudited, 0, unaudited.size());
        assertEquals("every stored case (acknowledged or not) has its record", cases, audited.size());

        // counted exactly once: reports, and dispatch decisions (one per new case), equal intake's own count
        System.out.printf("Nothing lost: %d reports acknowledged before kill -9, %d cases after restart%n", before, cases);
        assertEquals("intake-volume reports", cases, sum(api, "intake-volume", 1));
        assertEquals("dispatch-decisions", cases, sum(api, "dispatch-decisions", 1));
    }

    /**
     * Issue 12: reporting is uninstalled while reports come in, the outbox prunes every delivered event (retention set
     * to 0 days), and reporting is installed again: it counts the reports the outbox no longer holds from the events
     * intake keeps with its cases, each once; a rebuild after that (the outbox holds none of the events) gives the
     * same figures.
     */
    @Test
    public void afterTheOutboxPrunedReportingCountsFromIntakesRecords() throws Exception {
        Api api = new Api(distribution.port);
        distribution.start();
        api.awaitUp(2, Duration.ofSeconds(180));
        post(api, "before", 25);
        awaitStatistics(api);
        assertEquals(25, sum(api, "intake-volume", 1));

        distribution.console("feature:uninstall safenest-reporting");
        post(api, "while-away", 35);
        distribution.set("etc/org.safenest.outbox.cfg", "retention.days", "0");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String outbox = distribution.console("safenest:outbox");
        while (!outbox.contains("kept (0)") && System.nanoTime() < end) {
            Thread.sleep(500);
            outbox = distribution.console("safenest:outbox");
        }
        assertTrue("the outbox did not prune its delivered events: " + outbox, outbox.contains("kept (0)"));

        distribution.console("feature:install safenest-reporting");
        api.awaitUp(2, Duration.ofSeconds(60));
        awaitStatistics(api);
        long cases = total(api, "/api/regions/kaohsiung/cases?limit=1");
        assertEquals(60, cases);
        assertEquals("intake-volume after a late install", cases, sum(api, "intake-volume", 1));
        assertEquals("dispatch-decisions after a late install", cases, sum(api, "dispatch-decisions", 1));

        Api.Answer rebuild = api.post("/api/regions/kaohsiung/statistics/rebuild", "", "admin", "admin");
        assertEquals(rebuild.raw(), 200, rebuild.status());
        awaitStatistics(api);
        assertEquals("intake-volume after a rebuild", cases, sum(api, "intake-volume", 1));
        assertEquals("dispatch-decisions after a rebuild", cases, sum(api, "dispatch-decisions", 1));
        System.out.printf("Nothing lost after pruning: %d cases counted from intake's records after a late install and a rebuild%n",
                cases);
    }

    /** Posts synthetic reports one after the other, each answered 201. */
    private static void post(Api api, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            // SYNTHETIC report: no real person.
            Api.Answer a = api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"" + prefix + "-" + i
                    + "\",\"receivedAt\":\"2026-03-02T02:00:00Z\",\"caseType\":\"fragile-family\",\"district\":\"鳳山區\","
                    + "\"districtPart\":\"south\",\"children\":[{\"age\":6}],\"summary\":\"Synthetic report\",\"source\":\"school\"}",
                    "intake", "intake");
            assertEquals(a.raw(), 201, a.status());
        }
    }

    /** Waits until reporting has applied every event of the outbox. */
    static void awaitStatistics(Api api) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Api.Answer last = null;
        while (System.nanoTime() < end) {
            last = api.get("/api/regions/kaohsiung/statistics/rebuild", "admin", "admin");
            if (last.status() == 200 && last.body().path("waiting").asLong() == 0 && last.body().path("head").asLong() > 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("reporting did not catch up with the outbox: " + (last == null ? "" : last.raw()));
    }

    static long total(Api api, String path) {
        Api.Answer a = api.get(path, "admin", "admin");
        assertEquals(a.raw(), 200, a.status());
        return Long.parseLong(a.header("X-Total-Count"));
    }

    /** The sum of one count column over a report's rows (grouped by case type, this year until today). */
    static long sum(Api api, String report, int column) {
        // to today in the region's time zone (Asia/Taipei), where decisions are dated: from 16:00 UTC that is a day
        // ahead of a UTC test machine's "today", which left the day's dispatch decisions out
        Api.Answer a = api.get("/api/regions/kaohsiung/statistics/" + report + "?group=caseType&from=2026-01-01&to="
                + LocalDate.now(java.time.ZoneId.of("Asia/Taipei")), "analyst", "analyst");
        assertEquals(a.raw(), 200, a.status());
        long n = 0;
        for (JsonNode row : a.body().path("rows")) {
            assertTrue("a suppressed cell: " + row, row.get(column).isNumber());
            n += row.get(column).asLong();
        }
        return n;
    }
}
