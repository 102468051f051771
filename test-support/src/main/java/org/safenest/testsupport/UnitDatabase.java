package org.safenest.testsupport;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;

/**
 * A bundle's production persistence unit (JTA on the platform's DataSource in OSGi) on a fresh in-memory Derby
 * database outside OSGi: switched to RESOURCE_LOCAL with a JDBC URL, tables made by the bundle's schema changelog
 * (as core makes them in the distribution, see {@link UnitSchema}; EclipseLink creates none), dropped again on
 * {@link #close}. {@link #required} runs work in a transaction the way the bundles' own
 * {@code Transactions} interfaces promise, so a test hands the database to a service as {@code db::required}.
 */
public final class UnitDatabase implements AutoCloseable {

    static {
        // keep derby.log out of the source tree, unless the caller chose its place
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toString());
        }
    }

    private final String unitName;
    private final String url;
    private final Map<String, Object> extra;
    private final EntityManagerFactory emf;

    /** The unit on a new in-memory database of its own. */
    public UnitDatabase(String unitName) {
        this(unitName, "jdbc:derby:memory:" + unitName + "-" + UUID.randomUUID(), Map.of());
    }

    /**
     * The unit on the Derby database at {@code url} (created when missing), with more persistence properties.
     *
     * @param url   a Derby JDBC URL without attributes, such as {@code jdbc:derby:memory:name}
     * @param extra persistence properties that add to or replace the defaults of {@link #properties}
     */
    public UnitDatabase(String unitName, String url, Map<String, Object> extra) {
        this.unitName = unitName;
        this.url = url;
        this.extra = Map.copyOf(extra);
        try {
            UnitSchema.migrate(url + ";create=true", null, unitName);
        } catch (Exception e) {
            throw new IllegalStateException("schema migration of " + unitName + " on " + url + " failed", e);
        }
        Map<String, Object> props = properties(url);
        props.putAll(extra);
        this.emf = Persistence.createEntityManagerFactory(unitName, props);
    }

    /** The persistence properties that turn a JTA unit into a RESOURCE_LOCAL one on the Derby database at {@code url}. */
    public static Map<String, Object> properties(String url) {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("javax.persistence.jtaDataSource", "");
        props.put("javax.persistence.nonJtaDataSource", "");
        props.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        props.put("javax.persistence.jdbc.url", url + ";create=true");
        props.put("eclipselink.ddl-generation", "none");
        props.put("eclipselink.logging.level", "WARNING");
        return props;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public String url() {
        return url;
    }

    /**
     * Closes this unit but keeps its database, and opens the unit again on it: what a restart of the platform
     * does. Close the answer, not this one, at the end.
     */
    public UnitDatabase reopen() {
        emf.close();
        return new UnitDatabase(unitName, url, extra);
    }

    /** Begins a transaction, runs the work, commits; rolls back when the work throws, and rethrows. */
    public <R> R required(Function<EntityManager, R> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Closes the unit and drops an in-memory database (a database on disk stays). */
    @Override
    public void close() {
        emf.close();
        if (url.startsWith("jdbc:derby:memory:")) {
            try {
                DriverManager.getConnection(url + ";drop=true").close();
            } catch (SQLException expected) {
                // Derby answers a successful drop with SQLState 08006
            }
        }
    }
}
