package org.safenest.dispatch.internal;

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

import org.safenest.dispatch.internal.jpa.Transactions;

/**
 * The production persistence unit {@code safenest-dispatch} (JTA in OSGi) on a fresh in-memory Derby database,
 * switched to RESOURCE_LOCAL with a JDBC URL, outside OSGi.
 */
final class Database implements AutoCloseable {

    static {
        // keep derby.log out of the source tree
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private final String url = "jdbc:derby:memory:dispatch-" + UUID.randomUUID();
    private final EntityManagerFactory emf;

    Database() {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("javax.persistence.jtaDataSource", "");
        props.put("javax.persistence.nonJtaDataSource", "");
        props.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        props.put("javax.persistence.jdbc.url", url + ";create=true");
        props.put("eclipselink.ddl-generation", "create-or-extend-tables");
        props.put("eclipselink.ddl-generation.output-mode", "database");
        props.put("eclipselink.logging.level", "WARNING");
        emf = Persistence.createEntityManagerFactory("safenest-dispatch", props);
    }

    DispatchStore store() {
        return new DispatchStore(new LocalTransactions(emf));
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException expected) {
            // Derby answers a successful drop with SQLState 08006
        }
    }

    /** Plain JPA transactions: begin, work, commit; rollback on any error. */
    static final class LocalTransactions implements Transactions {
        private final EntityManagerFactory emf;

        LocalTransactions(EntityManagerFactory emf) {
            this.emf = emf;
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
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            } finally {
                em.close();
            }
        }
    }
}
