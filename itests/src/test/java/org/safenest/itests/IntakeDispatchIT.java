package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The intake window and the dispatch rules in the assembled distribution, through the REST API as the
 * intake staff and dispatchers use it. All reports are synthetic.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntakeDispatchIT {

    private static final String PORT_PROPERTY = "safenest.itest.http.port";
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final List<String> CASE_TYPES = List.of("domestic-violence", "disability-protection", "elder-protection",
            "child-protection", "sexual-assault", "sexual-exploitation", "sexual-harassment", "fragile-family");

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

    private static int sequence;

    private static String report(String id, Instant receivedAt, String caseType, String district, String part,
            String householdRef, String childRef, int age) {
        return "{\"reportId\":\"" + id + "\",\"receivedAt\":\"" + receivedAt + "\",\"caseType\":\"" + caseType
                + "\",\"district\":\"" + district + "\"" + (part == null ? "" : ",\"districtPart\":\"" + part + "\"")
                + ",\"children\":[{\"age\":" + age + (childRef == null ? "" : ",\"childRef\":\"" + childRef + "\"") + "}]"
                + (householdRef == null ? "" : ",\"householdRef\":\"" + householdRef + "\"")
                + ",\"summary\":\"Synthetic test report.\",\"source\":\"school\"}";
    }

    private static String nextId(String prefix) {
        return prefix + "-" + (++sequence) + "-" + System.nanoTime();
    }

    /**
     * The office each district should get, built from the region's reference data (not from the rule file):
     * fragile families to the welfare centre serving the district (or part), protection cases to that centre's
     * protection station.
     */
    private static Map<String, String[]> expectedOffices(Api api) {
        Map<String, String[]> expected = new HashMap<>();
        for (JsonNode office : api.get("/api/regions/kaohsiung/offices", "admin", "admin").body()) {
            if (!"WELFARE_SERVICE_CENTRE".equals(office.path("type").asText())) {
                continue;
            }
            for (JsonNode s : office.path("serves")) {
                String key = s.path("district").asText() + (s.path("part").isNull() || s.path("part").isMissingNode() ? "" : ":" + s.path("part").asText());
                expected.put(key, new String[] {office.path("code").asText(), office.path("parent").asText()});
            }
        }
        return expected;
    }

    @Test
    public void caseTypesAreListedForTheRegionsUsers() throws Exception {
        Api api = api();
        Api.Answer types = api.get("/api/regions/kaohsiung/case-types", "intake", "intake");
        assertEquals(types.raw(), 200, types.status());
        List<String> codes = new ArrayList<>();
        for (JsonNode t : types.body()) {
            codes.add(t.path("code").asText());
            assertFalse(t.path("nameZh").asText().isBlank());
            assertFalse(t.path("nameEn").asText().isBlank());
            assertFalse(t.path("serviceLine").asText().isBlank());
        }
        assertEquals(CASE_TYPES, codes.subList(0, CASE_TYPES.size()));
        assertEquals("兒少保護", types.body().get(codes.indexOf("child-protection")).path("nameZh").asText());
        // a user limited to Hong Kong, an unknown region, no login
        assertEquals(403, api.get("/api/regions/kaohsiung/case-types", "hkworker", "hkworker").status());
        assertEquals(404, api.get("/api/regions/atlantis/case-types", "admin", "admin").status());
        assertEquals(401, api.get("/api/regions/kaohsiung/case-types", "intake", "wrong").status());
    }

    @Test
    public void everyDistrictAndCaseTypeGoesToItsOffice() throws Exception {
        Api api = api();
        Map<String, String[]> expected = expectedOffices(api);
        assertEquals(39, expected.size()); // 37 whole districts + Fengshan's two parts
        Instant now = Instant.now().minusSeconds(120);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
            String[] key = e.getKey().split(":");
            for (String type : CASE_TYPES) {
                Api.Answer a = api.post("/api/regions/kaohsiung/intake",
                        report(nextId("all"), now, type, key[0], key.length > 1 ? key[1] : null, null, null, 7), "intake", "intake");
                if (a.status() != 201) {
                    wrong.add(e.getKey() + "/" + type + " -> HTTP " + a.status() + " " + a.raw());
                    continue;
                }
                String want = type.equals("fragile-family") ? e.getValue()[0] : e.getValue()[1];
                JsonNode decision = a.body().path("dispatch");
                if (!want.equals(decision.path("office").asText())) {
                    wrong.add(e.getKey() + "/" + type + " -> " + decision.path("office").asText() + " (want " + want + ")");
                }
                assertEquals("NEW_CASE", a.body().path("mergeRule").asText());
                assertTrue(decision.path("explanation").asText().length() > 10);
                assertEquals(8, decision.path("ruleSetVersion").asInt());
            }
        }
        assertTrue(wrong.toString(), wrong.isEmpty());
    }

    @Test
    public void fengshanWithoutPartGoesToTheManualQueueAndIsDispatchedByHand() throws Exception {
        Api api = api();
        Api.Answer a = api.post("/api/regions/kaohsiung/intake",
                report(nextId("queue"), Instant.now().minusSeconds(60), "fragile-family", "fengshan", null, null, null, 4), "intake", "intake");
        assertEquals(a.raw(), 201, a.status());
        assertTrue(a.body().path("dispatch").path("manualQueue").asBoolean());
        String caseNumber = a.body().path("caseNumber").asText();
        JsonNode queue = api.get("/api/regions/kaohsiung/cases?manualQueue=true&limit=500", "dispatcher", "dispatcher").body();
        boolean listed = false;
        for (JsonNode c : queue) {
            listed |= caseNumber.equals(c.path("caseNumber").asText());
        }
        assertTrue("not in the manual queue: " + queue, listed);
        Api.Answer hand = api.post("/api/regions/kaohsiung/cases/" + caseNumber + "/dispatch",
                "{\"office\":\"swc-fengshan-wujia\",\"reason\":\"Family lives south of Guotai Road (synthetic).\"}", "dispatcher", "dispatcher");
        assertEquals(hand.raw(), 200, hand.status());
        assertEquals("swc-fengshan-wujia", hand.body().path("office").asText());
    }

    /**
     * Issue 17: a summary with a phone number and a household reference that is a name were accepted. The platform's
     * personal-data guard (bundle safenest-privacy, HanLP inside OSGi) now refuses them field by field, as the referral
     * board does, and writes nothing. All data synthetic.
     */
    @Test
    public void refusesPersonalDataInTheSummaryAndTheReferences() throws Exception {
        Api api = api();
        String id = nextId("pd");
        String body = "{\"reportId\":\"" + id + "\",\"receivedAt\":\"" + Instant.now().minusSeconds(600)
                + "\",\"caseType\":\"child-protection\",\"district\":\"sanmin\",\"children\":[{\"age\":6,\"childRef\":\"C-1\"}],"
                + "\"householdRef\":\"王小明\",\"summary\":\"Synthetic: 學校通報案主手臂瘀青，案母聯絡電話 0912-345-678\",\"source\":\"school\"}";
        Api.Answer refused = api.post("/api/regions/kaohsiung/intake", body, "intake", "intake");
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals("invalid-input", refused.body().path("error").asText());
        Map<String, String> fields = new HashMap<>();
        for (JsonNode f : refused.body().path("fields")) {
            fields.put(f.path("field").asText(), f.path("code").asText());
        }
        assertEquals(Map.of("summary", "personal-data.phone", "householdRef", "personal-data.name"), fields);
        assertFalse(refused.raw(), refused.raw().contains("0912") || refused.raw().contains("王小明"));
        // nothing was recorded: the same report without personal data is a new report, not a replay
        Api.Answer clean = api.post("/api/regions/kaohsiung/intake", body.replace("王小明", "HH-PD-1")
                .replace("案母聯絡電話 0912-345-678", "案母表示願意配合"), "intake", "intake");
        assertEquals(clean.raw(), 201, clean.status());
        assertFalse(clean.body().path("replay").asBoolean());
        assertEquals(0, clean.body().path("warnings").size());
    }

    @Test
    public void mergesDuplicatesTransfersAndDisputes() throws Exception {
        Api api = api();
        Instant t = Instant.now().minusSeconds(600);
        String household = "HH-" + System.nanoTime();
        Api.Answer first = api.post("/api/regions/kaohsiung/intake",
                report(nextId("m"), t, "child-protection", "sanmin", null, household, "C1-" + household, 6), "intake", "intake");
        assertEquals(first.raw(), 201, first.status());
        String caseNumber = first.body().path("caseNumber").asText();
        assertTrue(caseNumber, caseNumber.matches("KH-\\d{4}-\\d{6}"));

        // same child again: joins the case in service; a sibling: merged into the household's case
        Api.Answer same = api.post("/api/regions/kaohsiung/intake",
                report(nextId("m"), t.plusSeconds(10), "child-protection", "sanmin", null, household, "C1-" + household, 6), "intake", "intake");
        assertEquals("JOINED_CASE_IN_SERVICE", same.body().path("mergeRule").asText());
        assertEquals(caseNumber, same.body().path("caseNumber").asText());
        Api.Answer sibling = api.post("/api/regions/kaohsiung/intake",
                report(nextId("m"), t.plusSeconds(20), "child-protection", "sanmin", null, household, "C2-" + household, 9), "intake", "intake");
        assertEquals("MERGED_SIBLING_CASE", sibling.body().path("mergeRule").asText());
        assertEquals(caseNumber, sibling.body().path("caseNumber").asText());

        // the same reportId again: the first answer, nothing new
        String id = nextId("dup");
        Api.Answer once = api.post("/api/regions/kaohsiung/intake", report(id, t, "fragile-family", "lingya", null, null, null, 3), "intake", "intake");
        Api.Answer twice = api.post("/api/regions/kaohsiung/intake", report(id, t, "fragile-family", "lingya", null, null, null, 3), "intake", "intake");
        assertEquals(201, once.status());
        assertEquals(200, twice.status());
        assertTrue(twice.body().path("replay").asBoolean());
        assertEquals(once.body().path("caseNumber").asText(), twice.body().path("caseNumber").asText());

        // the case shows its three reports and history; analysts may not read cases
        JsonNode view = api.get("/api/regions/kaohsiung/cases/" + caseNumber, "worker", "worker").body();
        assertEquals(3, view.path("reports").size());
        assertEquals(403, api.get("/api/regions/kaohsiung/cases/" + caseNumber, "analyst", "analyst").status());

        // a case under active treatment cannot go to fragile-family service
        Api.Answer treat = api.post("/api/regions/kaohsiung/cases/" + caseNumber + "/disposition",
                "{\"disposition\":\"CASE_MANAGEMENT\"}", "worker", "worker");
        assertEquals(treat.raw(), 200, treat.status());
        Api.Answer refused = api.post("/api/regions/kaohsiung/cases/" + caseNumber + "/transfer",
                "{\"direction\":\"CP_TO_FF\",\"ground\":\"MINOR_INJURY_LOW_RISK\"}", "worker", "worker");
        assertEquals(refused.raw(), 409, refused.status());

        // after the investigation report a child-protection case may go to fragile-family service, re-dispatched
        Api.Answer other = api.post("/api/regions/kaohsiung/intake",
                report(nextId("t"), t, "child-protection", "meinong", null, null, null, 8), "intake", "intake");
        String otherNumber = other.body().path("caseNumber").asText();
        assertEquals("pc-qishan", other.body().path("dispatch").path("office").asText());
        assertEquals(200, api.post("/api/regions/kaohsiung/cases/" + otherNumber + "/disposition",
                "{\"disposition\":\"INVESTIGATION_CONTINUING\"}", "worker", "worker").status());
        Api.Answer moved = api.post("/api/regions/kaohsiung/cases/" + otherNumber + "/transfer",
                "{\"direction\":\"CP_TO_FF\",\"ground\":\"MINOR_INJURY_LOW_RISK\"}", "worker", "worker");
        assertEquals(moved.raw(), 200, moved.status());
        assertEquals("swc-qishan", moved.body().path("office").asText());
        assertEquals("FRAGILE_FAMILY", moved.body().path("serviceLine").asText());
        assertEquals(1, moved.body().path("transfers").size());

        // a dispute that would move the fragile-family case to a protection station changes its service line: refused
        // with a field error until the dispatcher confirms it (issue 17)
        Api.Answer unconfirmed = api.post("/api/regions/kaohsiung/cases/" + otherNumber + "/dispute",
                "{\"office\":\"pc-qishan\",\"reason\":\"Synthetic: back to protection.\"}", "dispatcher", "dispatcher");
        assertEquals(unconfirmed.raw(), 400, unconfirmed.status());
        assertEquals("serviceLineChangeConfirmed", unconfirmed.body().path("fields").path(0).path("field").asText());
        assertEquals("confirmation-required", unconfirmed.body().path("fields").path(0).path("code").asText());
        assertEquals("swc-qishan", api.get("/api/regions/kaohsiung/cases/" + otherNumber, "worker", "worker").body().path("office").asText());

        // a dispatcher disputes a decision: listed for the coordination meeting, re-dispatched by hand
        Api.Answer dispute = api.post("/api/regions/kaohsiung/cases/" + otherNumber + "/dispute",
                "{\"office\":\"swc-jiaxian\",\"reason\":\"Family moved within the area (synthetic).\"}", "dispatcher", "dispatcher");
        assertTrue(dispute.raw(), dispute.status() == 200 || dispute.status() == 201);
        JsonNode disputes = api.get("/api/regions/kaohsiung/disputes?status=OPEN", "dispatcher", "dispatcher").body();
        boolean listed = false;
        for (JsonNode d : disputes) {
            listed |= otherNumber.equals(d.path("caseNumber").asText());
        }
        assertTrue(listed);
        assertEquals("swc-jiaxian", api.get("/api/regions/kaohsiung/cases/" + otherNumber, "worker", "worker").body().path("office").asText());
    }

    @Test
    public void aFollowUpNotFiledWithinTenDaysIsOverdue() throws Exception {
        Api api = api();
        // a report received and assessed long ago (synthetic): its follow-up was due 10 days after the disposition
        Api.Answer a = api.post("/api/regions/kaohsiung/intake",
                report(nextId("late"), Instant.now().minus(Duration.ofDays(30)), "child-protection", "gushan", null, null, null, 5), "intake", "intake");
        String caseNumber = a.body().path("caseNumber").asText();
        Api.Answer d = api.post("/api/regions/kaohsiung/cases/" + caseNumber + "/disposition",
                "{\"disposition\":\"INVESTIGATION_CONTINUING\"}", "worker", "worker");
        assertEquals(d.raw(), 200, d.status());
        LocalDate due = LocalDate.parse(d.body().path("followUp").path("due").asText());
        assertEquals(LocalDate.now(TAIPEI).plusDays(10), due);
        // not overdue yet
        for (JsonNode c : api.get("/api/regions/kaohsiung/cases?overdue=true&limit=1000", "worker", "worker").body()) {
            assertNotEquals(caseNumber, c.path("caseNumber").asText());
        }
    }

    @Test
    public void theRuleSetInForceAtTheReceivedTimeDecides() throws Exception {
        Api api = api();
        Map<String, Integer> byDate = Map.of("2016-05-01T02:00:00Z", 1, "2018-12-31T02:00:00Z", 2, "2019-06-01T02:00:00Z", 3,
                "2023-02-01T02:00:00Z", 8);
        for (Map.Entry<String, Integer> e : byDate.entrySet()) {
            Api.Answer a = api.post("/api/regions/kaohsiung/intake",
                    report(nextId("v"), Instant.parse(e.getKey()), "fragile-family", "zuoying", null, null, null, 4), "intake", "intake");
            assertEquals(a.raw(), 201, a.status());
            assertEquals(e.getKey(), (int) e.getValue(), a.body().path("dispatch").path("ruleSetVersion").asInt());
            assertEquals("swc-zuoying", a.body().path("dispatch").path("office").asText());
        }
        JsonNode versions = api.get("/api/regions/kaohsiung/dispatch/rule-sets", "dispatcher", "dispatcher").body();
        assertEquals(8, versions.size());
    }

    @Test
    public void badReportsAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        Api api = api();
        long before = api.get("/api/regions/kaohsiung/cases?limit=1", "admin", "admin").status() == 200
                ? count(api) : -1;
        String future = Instant.now().plus(Duration.ofDays(2)).toString();
        Api.Answer bad = api.post("/api/regions/kaohsiung/intake",
                "{\"reportId\":\"bad-" + System.nanoTime() + "\",\"receivedAt\":\"" + future + "\",\"caseType\":\"alien-abduction\","
                        + "\"district\":\"atlantis\",\"children\":[{\"age\":-3}],\"summary\":\"x\",\"source\":\"school\"}",
                "intake", "intake");
        assertEquals(bad.raw(), 400, bad.status());
        Set<String> fields = new java.util.TreeSet<>();
        bad.body().path("fields").forEach(f -> fields.add(f.path("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(Set.of("receivedAt", "caseType", "district", "children[0].age")));
        assertEquals(400, api.post("/api/regions/kaohsiung/intake", "{\"reportId\":", "intake", "intake").status());
        assertEquals(400, api.post("/api/regions/kaohsiung/intake", "{}", "intake", "intake").status());
        assertEquals(400, api.post("/api/regions/kaohsiung/intake", "{\"x\":\"" + "a".repeat(1_100_000) + "\"}", "intake", "intake").status());
        assertEquals(403, api.post("/api/regions/kaohsiung/intake",
                report(nextId("role"), Instant.now(), "fragile-family", "zuoying", null, null, null, 4), "analyst", "analyst").status());
        assertEquals(before, count(api));
    }

    private static long count(Api api) {
        // the number of cases of the region, as the API counts them (not the length of one page)
        Api.Answer a = api.get("/api/regions/kaohsiung/cases?limit=1", "admin", "admin");
        assertNotNull(a.raw(), a.header("X-Total-Count"));
        return Long.parseLong(a.header("X-Total-Count"));
    }
}
