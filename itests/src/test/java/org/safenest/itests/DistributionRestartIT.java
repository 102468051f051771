package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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

    private Distribution distribution;

    @Before
    public void unpack() throws Exception {
        distribution = new Distribution("restart-it");
    }

    @After
    public void stop() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    public void dataSurvivesARestart() throws Exception {
        Path home = distribution.home;
        Api api = new Api(distribution.port);
        distribution.start();
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

        distribution.stop();
        distribution.start();
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
}
