package org.safenest.itests;

import static org.junit.Assume.assumeFalse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An online backup under intake load, restored into a fresh distribution as the README says: clients post (synthetic)
 * reports while {@code POST /api/backups} runs; a newly unpacked distribution with the backup's {@code safenest}
 * folder copied to {@code data/derby/safenest} starts with every report that was acknowledged before the backup
 * began.
 */
public class BackupRestoreIT {

    private static final int CLIENTS = 4;
    private final List<Distribution> distributions = new ArrayList<>();

    @BeforeClass
    public static void onDerbyOnly() {
        assumeFalse("backups with Derby's own procedure are for the embedded database; on PostgreSQL backups are pg_dump's (README)", TestDatabase.postgresql());
    }

    @After
    public void stop() throws Exception {
        for (Distribution d : distributions) {
            d.close();
        }
    }

    @Test
    public void aBackupTakenUnderLoadRestoresEveryReportAcknowledgedBeforeIt() throws Exception {
        Distribution live = new Distribution("backup-it-live");
        distributions.add(live);
        Api api = new Api(live.port);
        live.start();
        api.awaitUp(2, Duration.ofSeconds(180));

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicReference<String> refused = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    String reportId = "backup-" + UUID.randomUUID();
                    // SYNTHETIC report: no real person.
                    Api.Answer a = api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"" + reportId
                            + "\",\"receivedAt\":\"2026-03-02T02:00:00Z\",\"caseType\":\"fragile-family\",\"district\":\"鳳山區\","
                            + "\"districtPart\":\"south\",\"children\":[{\"age\":6}],\"summary\":\"Synthetic report during a backup\","
                            + "\"source\":\"school\"}", "intake", "intake");
                    if (a.status() == 201) {
                        acknowledged.put(reportId, a.body().path("caseNumber").asText());
                    } else {
                        refused.set(a.status() + " " + a.raw());
                    }
                }
            }, "client " + i);
            clients.add(t);
            t.start();
        }
        for (int i = 0; i < 240 && acknowledged.isEmpty(); i++) {
            Thread.sleep(500); // intake answers once its dispatch rules are published
        }
        Thread.sleep(5_000);
        Map<String, String> beforeBackup = Map.copyOf(acknowledged);
        Api.Answer backup = api.post("/api/backups", "", "admin", "admin");
        int duringBackup = acknowledged.size() - beforeBackup.size();
        running.set(false);
        for (Thread t : clients) {
            t.join(60_000);
        }
        assertEquals(backup.raw(), 201, backup.status());
        assertTrue("only " + beforeBackup.size() + " reports before the backup; last refusal: " + refused.get(),
                beforeBackup.size() > 20);
        Path folder = Path.of(backup.body().path("folder").asText());
        assertEquals(live.home.resolve("backup"), folder.getParent());
        assertTrue(backup.raw(), backup.body().path("bytes").asLong() > 0);
        JsonNode listed = api.get("/api/backups", "admin", "admin").body();
        assertEquals(backup.body().path("name").asText(), listed.path("backups").get(0).path("name").asText());
        assertEquals(403, api.post("/api/backups", "", "intake", "intake").status());
        assertEquals(401, api.post("/api/backups", "", null, null).status());
        System.out.printf("Backup: %d reports acknowledged before it began, %d while it ran; %d bytes in %d ms%n",
                beforeBackup.size(), duringBackup, backup.body().path("bytes").asLong(), backup.body().path("millis").asLong());
        live.stop();

        // restore into a fresh distribution: copy the backup's database folder to data/derby/safenest, start
        Distribution restored = new Distribution("backup-it-restored");
        distributions.add(restored);
        copyTree(folder.resolve("safenest"), restored.home.resolve("data/derby/safenest"));
        Api api2 = new Api(restored.port);
        restored.start();
        api2.awaitUp(2, Duration.ofSeconds(180));
        int missing = 0;
        for (String caseNumber : beforeBackup.values()) {
            if (api2.get("/api/regions/kaohsiung/cases/" + caseNumber, "admin", "admin").status() != 200) {
                missing++;
            }
        }
        assertEquals("reports acknowledged before the backup began that are not in the restored database", 0, missing);
        long cases = NothingLostIT.total(api2, "/api/regions/kaohsiung/cases?limit=1");
        assertTrue(cases + " cases restored", cases >= beforeBackup.size());
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
