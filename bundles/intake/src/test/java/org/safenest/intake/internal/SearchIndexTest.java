package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safenest.testsupport.UnitDatabase;

/**
 * The case search's queries read the indexes of schema change 3 (Derby's plan of each, with 20,000 synthetic cases of
 * 20 offices, 38 districts and 4 statuses, and a child reference each), not the whole table.
 */
class SearchIndexTest {

    private static final String URL = "jdbc:derby:memory:intake-index-" + UUID.randomUUID();
    private static UnitDatabase db;
    private static Connection c;

    @BeforeAll
    static void fill() throws Exception {
        db = new UnitDatabase("safenest-intake", URL, Map.of("eclipselink.logging.level", "SEVERE"));
        c = DriverManager.getConnection(URL);
        c.setAutoCommit(false);
        String[] statuses = {"AWAITING_DISPATCH", "ASSESSING", "IN_SERVICE", "CLOSED"};
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (PreparedStatement cases = c.prepareStatement("INSERT INTO SN_CASE (ID, REGION, CASE_NUMBER, HOUSEHOLD_REF, CASE_TYPE,"
                + " SERVICE_LINE, DISTRICT, CASE_STATUS, OFFICE, OPENED_AT, FIRST_RECEIVED_AT, LAST_RECEIVED_AT, REPORT_COUNT,"
                + " HISTORY_COUNT, ASSIGNED_TO) VALUES (?, 'kaohsiung', ?, ?, 'fragile-family', 'FRAGILE_FAMILY', ?, ?, ?, ?, ?, ?, 1, 2, ?)");
                PreparedStatement children = c.prepareStatement("INSERT INTO SN_CASE_CHILD (ID, CASE_ID, REPORT_ID, REGION, CHILD_REF)"
                        + " VALUES (?, ?, ?, 'kaohsiung', ?)")) {
            for (int i = 1; i <= 20_000; i++) {
                Timestamp at = Timestamp.from(start.plusSeconds(600L * i));
                cases.setLong(1, i);
                cases.setString(2, String.format("KH-2025-%06d", i));
                cases.setString(3, "SYN-H-" + i);
                cases.setString(4, "district-" + (i % 38));
                cases.setString(5, statuses[i % 4]);
                cases.setString(6, "office-" + (i % 20));
                cases.setTimestamp(7, at);
                cases.setTimestamp(8, at);
                cases.setTimestamp(9, at);
                cases.setString(10, i % 3 == 0 ? "worker-" + (i % 50) : null);
                cases.addBatch();
                children.setLong(1, 100_000L + i);
                children.setLong(2, i);
                children.setLong(3, 200_000L + i);
                children.setString(4, "SYN-C-" + i);
                children.addBatch();
            }
            cases.executeBatch();
            children.executeBatch();
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'SN_CASE', NULL)");
            s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'SN_CASE_CHILD', NULL)");
        }
        c.commit();
    }

    @AfterAll
    static void close() throws Exception {
        c.rollback();
        c.close();
        db.close();
    }

    /** Derby's plan of a query, read to the end. */
    private static String plan(String sql, Object... params) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
        }
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    r.getObject(1);
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void assertIndex(String index, String sql, Object... params) throws Exception {
        Object[] all = new Object[params.length + 1];
        all[0] = "kaohsiung";
        System.arraycopy(params, 0, all, 1, params.length);
        String plan = plan(sql, all);
        assertTrue(plan.contains("using index " + index), index + " not used:\n" + plan);
    }

    // as EclipseLink sends them: every value a parameter, the region first
    private static final String SELECT = "SELECT ID FROM SN_CASE WHERE REGION = ? AND ";
    private static final String NEWEST = " ORDER BY OPENED_AT DESC, ID DESC";

    @Test
    void eachCriterionReadsItsIndex() throws Exception {
        assertIndex("SN_CASE_HOUSEHOLD_IX", SELECT + "HOUSEHOLD_REF = ?" + NEWEST, "SYN-H-77");
        assertIndex("SN_CASE_NUMBER_UQ", SELECT + "CASE_NUMBER = ?" + NEWEST, "KH-2025-000077");
        assertIndex("SN_CASE_NUMBER_UQ", SELECT + "CASE_NUMBER LIKE ? ESCAPE '!'" + NEWEST, "KH-2025-0001%");
        assertIndex("SN_CASE_OFFICE_IX", SELECT + "OFFICE = ? AND CASE_STATUS = ?" + NEWEST, "office-7", "IN_SERVICE");
        assertIndex("SN_CASE_DISTRICT_IX", SELECT + "DISTRICT = ?" + NEWEST, "district-5");
        assertIndex("SN_CASE_RECEIVED_IX", SELECT + "FIRST_RECEIVED_AT >= ? AND FIRST_RECEIVED_AT < ?" + NEWEST,
                Timestamp.from(Instant.parse("2025-02-01T00:00:00Z")), Timestamp.from(Instant.parse("2025-02-03T00:00:00Z")));
        assertIndex("SN_CASE_ASSIGNED_IX", SELECT + "ASSIGNED_TO = ? AND CASE_STATUS <> 'CLOSED'", "worker-9");
        // by child reference: the child's cases first (without DISTINCT, which made Derby scan the table), then those cases by id
        assertIndex("SN_CASE_CHILD_REF_IX", "SELECT CASE_ID FROM SN_CASE_CHILD WHERE REGION = ? AND CHILD_REF = ?",
                "SYN-C-123");
        String byIds = plan(SELECT + "ID IN (?, ?)" + NEWEST, "kaohsiung", 123L, 124L);
        assertTrue(!byIds.contains("Table Scan") && !byIds.contains("SN_CASE_OPENED_IX"), byIds);
    }
}
