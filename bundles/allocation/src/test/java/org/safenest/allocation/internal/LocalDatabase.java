package org.safenest.allocation.internal;

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

import org.safenest.allocation.internal.jpa.Transactions;

/**
 * The production persistence unit {@code safenest-allocation} (JTA in OSGi) on a fresh in-memory Derby database,
 * switched to RESOURCE_LOCAL, as core's store tests do.
 */
public final class LocalDatabase implements Transactions, AutoCloseable {

    private final String url = "jdbc:derby:memory:allocation-" + UUID.randomUUID();
    private EntityManagerFactory emf;

    public LocalDatabase() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        open();
    }

    /** Opens the unit again on the same database, as after a restart. */
    public void reopen() {
        emf.close();
        open();
    }

    private void open() {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("javax.persistence.jtaDataSource", "");
        props.put("javax.persistence.nonJtaDataSource", "");
        props.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        props.put("javax.persistence.jdbc.url", url + ";create=true");
        props.put("eclipselink.logging.level", "WARNING");
        emf = Persistence.createEntityManagerFactory("safenest-allocation", props);
    }

    @Override
    public <R> R required(Function<EntityManager, R> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException expected) {
            // Derby answers a dropped database with an exception
        }
    }
}
