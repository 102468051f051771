package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What IT staff scrape and read from a running distribution (booted once for the class, as an operator runs it):
 * the Prometheus metrics behind the admin login, and the logs in both formats (text and JSON lines), which never
 * hold a request body, a summary or any other personal data.
 */
public class OperationsIT {

    private static Distribution distribution;
    private static Api api;

    @BeforeClass
    public static void start() throws Exception {
        distribution = new Distribution("operations-it");
        api = new Api(distribution.port);
        distribution.append("etc/system.properties", "karaf.log.json = INFO"); // the documented switch
        distribution.start();
        api.awaitUp(2, Duration.ofSeconds(180));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    /** Posts a SYNTHETIC report (no real person) and answers its case number. */
    static String report(String reportId) throws InterruptedException {
        Api.Answer a = null;
        for (int i = 0; i < 240; i++) { // intake answers once its dispatch rules are published
            a = api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"" + reportId
                    + "\",\"receivedAt\":\"2026-03-02T02:00:00Z\",\"caseType\":\"fragile-family\",\"district\":\"鳳山區\","
                    + "\"districtPart\":\"south\",\"children\":[{\"age\":6}],\"summary\":\"Synthetic summary "
                    + reportId + "\",\"source\":\"school\"}", "intake", "intake");
            if (a.status() == 201) {
                return a.body().path("caseNumber").asText();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("report not taken: " + a.status() + " " + a.raw());
    }

    @Test
    public void metricsAreScrapedInThePrometheusFormatBehindTheAdminLogin() throws Exception {
        String caseNumber = report("metrics-1");
        report("metrics-2");
        assertEquals(200, api.get("/api/regions/kaohsiung/cases/" + caseNumber, "worker", "worker").status());
        assertEquals(401, api.get("/api/regions", null, null).status());
        assertEquals(404, api.get("/api/no-such-thing", "worker", "worker").status());

        assertEquals(401, api.get("/api/metrics", null, null).status());
        assertEquals(403, api.get("/api/metrics", "analyst", "analyst").status());
        // The outbox gives the reports' events their positions a moment after they commit (its sequencer): scrape
        // until the head shows them, as a dashboard would a few seconds later.
        Api.Answer scrape = api.get("/api/metrics", "admin", "admin");
        for (int i = 0; i < 60 && scrape.status() == 200 && value(scrape.raw(), "safenest_outbox_head") < 2; i++) {
            Thread.sleep(500);
            scrape = api.get("/api/metrics", "admin", "admin");
        }
        assertEquals(scrape.raw(), 200, scrape.status());
        String type = scrape.header("Content-Type");
        assertTrue(type, type.startsWith("text/plain") && type.contains("version=0.0.4"));
        String text = scrape.raw();

        // every line is a comment or a sample of the text format 0.0.4
        Pattern sample = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\",?)*\\})? -?[0-9.E+-]+|.* (NaN|\\+Inf|-Inf)");
        List<String> bad = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("# HELP ") && !line.startsWith("# TYPE ") && !sample.matcher(line).matches()) {
                bad.add(line);
            }
        }
        assertEquals("lines that are not in the Prometheus text format", List.of(), bad);

        assertTrue(value(text, "safenest_http_request_duration_seconds_count{method=\"POST\",endpoint=\"/api/regions/kaohsiung/intake\",status=\"201\",}") >= 2);
        assertTrue(text.contains("safenest_http_request_duration_seconds_bucket{method=\"POST\",endpoint=\"/api/regions/kaohsiung/intake\",status=\"201\",le=\"0.5\",}"));
        assertTrue("a case number is not an endpoint", value(text,
                "safenest_http_request_duration_seconds_count{method=\"GET\",endpoint=\"/api/regions/kaohsiung/cases/{id}\",status=\"200\",}") >= 1);
        assertTrue("refusals count without their path", value(text,
                "safenest_http_request_duration_seconds_count{method=\"GET\",endpoint=\"(unmatched)\",status=\"401\",}") >= 1);
        assertTrue("a path nobody serves is no endpoint", !text.contains("no-such-thing"));
        assertTrue("a case number in the metrics", !text.contains(caseNumber));
        assertTrue(value(text, "safenest_reports_received_total{region=\"kaohsiung\",}") >= 2);
        assertTrue(value(text, "safenest_reports_dispatched_total{region=\"kaohsiung\",}") >= 2);
        assertTrue(value(text, "safenest_manual_queue_cases{region=\"kaohsiung\",}") >= 0);
        assertTrue(value(text, "safenest_manual_queue_cases{region=\"hong-kong\",}") >= 0);
        assertTrue(value(text, "safenest_overdue_follow_ups{region=\"kaohsiung\",}") >= 0);
        assertTrue(value(text, "safenest_outbox_lag_events{consumer=\"reporting\",}") >= 0);
        assertTrue(value(text, "safenest_outbox_head") >= 2);
        assertEquals(16, value(text, "safenest_db_pool_max_connections{pool=\"pool\",}"), 0);
        assertTrue(value(text, "safenest_db_pool_active_connections{pool=\"pool\",}") >= 0);
        assertTrue(value(text, "jvm_memory_bytes_used{area=\"heap\",}") > 0);
        assertTrue(text.contains("jvm_gc_collection_seconds_count{gc="));
        assertTrue(value(text, "jvm_threads_current") > 0);
        assertTrue(value(text, "process_cpu_seconds_total") > 0);
    }

    @Test
    public void noBodySummaryOrPersonalDataReachesTheLogInEitherFormat() throws Exception {
        // letters only: with digits, a part of the UUID can read as an identity number (c2778526: a letter, six digits
        // and a check digit), which intake's personal-data guard now refuses
        String marker = "SYNTHETIC-PD-" + java.util.UUID.randomUUID().toString().chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                .collect(java.util.stream.Collectors.joining());
        report("logs-warmup");
        // a valid report whose free text and references carry the (synthetic) marker
        Api.Answer ok = api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"logs-1\",\"receivedAt\":\"2026-03-02T02:00:00Z\","
                + "\"caseType\":\"fragile-family\",\"district\":\"鳳山區\",\"districtPart\":\"south\",\"children\":[{\"age\":6,"
                + "\"childRef\":\"" + marker + "-child\"}],\"householdRef\":\"" + marker + "-household\",\"summary\":\""
                + marker + "-summary\",\"source\":\"school\"}", "intake", "intake");
        assertEquals(ok.raw(), 201, ok.status());
        // (synthetic) personal data: refused by intake's personal-data guard, which must not log it either
        Api.Answer personal = api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"logs-pd\",\"receivedAt\":\"2026-03-02T02:00:00Z\","
                + "\"caseType\":\"fragile-family\",\"district\":\"鳳山區\",\"districtPart\":\"south\",\"children\":[{\"age\":6,"
                + "\"childRef\":\"" + marker + "-child\"}],\"householdRef\":\"王小明\",\"summary\":\""
                + marker + "-summary 王小明 0912-345-678\",\"source\":\"school\"}", "intake", "intake");
        assertEquals(personal.raw(), 400, personal.status());
        assertTrue(personal.raw(), personal.raw().contains("personal-data.name") && personal.raw().contains("a phone number")
                && !personal.raw().contains("0912") && !personal.raw().contains("王小明"));
        // refused: an unknown district, a body that is not JSON, a wrong type; and personal data in a query string
        assertEquals(400, api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"logs-2\",\"receivedAt\":\"2026-03-02T02:00:00Z\","
                + "\"caseType\":\"fragile-family\",\"district\":\"" + marker + "-district\",\"children\":[{\"age\":6}],"
                + "\"summary\":\"" + marker + "-summary\",\"source\":\"school\"}", "intake", "intake").status());
        assertEquals(400, api.post("/api/regions/kaohsiung/intake", "{\"summary\":\"" + marker + "-malformed", "intake", "intake").status());
        assertEquals(400, api.post("/api/regions/kaohsiung/intake", "{\"reportId\":{\"x\":\"" + marker + "-type\"}}", "intake", "intake").status());
        api.get("/api/regions/kaohsiung/cases?district=" + java.net.URLEncoder.encode(marker + "-query", "UTF-8"), "worker", "worker");
        api.get("/api/regions/kaohsiung/cases/" + marker + "-path", "worker", "worker");
        api.post("/api/regions/kaohsiung/intake", "{}", "intake", marker + "-password");
        Thread.sleep(2_000); // the log is written asynchronously

        java.nio.file.Path logs = distribution.home.resolve("data/log");
        String text = java.nio.file.Files.readString(logs.resolve("karaf.log"));
        List<String> json = java.nio.file.Files.readAllLines(logs.resolve("karaf.json"));
        assertTrue("the text log is empty", text.contains("safenest-core"));
        assertTrue("the JSON log is empty", json.size() > 10);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        boolean safenestEvent = false;
        for (String line : json) {
            com.fasterxml.jackson.databind.JsonNode event = mapper.readTree(line); // one JSON object per line
            assertTrue(line, event.hasNonNull("@timestamp") && event.hasNonNull("log.level") && event.has("message"));
            safenestEvent |= event.path("log.logger").asText().startsWith("org.safenest");
        }
        assertTrue("no Safenest event in the JSON log", safenestEvent);
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(logs)) {
            for (java.nio.file.Path f : files.toList()) {
                String content = java.nio.file.Files.readString(f);
                for (String leak : List.of(marker, "王小明", "0912-345-678")) {
                    assertTrue(leak + " is in " + f.getFileName(), !content.contains(leak));
                }
            }
        }
    }

    /** The value of one sample (its name and labels exactly as written), or an assertion error. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        assertTrue("no sample " + series, m.find());
        return Double.parseDouble(m.group(1));
    }
}
