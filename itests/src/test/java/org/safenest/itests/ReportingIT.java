package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportParameter;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reporting in the assembled distribution: synthetic reports, dispositions, transfers, disputes, a referral proposal
 * and an allocation plan go in through the REST API, and the statistics come out with the expected figures (counted
 * from the events, so the test waits for them), as JSON, CSV and XLSX, with small counts suppressed once the
 * threshold is back; a report plugin registered by another bundle (this test's) appears and goes. All data is synthetic.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportingIT {

    private static final String PORT_PROPERTY = "safenest.itest.http.port";
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final String STATS = "/api/regions/kaohsiung/statistics/";
    private static int sequence;

    @Configuration
    public Option[] config() {
        int port = SafenestTestSupport.freePort();
        return OptionUtils.combine(SafenestTestSupport.options(port), systemProperty(PORT_PROPERTY).value(Integer.toString(port)));
    }

    private static Api api() throws InterruptedException {
        Api api = new Api(Integer.getInteger(PORT_PROPERTY));
        api.awaitUp(2, Duration.ofSeconds(120));
        return api;
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(ReportingIT.class).getBundleContext();
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            var ref = context().getServiceReference(type);
            if (ref != null) {
                return context().getService(ref);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type.getName() + " service");
    }

    private static void threshold(int value) throws Exception {
        var config = service(ConfigurationAdmin.class).getConfiguration("org.safenest.reporting", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("suppression.threshold", Integer.toString(value));
        config.update(props);
    }

    private static String submit(Api api, String receivedAt, String caseType, String district, String part, String household) {
        String body = "{\"reportId\":\"rep-" + (++sequence) + "-" + System.nanoTime() + "\",\"receivedAt\":\"" + receivedAt
                + "\",\"caseType\":\"" + caseType + "\",\"district\":\"" + district + "\""
                + (part == null ? "" : ",\"districtPart\":\"" + part + "\"") + ",\"children\":[{\"age\":" + (3 + sequence % 10) + "}]"
                + (household == null ? "" : ",\"householdRef\":\"" + household + "\"")
                + ",\"summary\":\"Synthetic test report.\",\"source\":\"school\"}";
        Api.Answer a = api.post("/api/regions/kaohsiung/intake", body, "intake", "intake");
        assertEquals(a.raw(), 201, a.status());
        return a.body().path("caseNumber").asText();
    }

    /** Polls a statistics URL (as the analyst) until the table satisfies the condition: reporting counts events as they arrive. */
    private static JsonNode await(Api api, String path, Predicate<JsonNode> condition) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 60; i++) {
            Api.Answer a = api.get(path, "analyst", "analyst");
            assertEquals(a.raw(), 200, a.status());
            last = a.body();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("statistics never matched: " + path + " -> " + last);
    }

    /** The rows of a table as maps from column key to cell. */
    private static List<Map<String, JsonNode>> rows(JsonNode table) {
        List<String> keys = new ArrayList<>();
        table.path("columns").forEach(c -> keys.add(c.path("key").asText()));
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            Map<String, JsonNode> m = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                m.put(keys.get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, JsonNode> row(JsonNode table, String key, String value) {
        return rows(table).stream().filter(r -> value.equals(r.get(key).asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + "=" + value + " in " + table));
    }

    @Test
    public void figuresFollowWhatGoesInThroughTheApi() throws Exception {
        Api api = api();
        threshold(0); // exact figures first; suppression is checked at the end
        // January 2025: seven child-protection reports in Sanmin (one joins the case of its household), two fragile-family
        // reports in Fengshan north of Guotai Road
        List<String> cases = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            cases.add(submit(api, "2025-01-0" + i + "T10:00:00+08:00", "child-protection", "sanmin", null, "HH-" + i));
        }
        assertEquals(cases.get(0), submit(api, "2025-01-09T10:00:00+08:00", "child-protection", "sanmin", null, "HH-1"));
        submit(api, "2025-01-10T10:00:00+08:00", "fragile-family", "fengshan", "north", null);
        submit(api, "2025-01-11T10:00:00+08:00", "fragile-family", "fengshan", "north", null);

        String january = "from=2025-01-01&to=2025-01-31";
        JsonNode byType = await(api, STATS + "intake-volume?group=caseType&" + january,
                t -> rows(t).stream().mapToLong(r -> r.get("reports").asLong()).sum() == 9);
        assertEquals(0, byType.path("request").path("suppressionThreshold").asInt());
        assertEquals(7, row(byType, "caseType", "child-protection").get("reports").asInt());
        assertEquals(1, row(byType, "caseType", "child-protection").get("merged").asInt());
        assertEquals(2, row(byType, "caseType", "fragile-family").get("reports").asInt());
        assertEquals("兒少保護", byType.path("labels").path("caseType").path("child-protection").path("zh").asText());

        JsonNode byOffice = api.get(STATS + "intake-volume?group=office&" + january, "analyst", "analyst").body();
        assertEquals(7, row(byOffice, "office", "pc-headquarters").get("reports").asInt()); // Sanmin protection: headquarters
        JsonNode byMonth = api.get(STATS + "intake-volume?from=2024-11-01&to=2025-02-28", "supervisor", "supervisor").body();
        assertEquals(4, byMonth.path("rows").size()); // every month of the period, empty ones too
        assertEquals(9, row(byMonth, "month", "2025-01").get("reports").asInt());

        // dispatch: eight new cases decided today by the rules in force in January 2025 (version 8, of 2023-01-16)
        LocalDate today = LocalDate.now(TAIPEI);
        String untilNextMonth = "from=" + today.withDayOfMonth(1) + "&to=" + today.plusDays(40);
        JsonNode decisions = await(api, STATS + "dispatch-decisions?group=ruleSetVersion,basis&" + untilNextMonth,
                t -> rows(t).stream().mapToLong(r -> r.get("decisions").asLong()).sum() == 8);
        assertEquals(1, decisions.path("rows").size());
        assertEquals(8, rows(decisions).get(0).get("ruleSetVersion").asInt());
        assertEquals(8, row(decisions, "basis", "RULE").get("decisions").asInt());

        // a follow-up, a transfer to fragile-family service and a dispute, today
        String moved = cases.get(1);
        assertEquals(200, api.post("/api/regions/kaohsiung/cases/" + moved + "/disposition", "{\"disposition\":\"INVESTIGATION_CONTINUING\"}",
                "worker", "worker").status());
        Api.Answer transfer = api.post("/api/regions/kaohsiung/cases/" + moved + "/transfer",
                "{\"direction\":\"CP_TO_FF\",\"ground\":\"MINOR_INJURY_LOW_RISK\"}", "worker", "worker");
        assertEquals(transfer.raw(), 200, transfer.status());
        Api.Answer dispute = api.post("/api/regions/kaohsiung/cases/" + cases.get(2) + "/dispute",
                "{\"office\":\"pc-fengshan\",\"reason\":\"Family lives in Fengshan (synthetic).\"}", "dispatcher", "dispatcher");
        assertTrue(dispute.raw(), dispute.status() == 200 || dispute.status() == 201);

        JsonNode transfers = await(api, STATS + "transfers?group=direction&" + untilNextMonth, t -> t.path("rows").size() == 1);
        assertEquals(1, row(transfers, "direction", "CP_TO_FF").get("transfers").asInt());
        JsonNode followUps = await(api, STATS + "follow-ups?" + untilNextMonth,
                t -> rows(t).stream().mapToLong(r -> r.get("due").asLong()).sum() == 1);
        assertEquals(1, rows(followUps).get(0).get("open").asInt());
        JsonNode disputes = await(api, STATS + "dispatch-disputes?group=toOffice&" + untilNextMonth, t -> t.path("rows").size() == 1);
        assertEquals(1, row(disputes, "toOffice", "pc-fengshan").get("open").asInt());

        // a proposal to the referral board appears on the next meeting's row
        Api.Answer proposal = api.post("/api/regions/kaohsiung/referrals", "{\"proposingOffice\":\"swc-fengshan\",\"district\":\"fengshan\",\"reportNumber\":\"" + cases.get(3) + "\","
                + "\"childAge\":5,\"summary\":\"Synthetic: school reports absences.\",\"reason\":\"Synthetic: injuries seen at a visit.\","
                + "\"direction\":\"FF_TO_CP\"}", "worker", "worker");
        assertEquals(proposal.raw(), 201, proposal.status());
        String meeting = proposal.body().path("meetingDate").asText();
        JsonNode board = api.get("/api/regions/kaohsiung/statistics/referral-board?from=" + today.minusMonths(1) + "&to=" + today.plusMonths(2),
                "analyst", "analyst").body();
        assertEquals(1, row(board, "meeting", meeting).get("proposals").asInt());

        // an allocation plan in Hong Kong appears beside the others
        Api.Answer plan = api.post("/api/regions/hong-kong/allocation/plans", "{\"strategy\":\"retain\"}", "supervisor", "supervisor");
        assertEquals(plan.raw(), 201, plan.status());
        String planId = plan.body().path("id").asText();
        JsonNode plans = api.get("/api/regions/hong-kong/statistics/allocation-plans", "analyst", "analyst").body();
        assertEquals("retain", row(plans, "plan", planId).get("strategy").asText());
        assertTrue(plans.path("notes").toString(), plans.path("notes").toString().contains("synthetic"));
        JsonNode hotSpots = api.get("/api/regions/hong-kong/statistics/allocation-plans?group=plan,district&plans=" + planId,
                "analyst", "analyst").body();
        assertEquals(18, hotSpots.path("rows").size()); // one row per district

        // exports: CSV in English with names, XLSX as a zip
        Api.Answer csv = api.get(STATS + "intake-volume?group=caseType&format=csv&lang=en&" + january, "analyst", "analyst");
        assertEquals(200, csv.status());
        assertTrue(csv.raw(), csv.raw().startsWith("\uFEFFCase type,Reports,Merged into a case,Share merged\r\n"));
        assertTrue(csv.raw(), csv.raw().contains("Child and youth protection,7,1,14.3%"));
        Api.Answer zh = api.get(STATS + "intake-volume?group=district&format=csv&" + january, "analyst", "analyst");
        assertTrue(zh.raw(), zh.raw().contains("三民區,7"));
        Api.Answer xlsx = api.get(STATS + "intake-volume?format=xlsx&" + january, "analyst", "analyst");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.raw().startsWith("PK"));

        // published figures suppress small counts again once the threshold is back
        threshold(5);
        JsonNode suppressed = await(api, STATS + "intake-volume?group=caseType&" + january,
                t -> t.path("request").path("suppressionThreshold").asInt() == 5);
        assertEquals("<5", row(suppressed, "caseType", "fragile-family").get("reports").asText());
        assertEquals(7, row(suppressed, "caseType", "child-protection").get("reports").asInt());
        assertTrue(suppressed.path("notes").toString().contains("suppressed"));
    }

    @Test
    public void badRequestsAndOtherRolesAreRefused() throws Exception {
        Api api = api();
        assertEquals(403, api.get(STATS + "intake-volume", "worker", "worker").status());
        assertEquals(403, api.get("/api/regions/kaohsiung/statistics", "hkworker", "hkworker").status());
        assertEquals(401, api.get(STATS + "intake-volume", null, null).status());
        Api.Answer group = api.get(STATS + "intake-volume?group=colour", "analyst", "analyst");
        assertEquals(400, group.status());
        assertEquals("group", group.body().path("fields").get(0).path("field").asText());
        Api.Answer dates = api.get(STATS + "intake-volume?from=yesterday&to=2025-01-01&format=pdf", "analyst", "analyst");
        assertEquals(400, dates.status());
        assertEquals(2, dates.body().path("fields").size());
        assertEquals(400, api.get(STATS + "intake-volume?from=2025-02-01&to=2025-01-01", "analyst", "analyst").status());
        assertEquals(404, api.get(STATS + "no-such-report", "analyst", "analyst").status());
        assertEquals(404, api.get("/api/regions/kaohsiung/statistics/allocation-plans", "analyst", "analyst").status());
    }

    /** A report from another bundle (this test's probe): it needs no change to reporting. */
    static final class WeekdayReport implements Report {
        @Override
        public String id() {
            return "itest-weekday";
        }

        @Override
        public String titleZh() {
            return "測試報表";
        }

        @Override
        public String titleEn() {
            return "Test report";
        }

        @Override
        public String descriptionZh() {
            return "整合測試註冊的報表。";
        }

        @Override
        public String descriptionEn() {
            return "A report the integration test registers.";
        }

        @Override
        public List<String> groupings() {
            return List.of("weekday");
        }

        @Override
        public List<ReportParameter> parameters() {
            return List.of();
        }

        @Override
        public ReportTable compute(ReportRequest request) {
            return new ReportTable(id(), request, List.of(new ReportColumn("weekday", "星期", "Weekday", ColumnType.TEXT),
                    new ReportColumn("n", "件數", "Count", ColumnType.COUNT)),
                    List.of(List.of("MONDAY", 3L), List.of("TUESDAY", 8L)), List.of(), Map.of(), Instant.now());
        }
    }

    @Test
    public void aReportFromAnotherBundleComesAndGoes() throws Exception {
        Api api = api();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Report.REPORT_PROPERTY, "itest-weekday");
        ServiceRegistration<Report> reg = context().registerService(Report.class, new WeekdayReport(), props);
        try {
            JsonNode list = api.get("/api/regions/kaohsiung/statistics", "analyst", "analyst").body();
            assertTrue(list.toString(), list.toString().contains("\"itest-weekday\""));
            JsonNode table = api.get(STATS + "itest-weekday?threshold=5", "analyst", "analyst").body();
            assertEquals("<5", table.path("rows").get(0).get(1).asText()); // suppressed by reporting, not by the plugin
            assertEquals(8, table.path("rows").get(1).get(1).asInt());
        } finally {
            reg.unregister();
        }
        assertFalse(api.get("/api/regions/kaohsiung/statistics", "analyst", "analyst").raw().contains("itest-weekday"));
        assertEquals(404, api.get(STATS + "itest-weekday", "analyst", "analyst").status());
    }
}
