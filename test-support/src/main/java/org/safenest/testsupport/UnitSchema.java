package org.safenest.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

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
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * A persistence unit's schema outside OSGi: its bundle's Liquibase changelog ({@code db/changelog/<unit>.xml} on the
 * class path, the file the bundle's {@code Safenest-Schema} header names) applied the way core applies it in the
 * distribution (same history and lock table names, see core's {@code SchemaChangelog}), EclipseLink's own DDL
 * generation for comparison, and a description of a schema from JDBC metadata.
 */
public final class UnitSchema {

    /** Liquibase logs each step through java.util.logging; tests keep its warnings only (a strong reference keeps the level). */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
        // keep derby.log out of the source tree, unless the caller chose its place
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", java.nio.file.Path.of("target", "derby.log").toString());
        }
    }

    private UnitSchema() {
    }

    /** The changelog of a unit, by the convention every Safenest bundle follows. */
    public static String changelog(String unit) {
        return "db/changelog/" + unit + ".xml";
    }

    /** The unit's history table, named as core names it: {@code safenest-intake} keeps {@code SN_SCHEMA_INTAKE}. */
    public static String historyTable(String unit) {
        String name = unit.toUpperCase(Locale.ROOT);
        if (name.startsWith("SAFENEST-")) {
            name = name.substring("SAFENEST-".length());
        }
        return "SN_SCHEMA_" + name.replaceAll("[^A-Z0-9]", "_");
    }

    /** Applies the unit's changelog on the connection (left open), under the unit's database lock. */
    public static void migrate(Connection connection, String unit) throws Exception {
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
            derby.setShutdownEmbeddedDerby(false);
        }
        database.setDatabaseChangeLogTableName(historyTable(unit));
        database.setDatabaseChangeLogLockTableName(historyTable(unit) + "_LOCK");
        Database migrated = database;
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(UnitSchema.class.getClassLoader()));
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", Boolean.FALSE);
        try {
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, migrated)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog(unit))
                    .execute());
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // nothing when the update committed; what a failed change left otherwise
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Applies the unit's changelog to the database at {@code url} (a Derby URL may carry {@code ;create=true}). */
    public static void migrate(String url, String user, String unit) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            migrate(c, unit);
        }
    }

    /** The changes in the unit's history, oldest first: id and how it was applied (EXECUTED, MARK_RAN). */
    public static List<String> history(Connection connection, String unit) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, EXECTYPE FROM " + historyTable(unit) + " ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                changes.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return changes;
    }

    /**
     * Lets EclipseLink create the unit's tables from its entities on the database at {@code url}
     * ({@code create-or-extend-tables}, what every release up to 0.1 did at start).
     *
     * @param target EclipseLink's target database ({@code Derby}, {@code PostgreSQL})
     */
    public static void createWithEclipseLink(String unit, String url, String driver, String user, String target) {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("javax.persistence.jtaDataSource", "");
        props.put("javax.persistence.nonJtaDataSource", "");
        props.put("javax.persistence.jdbc.driver", driver);
        props.put("javax.persistence.jdbc.url", url);
        if (user != null) {
            props.put("javax.persistence.jdbc.user", user);
        }
        props.put("eclipselink.target-database", target);
        props.put("eclipselink.ddl-generation", "create-or-extend-tables");
        props.put("eclipselink.ddl-generation.output-mode", "database");
        props.put("eclipselink.logging.level", "WARNING");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(unit, props);
        try {
            emf.createEntityManager().close();
        } finally {
            emf.close();
        }
    }

    /**
     * The schema as JDBC describes it, one line per table, column and index, names in upper case: column types, sizes
     * and nullability, primary key columns, indexes with their columns and uniqueness, and the rows of tables named in
     * {@code withRows}. Liquibase's own tables are left out, and so are names the database makes up (of primary key
     * indexes) and column defaults. An identity column shows as {@code IDENTITY}: EclipseLink makes it SERIAL (32 bits)
     * on PostgreSQL, the changelogs a 64-bit identity column, as the entities' {@code Long} ids need.
     */
    public static String describe(Connection connection, String... withRows) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        boolean postgres = md.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String schema = postgres ? "public" : "APP";
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (!t.toUpperCase(Locale.ROOT).startsWith("SN_SCHEMA_")) {
                    tables.put(t, new ArrayList<>());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String t : tables.keySet()) {
            out.append("TABLE ").append(t.toUpperCase(Locale.ROOT)).append('\n');
            TreeSet<String> lines = new TreeSet<>();
            try (ResultSet rs = md.getColumns(null, schema, t, "%")) {
                while (rs.next()) {
                    boolean identity = "YES".equals(rs.getString("IS_AUTOINCREMENT"));
                    String type = identity ? "IDENTITY" : rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                    String size = identity || !type.contains("CHAR") && !type.equals("DECIMAL") && !type.equals("NUMERIC") ? ""
                            : "(" + rs.getInt("COLUMN_SIZE") + ")";
                    lines.add("  COLUMN " + rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + " " + type + size
                            + ("NO".equals(rs.getString("IS_NULLABLE")) ? " NOT NULL" : ""));
                }
            }
            String pkName = null;
            List<String> pk = new ArrayList<>();
            try (ResultSet rs = md.getPrimaryKeys(null, schema, t)) {
                while (rs.next()) {
                    pk.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    pkName = rs.getString("PK_NAME");
                }
            }
            lines.add("  PRIMARY KEY " + new TreeSet<>(pk));
            TreeMap<String, TreeMap<Short, String>> indexes = new TreeMap<>();
            Map<String, Boolean> unique = new HashMap<>();
            try (ResultSet rs = md.getIndexInfo(null, schema, t, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name == null || name.equals(pkName)) {
                        continue;
                    }
                    String key = name.toUpperCase(Locale.ROOT);
                    indexes.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"),
                            rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    unique.put(key, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            // the primary key's own index: its name is made up by the database (or by Liquibase), so compare its columns only
            List<String> pkColumns = pk.stream().sorted().map(c -> c.substring(c.indexOf(':') + 1)).toList();
            indexes.entrySet().removeIf(e -> unique.get(e.getKey()) && List.copyOf(e.getValue().values()).equals(pkColumns));
            indexes.forEach((name, cols) -> lines.add("  INDEX " + name + (unique.get(name) ? " UNIQUE " : " ") + cols.values()));
            for (String rowsOf : withRows) {
                if (rowsOf.equalsIgnoreCase(t)) {
                    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder("  ROW");
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.append(' ').append(rs.getString(i));
                            }
                            lines.add(row.toString());
                        }
                    }
                }
            }
            lines.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }
}
