package org.safenest.core.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.core.internal.schema.SchemaChangelog.AppliedChange;

import liquibase.resource.ClassLoaderResourceAccessor;

/** Core's migration runner on Derby, with core's own changelog, as SchemaMigrations runs it in the distribution. */
class SchemaChangelogTest {

    private static final String CHANGELOG = "db/changelog/safenest-core.xml";

    private String url;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toString());
        url = "jdbc:derby:memory:schema-changelog-" + UUID.randomUUID();
        connection = DriverManager.getConnection(url + ";create=true");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException expected) {
            // 08006: dropped
        }
    }

    @Test
    void historyTableIsNamedAfterTheUnit() {
        assertEquals("SN_SCHEMA_INTAKE", SchemaChangelog.historyTable("safenest-intake"));
        assertEquals("SN_SCHEMA_ACME_VISITS", SchemaChangelog.historyTable("acme-visits"));
    }

    @Test
    void appliesOnceAndRecordsEachChange() throws Exception {
        assertEquals(List.of(), SchemaChangelog.history(connection, "safenest-core"));
        List<AppliedChange> first = migrate();
        // the 9 baseline tables, then 2-sn-catchment, 2-sn-audit-chain and 3-sn-region-case-type
        assertEquals(12, first.size());
        assertTrue(first.stream().allMatch(c -> "EXECUTED".equals(c.type())), first.toString());
        assertEquals("1-sn-audit", first.get(0).id());
        assertTrue(connection.getAutoCommit(), "the pool's connection is handed back as it came");

        // a restart in the same JVM: Liquibase must find its history table (and not create it again)
        assertEquals(first, migrate());
    }

    @Test
    void aMarkedHistoryIsUpToDateOnlyWithTheSameChangelog() throws Exception {
        String mark = SchemaChangelog.mark("<databaseChangeLog>v2</databaseChangeLog>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(SchemaChangelog.upToDate(connection, "safenest-core", mark), "no history table yet");
        migrate();
        assertFalse(SchemaChangelog.upToDate(connection, "safenest-core", mark), "applied, not yet marked");
        SchemaChangelog.markUpToDate(connection, "safenest-core", mark);
        assertTrue(SchemaChangelog.upToDate(connection, "safenest-core", mark));
        String changed = SchemaChangelog.mark("<databaseChangeLog>v3</databaseChangeLog>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(SchemaChangelog.upToDate(connection, "safenest-core", changed), "a changed changelog goes through Liquibase");
        // Liquibase still reads the marked history as its own: a run finds nothing to do and keeps the history
        List<AppliedChange> history = SchemaChangelog.history(connection, "safenest-core");
        assertEquals(history, migrate());
        assertTrue(SchemaChangelog.upToDate(connection, "safenest-core", mark));
    }

    @Test
    void adoptsTablesThatExist() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE SN_REGION (CODE VARCHAR(64) NOT NULL PRIMARY KEY)");
        }
        List<AppliedChange> history = migrate();
        assertEquals("MARK_RAN", history.stream().filter(c -> c.id().equals("1-sn-region")).findFirst().orElseThrow().type());
        assertEquals(11, history.stream().filter(c -> "EXECUTED".equals(c.type())).count());
    }

    @Test
    void parsesTheManifestHeader() {
        List<?> units = SchemaMigrations.parse("safenest-core;changelog=db/changelog/safenest-core.xml, acme;changelog=\"db/a.xml\"", "b");
        assertEquals("[Declared[unit=safenest-core, changelog=db/changelog/safenest-core.xml], Declared[unit=acme, changelog=db/a.xml]]",
                units.toString());
        assertEquals(List.of(), SchemaMigrations.parse("acme", "b"), "a unit without its changelog is refused (and logged)");
    }

    private List<AppliedChange> migrate() throws Exception {
        return SchemaChangelog.migrate(connection, new ClassLoaderResourceAccessor(getClass().getClassLoader()), "safenest-core", CHANGELOG);
    }
}
