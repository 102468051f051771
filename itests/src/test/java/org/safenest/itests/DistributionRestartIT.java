package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Unpacks the distribution, starts it with {@code bin/start} as an operator would, changes data, stops it with
 * {@code bin/stop}, starts it again and checks that nothing was lost: the audit log, and region data an operator
 * replaced from a folder (which must not be overwritten by the region bundle at start).
 */
public class DistributionRestartIT {

    private Path home;
    private int port;

    @Before
    public void unpack() throws Exception {
        Path target = Path.of("target", "restart-it");
        deleteTree(target);
        Files.createDirectories(target);
        run(target, "tar", "xzf", SafenestTestSupport.distribution().getAbsolutePath());
        try (Stream<Path> s = Files.list(target)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow().toAbsolutePath();
        }
        port = SafenestTestSupport.freePort();
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + port);
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + SafenestTestSupport.freePort());
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + SafenestTestSupport.freePort(),
                "rmiServerPort = " + SafenestTestSupport.freePort());
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            shutdown();
        }
    }

    @Test
    public void dataSurvivesARestart() throws Exception {
        Api api = new Api(port);
        start();
        api.awaitUp(2, Duration.ofSeconds(180));

        // An operator replaces Hong Kong's data from a folder with one more (synthetic) indicator.
        Path folder = home.resolve("hong-kong-update");
        Files.createDirectories(folder);
        Path shipped = Path.of("..", "bundles", "region-hong-kong", "src", "main", "resources", "safenest-region");
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Files.writeString(folder.resolve("region.properties"), "\nindicators.3.file = extra.csv\nindicators.3.format = indicators-csv\n",
                StandardOpenOption.APPEND);
        // SYNTHETIC test figure, not real data.
        Files.writeString(folder.resolve("extra.csv"), "district,indicator,value,unit,period,source\n"
                + "islands,synthetic-test-indicator,42,count,2026,synthetic test data\n");
        Api.Answer reload = api.post("/api/regions/hong-kong/reload",
                "{\"folder\":\"" + folder.toString().replace("\\", "\\\\") + "\"}", "admin", "admin");
        assertEquals(reload.raw(), 200, reload.status());
        assertEquals(37, reload.body().path("counts").path("indicators").asInt());
        assertTrue(reload.raw(), reload.body().path("source").asText().startsWith("folder "));
        String kaohsiungLoadedAt = api.get("/api/regions/kaohsiung", "admin", "admin").body().path("loadedAt").asText();
        long auditBefore = api.get("/api/audit?limit=1", "admin", "admin").body().path("total").asLong();
        assertTrue(auditBefore > 3);

        shutdown();
        start();
        api.awaitUp(2, Duration.ofSeconds(180));

        JsonNode hk = api.get("/api/regions/hong-kong", "admin", "admin").body();
        assertEquals("replaced data was overwritten at start", 37, hk.path("counts").path("indicators").asInt());
        assertEquals(1040, hk.path("counts").path("preschools").asInt());
        assertTrue(hk.toString(), hk.path("source").asText().startsWith("folder "));
        Api.Answer extra = api.get("/api/regions/hong-kong/indicators?indicator=synthetic-test-indicator", "admin", "admin");
        assertEquals(1, extra.body().size());
        assertEquals(42.0, extra.body().get(0).path("value").asDouble(), 0.0);
        assertEquals("unchanged region data was loaded again", kaohsiungLoadedAt,
                api.get("/api/regions/kaohsiung", "admin", "admin").body().path("loadedAt").asText());
        JsonNode audit = api.get("/api/audit?limit=1000", "admin", "admin").body();
        assertTrue(audit.path("total").asLong() > auditBefore);
        boolean reloadAudited = false;
        for (JsonNode r : audit.path("records")) {
            reloadAudited |= r.path("action").asText().equals("POST /api/regions/hong-kong/reload")
                    && r.path("outcome").asText().equals("SUCCESS");
        }
        assertTrue("the audit record of the reload before the restart is gone", reloadAudited);
    }

    private void start() throws Exception {
        run(home, "bin/start");
    }

    private void shutdown() throws Exception {
        Path pidFile = home.resolve("karaf.pid");
        String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : null;
        run(home, "bin/stop");
        if (pid == null || pid.isEmpty()) {
            return;
        }
        ProcessHandle process = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        if (process == null) {
            return;
        }
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    private void append(String file, String... lines) throws IOException {
        Path p = home.resolve(file);
        Files.writeString(p, "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/restart-it.log"))).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        assertEquals(String.join(" ", command) + " failed; see target/restart-it.log", 0, p.exitValue());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
