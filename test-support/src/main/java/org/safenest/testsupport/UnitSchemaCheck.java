package org.safenest.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The checks every bundle with a persistence unit runs on its changelog, on in-memory Derby and, where one answers,
 * on PostgreSQL: the changelog makes exactly the schema that EclipseLink's DDL generation makes from the entities
 * (tables, columns, types, keys, indexes, the table generator's row); a second run changes nothing; and a database
 * that EclipseLink made (every release up to 0.1) is adopted: its baseline is marked ran, not run again.
 *
 * <p>PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/} as user {@code postgres} without a password (override
 * with the system properties {@code safenest.test.pg.url}, {@code safenest.test.pg.user}); each check makes two
 * throwaway databases and drops them. Without a server the PostgreSQL check is skipped with a message.
 */
public final class UnitSchemaCheck {

    private UnitSchemaCheck() {
    }

    /** The checks on fresh in-memory Derby databases. */
    public static void onDerby(String unit, String... rowsOf) throws Exception {
        String migrated = "jdbc:derby:memory:schema-" + UUID.randomUUID();
        String generated = "jdbc:derby:memory:schema-" + UUID.randomUUID();
        try {
            check(unit, migrated + ";create=true", generated + ";create=true", "org.apache.derby.jdbc.EmbeddedDriver", null, "Derby",
                    rowsOf);
        } finally {
            dropDerby(migrated);
            dropDerby(generated);
        }
    }

    /** The checks on two throwaway PostgreSQL databases; skipped with a message when no server answers. */
    public static void onPostgres(String unit, String... rowsOf) throws Exception {
        String base = System.getProperty("safenest.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("safenest.test.pg.user", "postgres");
        Connection admin;
        try {
            admin = DriverManager.getConnection(base + "postgres", user, null);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw e; // not "cannot connect": a real error
            }
            Assumptions.abort("PostgreSQL check of " + unit + " skipped: no PostgreSQL at " + base + " for user " + user + " ("
                    + e.getMessage() + ")");
            return;
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String migrated = "sn_test_m_" + suffix;
        String generated = "sn_test_g_" + suffix;
        try (admin; Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + migrated);
            s.execute("CREATE DATABASE " + generated);
            try {
                check(unit, base + migrated, base + generated, "org.postgresql.Driver", user, "PostgreSQL", rowsOf);
            } finally {
                s.execute("DROP DATABASE IF EXISTS " + migrated + " WITH (FORCE)");
                s.execute("DROP DATABASE IF EXISTS " + generated + " WITH (FORCE)");
            }
        }
    }

    private static void check(String unit, String migratedUrl, String generatedUrl, String driver, String user, String target,
            String... rowsOf) throws Exception {
        try (Connection migrated = DriverManager.getConnection(migratedUrl, user, null)) {
            UnitSchema.migrate(migrated, unit);
            String schema = UnitSchema.describe(migrated, rowsOf);
            List<String> history = UnitSchema.history(migrated, unit);
            assertFalse(history.isEmpty(), "no change applied from " + UnitSchema.changelog(unit));
            assertTrue(history.stream().allMatch(c -> c.endsWith(" EXECUTED")), "fresh database, yet: " + history);

            UnitSchema.createWithEclipseLink(unit, generatedUrl, driver, user, target);
            try (Connection generated = DriverManager.getConnection(generatedUrl, user, null)) {
                assertEquals(UnitSchema.describe(generated, rowsOf), schema,
                        "the changelog of " + unit + " must make the schema EclipseLink makes from the entities (" + target + ")");

                UnitSchema.migrate(migrated, unit);
                assertEquals(history, UnitSchema.history(migrated, unit), "a second run must change nothing");

                // A database made by EclipseLink (releases up to 0.1) is adopted: the baseline is found, not made again.
                UnitSchema.migrate(generated, unit);
                List<String> adopted = UnitSchema.history(generated, unit);
                assertEquals(history.size(), adopted.size(), adopted.toString());
                assertTrue(adopted.stream().filter(c -> c.startsWith("1-")).allMatch(c -> c.endsWith(" MARK_RAN")), adopted.toString());
                assertEquals(schema, UnitSchema.describe(generated, rowsOf), "schema after adopting an EclipseLink-made database");
            }
        }
    }

    private static void dropDerby(String url) {
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException expected) {
            // Derby answers a successful drop with SQLState 08006
        }
    }
}
