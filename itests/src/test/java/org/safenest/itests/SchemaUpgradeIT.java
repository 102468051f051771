package org.safenest.itests;

import static org.junit.Assume.assumeFalse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An agency upgrades: the new distribution starts on a Derby database made by release 0.1 (tables created by
 * EclipseLink, no migration history; {@code src/test/resources/upgrade/README.md} says how it was made). The schema
 * migrations adopt it (the baseline is found and marked ran), apply the newer changes, and the data is intact; two
 * more restarts apply nothing and log no DDL error.
 */
public class SchemaUpgradeIT {

    /** The units whose tables release 0.1 had made in this database: they are adopted. */
    private static final List<String> ADOPTED = List.of("CORE", "DISPATCH", "INTAKE", "REPORTING");
    /** EclipseLink made a unit's tables only when the unit was first used, and these were not: they are created. */
    private static final List<String> CREATED = List.of("REFERRAL", "ALLOCATION");
    /** What a schema step gone wrong logs: a failed migration, or DDL against tables that exist. */
    private static final Pattern DDL_ERROR = Pattern.compile(
            "(?i)schema migration of .* failed|already exists|Exception \\[EclipseLink|MigrationFailedException|DatabaseException");

    private Distribution distribution;

    @BeforeClass
    public static void onDerbyOnly() {
        assumeFalse("the release-0.1 database of this test is an embedded Derby folder; taking over a PostgreSQL database "
                + "EclipseLink made is each bundle's SchemaTest", TestDatabase.postgresql());
    }

    @Before
    public void unpack() throws Exception {
        System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toString());
        distribution = new Distribution("upgrade-it");
        Path derby = distribution.home.resolve("data/derby");
        Files.createDirectories(derby);
        try (InputStream in = getClass().getResourceAsStream("/upgrade/safenest-0.1-derby.zip"); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                Path target = derby.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(derby));
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    @After
    public void stop() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    public void aRelease01DatabaseIsMigratedWithItsDataIntact() throws Exception {
        Api api = new Api(distribution.port);
        distribution.start();
        api.awaitUp(2, Duration.ofSeconds(240));

        // The data of release 0.1 is there: its three synthetic cases, their reports, the audit log.
        Api.Answer cases = api.get("/api/regions/kaohsiung/cases", "worker", "worker");
        assertEquals(cases.raw(), 200, cases.status());
        List<String> numbers = new ArrayList<>();
        cases.body().forEach(c -> numbers.add(c.path("caseNumber").asText()));
        assertTrue(numbers.toString(), numbers.containsAll(List.of("KH-2026-000001", "KH-2026-000002", "KH-2026-000003")));
        JsonNode first = api.get("/api/regions/kaohsiung/cases/KH-2026-000001", "worker", "worker").body();
        assertEquals(first.toString(), "swc-fengshan-wujia", first.path("office").asText());
        assertTrue(api.get("/api/audit?limit=1", "admin", "admin").body().path("total").asLong() >= 20);

        // ... and the platform keeps working on it: the case-number counter and the row ids carry on.
        Api.Answer report = api.post("/api/regions/kaohsiung/intake", "{\"reportId\":\"upgrade-test-4\",\"receivedAt\":\"2026-01-04T02:00:00Z\","
                + "\"caseType\":\"fragile-family\",\"district\":\"鳳山區\",\"districtPart\":\"south\",\"children\":[{\"age\":6}],"
                + "\"summary\":\"SYNTHETIC test report 4 after the upgrade\",\"source\":\"school\"}", "intake", "intake");
        assertEquals(report.raw(), 201, report.status());
        assertEquals("KH-2026-000004", report.body().path("caseNumber").asText());
        distribution.stop();

        // Every unit has its history: the baseline found (MARK_RAN) where release 0.1 had made the tables, else run;
        // the newer change applied (EXECUTED).
        String url = "jdbc:derby:" + distribution.home.resolve("data/derby/safenest");
        try (Connection c = DriverManager.getConnection(url)) {
            for (String unit : ADOPTED) {
                List<String> history = history(c, unit);
                assertFalse(unit + " has no migration history", history.isEmpty());
                assertTrue(unit + ": " + history, history.stream().filter(h -> h.startsWith("1-")).allMatch(h -> h.endsWith(" MARK_RAN")));
            }
            for (String unit : CREATED) {
                List<String> history = history(c, unit);
                assertFalse(unit + " has no migration history", history.isEmpty());
                assertTrue(unit + ": " + history, history.stream().allMatch(h -> h.endsWith(" EXECUTED")));
            }
            assertTrue(history(c, "INTAKE").contains("2-case-list-index EXECUTED"));
            assertTrue(history(c, "INTAKE").contains("3-case-assigned-columns EXECUTED"));
            assertTrue("an index of schema change 3 is missing", indexExists(c, "SN_CASE", "SN_CASE_OFFICE_IX"));
            assertTrue("the index of schema change 2 is missing", indexExists(c, "SN_CASE", "SN_CASE_OPENED_IX"));
            // change 5: intake keeps its events with its cases; those of the older release came from its outbox
            assertTrue(history(c, "INTAKE").contains("5-sn-case-event-from-outbox EXECUTED"));
            long outboxed = count(c, "SELECT COUNT(*) FROM SN_OUTBOX WHERE TOPIC LIKE 'org/safenest/intake/%'");
            assertTrue("no intake event in the outbox", outboxed >= 2);
            // (the outbox may prune events older than its retention after they were copied)
            assertTrue("intake keeps every intake event of the outbox", count(c, "SELECT COUNT(*) FROM SN_CASE_EVENT") >= outboxed);
            assertEquals("the events kept carry the outbox's ids and codes", outboxed, count(c, "SELECT COUNT(*) FROM SN_CASE_EVENT e JOIN SN_OUTBOX o"
                    + " ON o.EVENT_ID = e.EVENT_ID AND o.TOPIC = e.TOPIC AND o.PROPERTIES = e.PROPERTIES"));
        } finally {
            shutdown(url);
        }

        // Two more restarts: nothing to apply, no DDL error in the log, the data still there.
        for (int i = 0; i < 2; i++) {
            distribution.start();
            api.awaitUp(2, Duration.ofSeconds(240));
            assertEquals(200, api.get("/api/regions/kaohsiung/cases/KH-2026-000004", "worker", "worker").status());
            distribution.stop();
        }
        String log = Files.readString(distribution.home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        List<String> errors = log.lines().filter(l -> DDL_ERROR.matcher(l).find()).toList();
        assertTrue("DDL errors in karaf.log: " + errors, errors.isEmpty());
        // schema changes 2 (the case list's index), 3 (search indexes, assignment, child references: 7 changes), 4
        // (the history entries' codes) and 5 (the events intake keeps, copied from the outbox)
        assertTrue("the upgrade start applied schema changes 2 to 5", log.contains("Schema of safenest-intake at version 5-sn-case-event-from-outbox: 11 change(s) run now, 9 found already made, 20 in all"));
        // and at each restart the unit's history carries the mark of its changelog: one query, no Liquibase run
        assertEquals("each restart finds intake up to date", 2,
                log.lines().filter(l -> l.contains("Schema of safenest-intake at version 5-sn-case-event-from-outbox: up to date with its changelog, 20 changes")).count());
    }

    private static List<String> history(Connection c, String unit) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, EXECTYPE FROM SN_SCHEMA_" + unit + " ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                changes.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return changes;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean indexExists(Connection c, String table, String index) throws SQLException {
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, "APP", table, false, false)) {
            while (rs.next()) {
                if (index.equals(rs.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown of one database with SQLState 08006
        }
    }
}
