package org.safenest.core.internal.schema;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * One persistence unit's Liquibase changelog applied to the database: its own history table
 * ({@code SN_SCHEMA_<UNIT>}) and lock table ({@code SN_SCHEMA_<UNIT>_LOCK}), so units migrate independently, and the
 * lock makes a second node that starts at the same time wait until the first has finished. No usage data leaves the
 * machine (Liquibase's analytics are off) and Liquibase's messages go to the log, not the console.
 */
public final class SchemaChangelog {

    private SchemaChangelog() {
    }

    /** One change recorded in a unit's history table. */
    public record AppliedChange(String id, String author, Instant executedAt, String type, int order, String description) {
    }

    /** The history table of a unit: {@code safenest-intake} keeps it in {@code SN_SCHEMA_INTAKE}. */
    public static String historyTable(String unit) {
        String name = unit.toUpperCase(Locale.ROOT);
        if (name.startsWith("SAFENEST-")) {
            name = name.substring("SAFENEST-".length());
        }
        return "SN_SCHEMA_" + name.replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Applies the changes of {@code changelog} that the unit's history does not hold yet, under the unit's database
     * lock, on {@code connection} (which stays open), and answers the unit's history afterwards.
     *
     * @param resources where the changelog and the files it includes are read (the unit's bundle)
     */
    public static List<AppliedChange> migrate(Connection connection, ResourceAccessor resources, String unit, String changelog)
            throws Exception {
        // Liquibase keeps the history and lock services of the last databases it saw, keyed by an equality that a new
        // connection can meet: a second run in the same JVM then believed the history table missing and failed to
        // create it again. Each run starts from what is in the database.
        boolean autoCommit = connection.getAutoCommit();
        ChangeLogHistoryServiceFactory.getInstance().resetAll();
        LockServiceFactory.getInstance().resetAll();
        Database found = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Database database = found;
        if (found instanceof DerbyDatabase) {
            database = new DerbyMetadataDatabase();
            database.setConnection(new JdbcConnection(connection));
        }
        if (database instanceof DerbyDatabase derby) {
            // the connection belongs to the pool: Liquibase must never shut the embedded database down
            derby.setShutdownEmbeddedDerby(false);
        }
        database.setDatabaseChangeLogTableName(historyTable(unit));
        database.setDatabaseChangeLogLockTableName(historyTable(unit) + "_LOCK");
        Database migrated = database;
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), resources);
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", Boolean.FALSE);
        scope.put("liquibase.showBanner", Boolean.FALSE);
        try {
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, migrated)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    // the update summary goes to the log; its copy for the command's output would land on the console
                    .setOutput(OutputStream.nullOutputStream())
                    .execute());
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // nothing when the update committed; what a failed change left otherwise
            }
            connection.setAutoCommit(autoCommit);
        }
        return history(connection, unit);
    }

    /**
     * The mark a unit's newest history row carries once the changelog with these bytes has been applied whole:
     * {@code safenest-sha256:} and the changelog's SHA-256. Kept in the history's {@code TAG} column, which Liquibase
     * fills only on its {@code tag} command (for roll-backs, which Safenest does not use).
     */
    public static String mark(byte[] changelog) {
        try {
            return "safenest-sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(changelog));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * True when the unit's newest history row carries {@code mark}: the changelog was applied whole and has not
     * changed since, so there is nothing for Liquibase to do (one query instead of Liquibase's start-up, lock,
     * history read and checksum validation at every start). A changed changelog, a database restored from an older
     * version, or a history without the mark sends the unit through Liquibase as before.
     */
    public static boolean upToDate(Connection connection, String unit, String mark) throws SQLException {
        String table = historyTable(unit);
        if (!tableExists(connection, table)) {
            return false;
        }
        try (java.sql.PreparedStatement p = connection.prepareStatement("SELECT TAG FROM " + table
                + " WHERE ORDEREXECUTED = (SELECT MAX(ORDEREXECUTED) FROM " + table + ")")) {
            try (ResultSet rs = p.executeQuery()) {
                boolean matched = false;
                while (rs.next()) {
                    matched |= mark.equals(rs.getString(1));
                }
                return matched;
            }
        }
    }

    /** Puts {@code mark} on the unit's newest history row, after Liquibase applied the changelog whole. */
    public static void markUpToDate(Connection connection, String unit, String mark) throws SQLException {
        String table = historyTable(unit);
        try (java.sql.PreparedStatement p = connection.prepareStatement("UPDATE " + table + " SET TAG = ?"
                + " WHERE ORDEREXECUTED = (SELECT MAX(ORDEREXECUTED) FROM " + table + ")")) {
            p.setString(1, mark);
            p.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** The changes recorded for the unit, in the order they were applied; empty when it has no history table yet. */
    public static List<AppliedChange> history(Connection connection, String unit) throws SQLException {
        String table = historyTable(unit);
        if (!tableExists(connection, table)) {
            return List.of();
        }
        List<AppliedChange> changes = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, AUTHOR, DATEEXECUTED, EXECTYPE, ORDEREXECUTED, DESCRIPTION FROM "
                        + table + " ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                java.sql.Timestamp at = rs.getTimestamp(3);
                changes.add(new AppliedChange(rs.getString(1), rs.getString(2), at == null ? null : at.toInstant(), rs.getString(4),
                        rs.getInt(5), rs.getString(6)));
            }
        }
        return changes;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        // Derby keeps unquoted names in upper case, PostgreSQL in lower case
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
