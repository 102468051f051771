package org.safenest.benchmarks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling for the same work as one intake report: in one JDBC transaction, as many rows into each table as one
 * report writes there (counted, not assumed: the row counts of the tables before and after a run of real reports),
 * each a copy of a row intake wrote (same columns, same sizes, same indexes), with the primary key and every unique
 * column changed so that the copy is a new row. Written with JDBC batches: the least a database can be asked to do
 * for what one report stores. {@link #remove} deletes the copies again (their keys carry a marker).
 *
 * <p>What it leaves out, and so what the ceiling does not pay: the reads intake does (duplicate check, rule-set
 * lookup, the id blocks it takes every few hundred reports), and the request audit record's separate commit.
 */
public final class SameRows {

    /** The tables a report writes to (intake's transaction, and the audit log). */
    public static final List<String> TABLES = List.of("SN_CASE", "SN_REPORT", "SN_DECISION", "SN_CASE_HISTORY", "SN_AUDIT",
            "SN_OUTBOX");
    private static final String MARK = "zzbench";
    private static final AtomicLong NEXT = new AtomicLong();

    /** One table: how many rows per report, and the row to copy. */
    record Copy(String table, double perReport, int rows, List<String> columns, List<Integer> types, List<Object> values,
            Map<Integer, Integer> changed, String markColumn, boolean markIsText) {

        String insert() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        }
    }

    private final List<Copy> copies;

    private SameRows(List<Copy> copies) {
        this.copies = copies;
    }

    /** Row counts of {@link #TABLES}. */
    public static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    r.next();
                    counts.put(t, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The copies for {@code reports} reports that took the tables from {@code before} to {@code after}. */
    public static SameRows of(Connection c, Map<String, Long> before, Map<String, Long> after, long reports) throws SQLException {
        if (reports <= 0) {
            throw new IllegalArgumentException("no reports were stored between the two counts");
        }
        List<Copy> copies = new ArrayList<>();
        for (String table : TABLES) {
            double perReport = (after.get(table) - before.get(table)) / (double) reports;
            int rows = (int) Math.round(perReport);
            if (rows > 0) {
                copies.add(copy(c, table, perReport, rows));
            }
        }
        return new SameRows(copies);
    }

    /** "SN_CASE 1.00, SN_AUDIT 2.00, ...": rows per report as counted. */
    public String describe() {
        return String.join(", ", copies.stream().map(k -> String.format(Locale.ROOT, "%s %.2f", k.table(), k.perReport())).toList());
    }

    /** One report's rows in one transaction. */
    public boolean write(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Copy k : copies) {
                try (PreparedStatement p = c.prepareStatement(k.insert())) {
                    for (int row = 0; row < k.rows(); row++) {
                        long n = NEXT.incrementAndGet();
                        for (int i = 0; i < k.columns().size(); i++) {
                            Object v = k.values().get(i);
                            Integer change = k.changed().get(i);
                            if (change != null) {
                                v = fresh(k.types().get(i), change, n);
                            }
                            if (v == null) {
                                p.setNull(i + 1, k.types().get(i));
                            } else {
                                p.setObject(i + 1, v);
                            }
                        }
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Deletes every copy written. */
    public void remove(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Copy k : copies) {
                s.executeUpdate("DELETE FROM " + k.table() + " WHERE " + k.markColumn()
                        + (k.markIsText() ? " LIKE '" + MARK + "%'" : " >= " + numericBase(Types.BIGINT)));
            }
        }
    }

    private static final int POSITION_MINUS_ONE = -1;

    private static Object fresh(int type, int size, long n) {
        if (size == POSITION_MINUS_ONE) {
            return -1L;
        }
        if (isText(type)) {
            String v = MARK + Long.toString(n, 36);
            return size > 0 && v.length() > size ? v.substring(v.length() - size) : v;
        }
        return numericBase(type) + n;
    }

    private static long numericBase(int type) {
        return type == Types.INTEGER || type == Types.SMALLINT ? 1_500_000_000L : 4_000_000_000_000_000_000L;
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.NVARCHAR;
    }

    private static Copy copy(Connection c, String table, double perReport, int rows) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                if (!r.next()) {
                    throw new IllegalStateException(table + " is empty: no row to copy");
                }
                ResultSetMetaData m = r.getMetaData();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    if (m.isAutoIncrement(i)) {
                        continue;
                    }
                    columns.add(m.getColumnName(i).toUpperCase(Locale.ROOT));
                    types.add(m.getColumnType(i));
                    sizes.add(m.getPrecision(i));
                    values.add(r.getObject(i));
                }
            }
        }
        // the unique column groups: the primary key and every unique index
        DatabaseMetaData meta = c.getMetaData();
        String stored = storedName(meta, table);
        Map<String, Set<String>> unique = new LinkedHashMap<>();
        try (ResultSet r = meta.getPrimaryKeys(null, null, stored)) {
            while (r.next()) {
                unique.computeIfAbsent("PK", k -> new LinkedHashSet<>()).add(r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        try (ResultSet r = meta.getIndexInfo(null, null, stored, true, false)) {
            while (r.next()) {
                String column = r.getString("COLUMN_NAME");
                if (column != null && !r.getBoolean("NON_UNIQUE")) {
                    unique.computeIfAbsent("IX " + r.getString("INDEX_NAME"), k -> new LinkedHashSet<>()).add(column.toUpperCase(Locale.ROOT));
                }
            }
        }
        Map<Integer, Integer> changed = new HashMap<>();
        String markColumn = null;
        boolean markIsText = false;
        for (Map.Entry<String, Set<String>> group : unique.entrySet()) {
            if (group.getValue().stream().anyMatch(col -> changed.containsKey(columns.indexOf(col)))) {
                continue;
            }
            int pick = -1;
            for (String col : group.getValue()) {
                int i = columns.indexOf(col);
                if (i >= 0 && isText(types.get(i))) {
                    pick = i;
                    break;
                }
            }
            if (pick < 0) {
                pick = group.getValue().stream().mapToInt(columns::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
            }
            if (pick < 0) {
                continue;
            }
            changed.put(pick, isText(types.get(pick)) ? sizes.get(pick) : 0);
            if (group.getKey().equals("PK") || markColumn == null) {
                markColumn = columns.get(pick);
                markIsText = isText(types.get(pick));
            }
        }
        if (markColumn == null) {
            throw new IllegalStateException(table + " has no key to mark its copies by");
        }
        // the outbox's sequencer takes rows at position 0: copies stay out of delivery
        int position = columns.indexOf("POSITION");
        if (table.equals("SN_OUTBOX") && position >= 0) {
            changed.put(position, POSITION_MINUS_ONE);
        }
        return new Copy(table, perReport, rows, columns, types, values, changed, markColumn, markIsText);
    }

    /** The table's name as the database keeps it (PostgreSQL folds unquoted names to lower case). */
    private static String storedName(DatabaseMetaData meta, String table) throws SQLException {
        for (String candidate : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet r = meta.getTables(null, null, candidate, null)) {
                if (r.next()) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no table " + table);
    }
}
