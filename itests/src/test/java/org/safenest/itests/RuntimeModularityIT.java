package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkUtil;

/**
 * What a user lives through <em>while</em> IT staff change the platform at run time. Clients probe every other
 * capability's endpoints at 10 Hz and four intake clients keep posting (synthetic) reports while features are
 * uninstalled and installed exactly as {@code feature:uninstall} / {@code feature:install} do it (with Karaf's
 * automatic refresh on), a plugin KAR is dropped into {@code deploy/} and deleted again, a region's data is
 * reloaded and the active allocation strategy is switched. Nothing that
 * was not removed may answer anything but 2xx; a removed capability answers 404 with the API's JSON error; no
 * bundle outside the feature operated on is stopped.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeModularityIT {

    private static final String PORT_PROPERTY = "safenest.itest.http.port";

    /** The endpoints probed, and the feature that serves each one where a test removes it. */
    private static final Map<String, String> PROBED = new TreeMap<>(Map.of(
            "/api/health", "",
            "/api/regions/kaohsiung/districts", "",
            "/api/regions/kaohsiung/cases?limit=5", "safenest-intake",
            "/api/regions/kaohsiung/dispatch/rule-sets", "safenest-dispatch",
            "/api/regions/hong-kong/allocation/strategies", "safenest-allocation",
            "/api/regions/hong-kong/preschools?district=islands", "",
            "/api/regions/kaohsiung/statistics", "safenest-reporting",
            "/api/regions/kaohsiung/referral-meetings", "safenest-referral-board",
            "/api/web/pages", "safenest-web"));

    @Configuration
    public Option[] config() {
        int port = SafenestTestSupport.freePort();
        return OptionUtils.combine(SafenestTestSupport.options(port), systemProperty(PORT_PROPERTY).value(Integer.toString(port)));
    }

    /** One answer a client saw: when, to what, during which operation, and what. */
    record Seen(String operation, String path, int status, String body) {
    }

    /** The probing clients and the intake clients, with what they saw. */
    static final class Load implements AutoCloseable {
        final Api api = new Api(Integer.getInteger(PORT_PROPERTY));
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final ConcurrentLinkedQueue<Seen> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Seen> removedAnswers = new ConcurrentLinkedQueue<>();
        final AtomicInteger probes = new AtomicInteger();
        final AtomicInteger reports = new AtomicInteger();
        volatile String operation = "idle";
        /** The feature that is being removed or is absent: its endpoints may answer 404. */
        volatile String absent = "";

        Load start() {
            for (Map.Entry<String, String> e : PROBED.entrySet()) {
                threads.add(new Thread(() -> probe(e.getKey(), e.getValue()), "probe " + e.getKey()));
            }
            for (int i = 0; i < 4; i++) {
                threads.add(new Thread(this::post, "intake client " + i));
            }
            threads.forEach(Thread::start);
            return this;
        }

        private void probe(String path, String feature) {
            while (running.get()) {
                long started = System.nanoTime();
                String op = operation;
                boolean mayBeAbsent = !feature.isEmpty() && feature.equals(absent);
                Api.Answer a = api.get(path, "admin", "admin");
                probes.incrementAndGet();
                boolean stillAbsent = !feature.isEmpty() && feature.equals(absent);
                if (a.status() / 100 != 2) {
                    Seen seen = new Seen(op, path, a.status(), a.raw() == null ? "" : a.raw().substring(0, Math.min(160, a.raw().length())));
                    if (mayBeAbsent || stillAbsent) {
                        removedAnswers.add(seen);
                    } else {
                        failures.add(seen);
                    }
                }
                sleepRest(started, 100);
            }
        }

        private void post() {
            while (running.get()) {
                String op = operation;
                // SYNTHETIC report: no real person.
                String body = "{\"reportId\":\"modularity-" + UUID.randomUUID() + "\",\"receivedAt\":\"2026-03-02T02:00:00Z\","
                        + "\"caseType\":\"fragile-family\",\"district\":\"鳳山區\",\"districtPart\":\"south\","
                        + "\"children\":[{\"age\":4}],\"summary\":\"Synthetic report while features change\",\"source\":\"school\"}";
                Api.Answer a = api.post("/api/regions/kaohsiung/intake", body, "intake", "intake");
                if (a.status() == 201) {
                    reports.incrementAndGet();
                } else {
                    failures.add(new Seen(op, "POST /api/regions/kaohsiung/intake", a.status(),
                            a.raw() == null ? "" : a.raw().substring(0, Math.min(160, a.raw().length()))));
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }
    }

    private static void sleepRest(long startedNanos, long periodMillis) {
        long rest = periodMillis - (System.nanoTime() - startedNanos) / 1_000_000;
        if (rest > 0) {
            try {
                Thread.sleep(rest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(RuntimeModularityIT.class).getBundleContext();
    }

    private static FeaturesService features() throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            var ref = context().getServiceReference(FeaturesService.class);
            if (ref != null) {
                return context().getService(ref);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no FeaturesService");
    }

    /** Records every bundle that is stopped, so that a refresh cascade cannot pass unnoticed. */
    static final class Stops implements BundleListener, AutoCloseable {
        final Set<String> stopped = Collections.synchronizedSet(new TreeSet<>());

        Stops() {
            context().addBundleListener(this);
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            if (event.getType() == BundleEvent.STOPPING || event.getType() == BundleEvent.UNRESOLVED) {
                stopped.add(event.getBundle().getSymbolicName());
            }
        }

        Set<String> takeAll() {
            synchronized (stopped) {
                Set<String> copy = new TreeSet<>(stopped);
                stopped.clear();
                return copy;
            }
        }

        @Override
        public void close() {
            context().removeBundleListener(this);
        }
    }

    /** Uninstalls a feature as the console does (automatic refresh on), keeps it away a while, installs it again. */
    private static void removeAndAdd(Load load, Stops stops, String feature, Set<String> itsBundles) throws Exception {
        FeaturesService features = features();
        load.operation = "feature:uninstall " + feature;
        load.absent = feature;
        features.uninstallFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        Thread.sleep(1500);
        load.operation = "feature:install " + feature;
        features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        awaitServed(load.api, feature);
        load.absent = "";
        load.operation = "after " + feature;
        Thread.sleep(1000);
        Set<String> stopped = stops.takeAll();
        assertEquals("bundles stopped by uninstalling and installing " + feature, itsBundles, stopped);
    }

    /** Waits until the endpoints of a feature answer again after it was installed. */
    private static void awaitServed(Api api, String feature) throws InterruptedException {
        for (Map.Entry<String, String> e : PROBED.entrySet()) {
            if (!e.getValue().equals(feature)) {
                continue;
            }
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (api.get(e.getKey(), "admin", "admin").status() != 200) {
                assertTrue(e.getKey() + " did not come back after feature:install " + feature, System.nanoTime() < end);
                Thread.sleep(50);
            }
        }
    }

    /** Waits until Hong Kong's strategies include (or no longer include) a strategy. */
    private static void awaitStrategy(Api api, String id, boolean present) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Api.Answer a = api.get("/api/regions/hong-kong/allocation/strategies", "admin", "admin");
            boolean found = false;
            for (var s : a.body().path("available")) {
                found |= id.equals(s.path("id").asText());
            }
            if (found == present) {
                return;
            }
            assertTrue("strategy " + id + (present ? " did not appear" : " did not go"), System.nanoTime() < end);
            Thread.sleep(100);
        }
    }

    @Test
    public void nothingElseFailsWhileCapabilitiesAreRemovedAndAdded() throws Exception {
        new Api(Integer.getInteger(PORT_PROPERTY)).awaitUp(2, Duration.ofSeconds(180));
        try (Stops stops = new Stops(); Load load = new Load().start()) {
            Thread.sleep(2000);
            removeAndAdd(load, stops, "safenest-allocation-hkcss", Set.of("safenest-allocation-hkcss"));
            removeAndAdd(load, stops, "safenest-referral-board", Set.of("safenest-referral-board"));
            removeAndAdd(load, stops, "safenest-reporting", Set.of("safenest-reporting"));

            // The example plugin as an integrator delivers it: its KAR copied into deploy/, then the file deleted.
            File kar = SafenestTestSupport.exampleKar();
            Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", kar.getName());
            load.operation = "KAR copied into deploy/";
            Files.copy(kar.toPath(), deployed);
            awaitStrategy(load.api, "example-nearest", true);
            load.operation = "KAR deleted from deploy/";
            Files.delete(deployed);
            awaitStrategy(load.api, "example-nearest", false);
            Thread.sleep(1000);
            assertEquals(Set.of("safenest-allocation-example"), stops.takeAll());

            // A region's reference data reloaded from its bundle while it is being read.
            load.operation = "reload hong-kong";
            Api.Answer reload = load.api.post("/api/regions/hong-kong/reload", "{}", "admin", "admin");
            assertEquals(reload.raw(), 200, reload.status());
            Thread.sleep(1000);

            // The active strategy switched every 250 ms while plans are computed.
            load.operation = "switching the active strategy";
            List<String> strategies = List.of("retain", "district", "hkcss", "needs-weighted", "optimal");
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String s = strategies.get(i % strategies.size());
                Api.Answer put = load.api.put("/api/regions/hong-kong/allocation/active-strategy", "{\"strategy\":\"" + s + "\"}", "admin", "admin");
                if (put.status() != 200) {
                    refused.add(s + ": " + put.status() + " " + put.raw());
                }
                if (i % 4 == 0) {
                    Api.Answer plan = load.api.post("/api/regions/hong-kong/allocation/plans", "{}", "supervisor", "supervisor");
                    if (plan.status() / 100 != 2) {
                        refused.add("plan: " + plan.status() + " " + plan.raw());
                    }
                }
                Thread.sleep(250);
            }
            assertEquals("strategy switches or plans refused", List.of(), refused);
            assertEquals("bundles stopped by switching strategies", Set.of(), stops.takeAll());
            load.operation = "done";
            Thread.sleep(500);
            load.close();

            List<Seen> failures = new ArrayList<>(load.failures);
            System.out.printf("Runtime modularity: %d probes, %d reports accepted, %d non-2xx from what stayed, %d JSON 404 from what was removed%n",
                    load.probes.get(), load.reports.get(), failures.size(), load.removedAnswers.size());
            assertEquals("non-2xx answers from what was not removed (of " + load.probes.get() + " probes and "
                    + load.reports.get() + " reports): " + failures.subList(0, Math.min(10, failures.size())), 0, failures.size());
            // The clients did their work: 10 Hz on every endpoint over well over 15 s, and reports kept coming.
            assertTrue("only " + load.probes.get() + " probes", load.probes.get() > PROBED.size() * 150);
            assertTrue("only " + load.reports.get() + " reports", load.reports.get() > 100);

            // While removed, a capability answers the API's JSON 404, not an HTML page, not a 405.
            Set<String> sawRemoved = new TreeSet<>();
            for (Seen s : load.removedAnswers) {
                assertEquals(s.toString(), 404, s.status());
                assertTrue(s.toString(), s.body().startsWith("{\"status\":404,\"error\":\"not-found\""));
                sawRemoved.add(s.path());
            }
            assertEquals(Set.of("/api/regions/kaohsiung/referral-meetings", "/api/regions/kaohsiung/statistics"), sawRemoved);

            // Reporting was uninstalled and installed again while reports kept coming: its figures are complete,
            // because it reads the outbox from where it stopped.
            NothingLostIT.awaitStatistics(load.api);
            long cases = NothingLostIT.total(load.api, "/api/regions/kaohsiung/cases?limit=1");
            assertTrue(cases >= load.reports.get());
            assertEquals("intake-volume after reporting was reinstalled", cases, NothingLostIT.sum(load.api, "intake-volume", 1));
            assertEquals("dispatch-decisions after reporting was reinstalled", cases, NothingLostIT.sum(load.api, "dispatch-decisions", 1));
        }
    }
}
