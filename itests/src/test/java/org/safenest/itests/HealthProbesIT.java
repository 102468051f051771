package org.safenest.itests;

import static org.junit.Assume.assumeFalse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The load-balancer probes against the distribution run as an operator runs it: {@code /api/health/live} and
 * {@code /api/health/ready} answer without a login and say only UP or DOWN; readiness is DOWN while the database
 * cannot be reached (the DataSource points at a database that does not exist) and while a region bundle cannot be
 * loaded, and UP again once the operator fixed either; every other path still needs a login; probes are not audited.
 */
public class HealthProbesIT {

    private static final String DATASOURCE = "etc/org.ops4j.datasource-safenest.cfg";
    private Distribution distribution;

    @BeforeClass
    public static void onDerbyOnly() {
        assumeFalse("the test breaks and mends the embedded Derby DataSource; it runs in the Derby run", TestDatabase.postgresql());
    }

    @Before
    public void unpack() throws Exception {
        distribution = new Distribution("health-probes-it");
    }

    @After
    public void stop() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    public void readinessFollowsTheDatabaseAndTheRegionsAndNeedsNoLogin() throws Exception {
        Api api = new Api(distribution.port);
        // the database the DataSource names does not exist (and is not created): nothing can be stored
        // (etc/ gets the DataSource file at the first start; written here first, the feature keeps it)
        Files.writeString(distribution.home.resolve(DATASOURCE), String.join("\n", "osgi.jdbc.driver.name = derby",
                "dataSourceName = safenest", "osgi.jndi.service.name = safenest", "url = jdbc:derby:${karaf.data}/derby/absent",
                "pool = dbcp2", "xa = true", "pool.maxTotal = 16", ""));
        distribution.start();

        await(api, "/api/health/live", 200, Duration.ofSeconds(180));
        for (int i = 0; i < 3; i++) {
            Api.Answer ready = api.get("/api/health/ready", null, null);
            assertEquals(ready.raw(), 503, ready.status());
            assertEquals("{\"status\":\"DOWN\"}", ready.raw());
            Thread.sleep(1000);
        }
        Api.Answer live = api.get("/api/health/live", null, null);
        assertEquals("{\"status\":\"UP\"}", live.raw());
        assertTrue(live.header("Cache-Control"), live.header("Cache-Control").contains("no-store"));

        // the operator fixes the DataSource: ready without a restart
        distribution.set(DATASOURCE, "url", "jdbc:derby:${karaf.data}/derby/safenest;create=true");
        await(api, "/api/health/ready", 200, Duration.ofSeconds(180));
        assertEquals("{\"status\":\"UP\"}", api.get("/api/health/ready", null, null).raw());
        api.awaitUp(2, Duration.ofSeconds(180));
        JsonNode checks = checks(api);
        assertEquals("UP", checks.path("ready").asText());
        assertEquals("OK", check(checks, "Safenest database").path("status").asText());
        assertEquals("OK", check(checks, "Safenest regions").path("status").asText());
        assertEquals("OK", check(checks, "OSGi framework started").path("status").asText());
        assertEquals("OK", check(checks, "Karaf boot features installed").path("status").asText());
        assertEquals("OK", check(checks, "Safenest core components").path("status").asText());
        assertEquals("OK", check(checks, "Safenest bundles started").path("status").asText());
        assertFalse(check(checks, "Disk space of data/").isMissingNode());
        assertFalse(check(checks, "Java heap").isMissingNode());
        assertFalse(check(checks, "Safenest outbox lag").isMissingNode());
        assertEquals("only administrators see the checks", 403, api.get("/api/health/checks", "worker", "worker").status());

        // the exemption is exactly the two probes (while the database was down, refusals could not be audited: 500)
        for (String path : new String[] {"/api/health", "/api/health/checks", "/api/health/ready/", "/api/health/live/x",
                "/api/health/ready;x=1", "/api/regions", "/api/audit"}) {
            assertEquals(path, 401, api.get(path, null, null).status());
        }
        assertEquals(401, api.post("/api/health/ready", "{}", null, null).status());

        // a region bundle whose data cannot be loaded: not ready until it is removed
        Path broken = distribution.home.resolve("deploy/safenest-region-broken-it.jar");
        writeBrokenRegionBundle(broken);
        await(api, "/api/health/ready", 503, Duration.ofSeconds(120));
        JsonNode region = check(checks(api), "Safenest regions");
        for (int i = 0; i < 120 && !region.path("status").asText().equals("CRITICAL"); i++) {
            Thread.sleep(500); // installed, then started and found broken
            region = check(checks(api), "Safenest regions");
        }
        assertEquals(region.toString(), "CRITICAL", region.path("status").asText());
        assertTrue(region.toString(), region.path("messages").toString().contains("safenest-region-broken-it"));
        Files.delete(broken);
        await(api, "/api/health/ready", 200, Duration.ofSeconds(120));

        // probes are not audited; other anonymous requests are
        JsonNode audit = api.get("/api/audit?actor=anonymous&limit=1000", "admin", "admin").body();
        boolean probeAudited = false;
        boolean refusalAudited = false;
        for (JsonNode r : audit.path("records")) {
            String action = r.path("action").asText();
            probeAudited |= action.equals("GET /api/health/ready") || action.equals("GET /api/health/live");
            refusalAudited |= action.equals("GET /api/health/checks");
        }
        assertFalse("a probe was written to the audit log", probeAudited);
        assertTrue("the refused anonymous request was not audited", refusalAudited);
    }

    private static JsonNode checks(Api api) {
        Api.Answer a = api.get("/api/health/checks", "admin", "admin");
        assertEquals(a.raw(), 200, a.status());
        return a.body();
    }

    private static JsonNode check(JsonNode checks, String name) {
        for (JsonNode c : checks.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Waits until an unauthenticated GET of {@code path} answers {@code status}. */
    static void await(Api api, String path, int status, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Api.Answer last = null;
        while (System.nanoTime() < end) {
            last = api.get(path, null, null);
            if (last.status() == status) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + "; last: "
                + (last == null ? "none" : last.status() + " " + last.raw()));
    }

    /** A bundle that says it holds region data ({@code Safenest-Region}) but does not have the file it names. */
    private static void writeBrokenRegionBundle(Path jar) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "safenest-region-broken-it");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Safenest-Region", "safenest-region/region.properties");
        Path tmp = jar.getParent().resolveSibling(jar.getFileName() + ".tmp"); // outside deploy/, then moved in
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m)) {
            // no entries: region.properties is missing
        }
        Files.move(tmp, jar);
    }
}
