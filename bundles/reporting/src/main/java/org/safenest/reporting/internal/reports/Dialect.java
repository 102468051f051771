package org.safenest.reporting.internal.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.persistence.EntityManager;

/**
 * The few SQL expressions the reports write that are not the same on every database: Derby has {@code YEAR()} and
 * {@code MONTH()}, PostgreSQL {@code EXTRACT}. Everything else the reports write is standard SQL that both take
 * ({@code CAST(... AS FLOAT)}, {@code CASE}, the aggregates).
 */
enum Dialect {
    DERBY {
        @Override
        String yearMonth(String dayColumn) {
            return "YEAR(" + dayColumn + ") * 100 + MONTH(" + dayColumn + ")";
        }
    },
    POSTGRESQL {
        @Override
        String yearMonth(String dayColumn) {
            return "CAST(EXTRACT(YEAR FROM " + dayColumn + ") * 100 + EXTRACT(MONTH FROM " + dayColumn + ") AS INTEGER)";
        }
    };

    /** year * 100 + month of a DATE column, as an integer. */
    abstract String yearMonth(String dayColumn);

    /** The dialect of the database a transaction's entity manager talks to. */
    static Dialect of(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        try {
            return of(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's product name", e);
        }
    }

    static Dialect of(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("derby")) {
            return DERBY;
        }
        throw new IllegalStateException("Reports support Apache Derby and PostgreSQL, not " + productName);
    }
}
