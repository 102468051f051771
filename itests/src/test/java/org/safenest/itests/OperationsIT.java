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
 * the Prometheus metrics behind the admin login.
 */
public class OperationsIT {

    private static Distribution distribution;
    private static Api api;

    @BeforeClass
    public static void start() throws Exception {
        distribution = new Distribution("operations-it");
        api = new Api(distribution.port);
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

        assertEquals(401, api.get("/api/metrics", null, null).status());
        assertEquals(403, api.get("/api/metrics", "analyst", "analyst").status());
        Api.Answer scrape = api.get("/api/metrics", "admin", "admin");
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
        assertTrue(value(text, "safenest_http_request_duration_seconds_count{method=\"GET\",endpoint=\"/api/regions\",status=\"401\",}") >= 1);
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

    /** The value of one sample (its name and labels exactly as written), or an assertion error. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        assertTrue("no sample " + series, m.find());
        return Double.parseDouble(m.group(1));
    }
}
