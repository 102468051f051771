package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.kar.KarService;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Team allocation in the assembled distribution: the five strategies compared on Hong Kong, the active strategy
 * switched while plans are being computed, a strategy feature installed and removed at run time, a plan adopted.
 * Pupil numbers and the current assignment are synthetic.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AllocationIT {

    private static final String PORT_PROPERTY = "safenest.itest.http.port";
    private static final List<String> FIVE = List.of("retain", "district", "hkcss", "needs-weighted", "optimal");
    private static final String BASE = "/api/regions/hong-kong/allocation";

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

    private static FeaturesService features() throws InterruptedException {
        return service(FeaturesService.class);
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(AllocationIT.class).getBundleContext();
        for (int i = 0; i < 120; i++) {
            var ref = ctx.getServiceReference(type);
            if (ref != null) {
                return ctx.getService(ref);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type.getName());
    }

    @Test
    public void theFiveStrategiesAreComparedSideBySide() throws Exception {
        Api api = api();
        Api.Answer a = api.post(BASE + "/compare", "{\"strategies\":[\"retain\",\"district\",\"hkcss\",\"needs-weighted\",\"optimal\"]}",
                "analyst", "analyst");
        assertEquals(a.raw(), 200, a.status());
        assertTrue(a.body().path("synthetic").asBoolean());
        List<String> strategies = new ArrayList<>();
        for (JsonNode plan : a.body().path("plans")) {
            strategies.add(plan.path("strategy").asText());
            assertTrue(plan.path("metrics").isObject());
            // coverage: every unit a plan leaves is listed with its reason
            JsonNode m = plan.path("metrics");
            assertEquals(m.toString().substring(0, 200), m.path("unservedUnits").asInt(), m.path("unserved").size());
            assertTrue(m.path("workers").asInt() > 0);
            if (plan.path("strategy").asText().equals("needs-weighted")) {
                // coverage first: the half teams that serve every unit by district, whatever the current assignment
                assertEquals(0, m.path("unservedUnits").asInt());
                assertEquals(544, m.path("workers").asInt());
            }
        }
        assertEquals(FIVE, strategies);
        // the continuity-balance frontier: two optimised points, then the four other strategies
        Api.Answer frontier = api.get(BASE + "/frontier?balance=0,5", "analyst", "analyst");
        assertEquals(frontier.raw(), 200, frontier.status());
        assertEquals(6, frontier.body().path("points").size());
        assertTrue(frontier.body().path("points").get(0).path("optimised").asBoolean());
        assertTrue(frontier.body().path("points").get(1).path("imbalance").asDouble()
                <= frontier.body().path("points").get(0).path("imbalance").asDouble());
        // the HKCSS phasing: two stages, the second serving every unit, the move between them costed
        Api.Answer phase = api.get(BASE + "/phase-in/hkcss", "analyst", "analyst");
        assertEquals(phase.raw(), 200, phase.status());
        assertEquals(2, phase.body().path("stages").size());
        // stage 1: the units served now, topped up to 780 (all 1,040 when a plan adopted by another test serves every unit)
        int first = phase.body().path("stages").get(0).path("unitsInScope").asInt();
        assertTrue(String.valueOf(first), first >= 780);
        assertEquals(1040, phase.body().path("stages").get(1).path("unitsInScope").asInt());
        assertEquals(0, phase.body().path("stages").get(1).path("plan").path("metrics").path("unservedUnits").asInt());
        assertEquals(1040 - first, phase.body().path("stages").get(1).path("fromPrevious").path("unitsAdded").asInt());
        assertEquals(403, api.get(BASE + "/phase-in/hkcss", "worker", "worker").status());
        Api.Answer csv = api.post(BASE + "/compare?format=csv", "{\"strategies\":[\"retain\",\"optimal\"]}", "analyst", "analyst");
        assertEquals(200, csv.status());
        assertTrue(csv.raw(), csv.raw().lines().count() >= 3);
    }

    @Test
    public void switchingTheActiveStrategyFailsNoRequestInFlight() throws Exception {
        Api api = api();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(pool.submit(() -> {
                List<String> failures = new ArrayList<>();
                int n = 0;
                while (!stop.get() && n < 40) {
                    Api.Answer r = api.post(BASE + "/plans", "{}", "supervisor", "supervisor");
                    if (r.status() != 201) {
                        failures.add(r.status() + " " + r.raw());
                    }
                    n++;
                }
                return failures;
            }));
        }
        for (String s : List.of("district", "hkcss", "needs-weighted", "optimal", "retain")) {
            Api.Answer put = api.put(BASE + "/active-strategy", "{\"strategy\":\"" + s + "\"}", "admin", "admin");
            assertEquals(put.raw(), 200, put.status());
            Thread.sleep(400);
        }
        stop.set(true);
        List<String> failures = new ArrayList<>();
        for (Future<List<String>> f : workers) {
            failures.addAll(f.get());
        }
        pool.shutdown();
        assertTrue(failures.toString(), failures.isEmpty());
        assertEquals("retain", api.get(BASE + "/strategies", "admin", "admin").body().path("active").asText());
    }

    @Test
    public void aStrategyKarInstalledAtRunTimeIsSelectableAndItsRemovalFallsBack() throws Exception {
        Api api = api();
        // as IT staff do with kar:install file:/.../safenest-allocation-example-kar-VERSION.kar
        KarService kars = service(KarService.class);
        java.io.File kar = SafenestTestSupport.exampleKar();
        kars.install(kar.toURI());
        assertTrue(kars.list().toString(), kars.list().contains(SafenestTestSupport.karName(kar)));
        Api.Answer plan = null;
        for (int i = 0; i < 40; i++) {
            plan = api.post(BASE + "/plans", "{\"strategy\":\"example-nearest\"}", "supervisor", "supervisor");
            if (plan.status() == 201) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(plan.raw(), 201, plan.status());
        assertEquals(200, api.put(BASE + "/active-strategy", "{\"strategy\":\"example-nearest\"}", "admin", "admin").status());
        kars.uninstall(SafenestTestSupport.karName(kar));
        // the KAR's features repository went with it
        assertNull(features().getFeature("safenest-allocation-example"));
        // the active strategy is gone: the configured fallback answers, no crash
        Api.Answer fallback = api.post(BASE + "/plans", "{}", "supervisor", "supervisor");
        assertEquals(fallback.raw(), 201, fallback.status());
        assertEquals("retain", fallback.body().path("plan").path("strategy").asText());
        assertEquals(200, api.put(BASE + "/active-strategy", "{\"strategy\":\"retain\"}", "admin", "admin").status());
        Api.Answer unknown = api.post(BASE + "/plans", "{\"strategy\":\"example-nearest\"}", "supervisor", "supervisor");
        assertEquals(unknown.raw(), 404, unknown.status());
    }

    @Test
    public void aSupervisorAdoptsAPlanAndThePreviousIsKept() throws Exception {
        Api api = api();
        Api.Answer first = api.post(BASE + "/plans", "{\"strategy\":\"hkcss\"}", "supervisor", "supervisor");
        Api.Answer second = api.post(BASE + "/plans", "{\"strategy\":\"optimal\"}", "supervisor", "supervisor");
        assertEquals(201, first.status());
        assertEquals(201, second.status());
        String a = first.body().path("id").asText();
        String b = second.body().path("id").asText();
        assertEquals(403, api.post(BASE + "/plans/" + a + "/adopt", "", "analyst", "analyst").status());
        assertEquals(200, api.post(BASE + "/plans/" + a + "/adopt", "", "supervisor", "supervisor").status());
        assertEquals(409, api.post(BASE + "/plans/" + a + "/adopt", "", "supervisor", "supervisor").status());
        assertEquals(200, api.post(BASE + "/plans/" + b + "/adopt", "", "supervisor", "supervisor").status());
        assertEquals(b, api.get(BASE + "/current", "worker", "worker").body().path("id").asText());
        assertEquals(200, api.get(BASE + "/plans/" + a, "worker", "worker").status());
        // the cases to inform: supervisors and admins only, against the plan the adoption replaced
        assertEquals(403, api.get(BASE + "/plans/" + b + "/cases-to-inform", "analyst", "analyst").status());
        Api.Answer cases = api.get(BASE + "/plans/" + b + "/cases-to-inform", "supervisor", "supervisor");
        assertEquals(cases.raw(), 200, cases.status());
        assertEquals(b, cases.body().path("planId").asText());
        assertEquals("plan " + a, cases.body().path("before").asText());
        assertEquals(cases.body().path("unitCount").asInt(), cases.body().path("units").size());
        Api.Answer casesCsv = api.get(BASE + "/plans/current/cases-to-inform?format=csv", "admin", "admin");
        assertEquals(casesCsv.raw(), 200, casesCsv.status());
        assertTrue(casesCsv.raw(), casesCsv.raw().startsWith("# Cases to inform: plan " + b));
        String proposed = api.post(BASE + "/plans", "{\"strategy\":\"retain\"}", "supervisor", "supervisor").body().path("id").asText();
        assertEquals(409, api.get(BASE + "/plans/" + proposed + "/cases-to-inform", "supervisor", "supervisor").status());
        // the publishable report: the workbook (a ZIP) and the printable page, bundle-embedded fastexcel and Java2D in Karaf
        // (a minute allowed: the report runs every strategy, and the optimiser nine more times for the frontier)
        Api.Answer xlsx = api.request("GET", BASE + "/export.xlsx", null, basic("analyst"));
        assertEquals(xlsx.raw().length() > 300 ? xlsx.raw().substring(0, 300) : xlsx.raw(), 200, xlsx.status());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertTrue(xlsx.raw().startsWith("PK"));
        Api.Answer page = api.request("GET", BASE + "/report.html", null, basic("supervisor"));
        assertEquals(200, page.status());
        assertTrue(page.raw().contains("<svg") && page.raw().contains("合成數據") && page.raw().contains("@media print"));
        assertEquals(403, api.get(BASE + "/export.xlsx", "worker", "worker").status());
        boolean audited = false;
        for (JsonNode r : api.get("/api/audit?limit=200", "admin", "admin").body().path("records")) {
            audited |= r.path("action").asText().contains("adopt") && r.path("outcome").asText().equals("SUCCESS");
        }
        assertTrue(audited);
    }

    /** The login header of a demo user whose password is its name. */
    private static java.util.Map<String, String> basic(String user) {
        return java.util.Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
