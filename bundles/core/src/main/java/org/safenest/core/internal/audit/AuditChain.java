package org.safenest.core.internal.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.schema.SchemaReady;
import org.safenest.core.internal.jpa.AuditChainEntity;
import org.safenest.core.internal.jpa.AuditEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log's hash chain. Records are written concurrently, each sealed with its MAC ({@link AuditSeal}); every
 * second this component takes the committed, not yet chained records in id order, gives each the next position and
 * the SHA-256 link to the one before, holding the chain head's row lock (so several nodes on one database build one
 * chain). {@link #verify()} walks the chain and reports the first record that was changed, removed or inserted.
 * <p>
 * Records written before Safenest chained its audit log have no MAC; they stay outside the chain and are reported as
 * unsealed, never as genuine.
 */
@Component(service = AuditChain.class)
public class AuditChain {

    static final String HEAD = "main";
    static final int BATCH = 1000;
    /**
     * EclipseLink's hint to read rows from the database, not from its cache: a row changed behind Safenest's back
     * must be seen as it is.
     */
    static final String REFRESH = "eclipselink.refresh";
    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);

    /** What went wrong first, by kind: {@code changed}, {@code removed}, {@code inserted}. */
    public record Problem(String kind, Long position, Long recordId, String message) {
    }

    /** The result of a verification: intact when no problem was found. */
    public record Verification(boolean intact, long chained, long pending, Problem firstProblem, Instant checkedAt) {
    }

    private final JpaTemplate jpa;
    private final AuditSeal seal;
    private final ScheduledExecutorService sealer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "safenest-audit-chain");
        t.setDaemon(true);
        return t;
    });

    /** The unit's tables exist (core migrated them): the chain's job must not start before SN_AUDIT_CHAIN is there. */
    @Reference(target = "(unit=safenest-core)")
    SchemaReady schemaReady;

    @Activate
    public AuditChain(@Reference(target = "(osgi.unit.name=safenest-core)") JpaTemplate jpa) {
        this(jpa, AuditSeal.node());
        sealer.scheduleWithFixedDelay(() -> {
            try {
                while (chainPending() == BATCH) {
                    // more waiting: go on at once
                }
            } catch (RuntimeException e) {
                LOG.warn("Chaining audit records failed; trying again", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    AuditChain(JpaTemplate jpa, AuditSeal seal) {
        this.jpa = jpa;
        this.seal = seal;
    }

    @Deactivate
    void deactivate() {
        sealer.shutdownNow();
    }

    /** Chains up to {@link #BATCH} committed records that are not chained yet; answers how many. */
    int chainPending() {
        return jpa.txExpr(TransactionType.RequiresNew, em -> {
            AuditChainEntity head = head(em);
            List<AuditEntity> pending = em.createQuery(
                    "SELECT a FROM AuditEntity a WHERE a.chainPos IS NULL AND a.mac IS NOT NULL ORDER BY a.id", AuditEntity.class)
                    .setMaxResults(BATCH).setHint(REFRESH, "true").getResultList();
            for (AuditEntity a : pending) {
                long position = head.lastPos + 1;
                a.chainPos = position;
                a.chainHash = AuditSeal.link(head.lastHash, position, a.mac);
                head.lastPos = position;
                head.lastHash = a.chainHash;
            }
            if (!pending.isEmpty()) {
                head.updatedAt = Instant.now();
            }
            return pending.size();
        });
    }

    private static AuditChainEntity head(EntityManager em) {
        AuditChainEntity head = em.find(AuditChainEntity.class, HEAD, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = new AuditChainEntity();
            head.name = HEAD;
            head.lastPos = 0;
            head.lastHash = AuditSeal.GENESIS;
            head.updatedAt = Instant.now();
            em.persist(head);
            em.flush();
        }
        return head;
    }

    /** Walks the whole chain; reports the first changed, removed or inserted record. */
    public Verification verify() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            AuditChainEntity head = em.find(AuditChainEntity.class, HEAD, Map.of(REFRESH, "true"));
            long expected = 1;
            String previous = AuditSeal.GENESIS;
            Problem problem = null;
            while (problem == null) {
                List<AuditEntity> page = em.createQuery(
                        "SELECT a FROM AuditEntity a WHERE a.chainPos >= :from ORDER BY a.chainPos, a.id", AuditEntity.class)
                        .setParameter("from", expected).setMaxResults(BATCH).setHint(REFRESH, "true").getResultList();
                for (AuditEntity a : page) {
                    em.detach(a);
                    problem = check(a, expected, previous);
                    if (problem != null) {
                        break;
                    }
                    previous = a.chainHash;
                    expected++;
                }
                if (page.size() < BATCH) {
                    break;
                }
            }
            long chained = expected - 1;
            if (problem == null && head != null && head.lastPos > chained) {
                problem = new Problem("removed", expected, null, "Records at positions " + expected + " to " + head.lastPos
                        + " of the chain are missing (removed at its end)");
            }
            if (problem == null && head != null && head.lastPos == chained && !head.lastHash.equals(previous)) {
                problem = new Problem("changed", chained, null, "The chain head does not match its last record");
            }
            long pending = 0;
            if (problem == null) {
                List<AuditEntity> unchained = em.createQuery("SELECT a FROM AuditEntity a WHERE a.chainPos IS NULL ORDER BY a.id",
                        AuditEntity.class).setMaxResults(BATCH).setHint(REFRESH, "true").getResultList();
                for (AuditEntity a : unchained) {
                    if (a.mac == null || !a.mac.equals(seal.mac(a))) {
                        problem = new Problem("inserted", null, a.id, "Record " + a.id
                                + " was not written by Safenest (no valid seal): inserted into the database, or older than the audit chain");
                        break;
                    }
                    pending++;
                }
            }
            return new Verification(problem == null, chained, pending, problem, Instant.now());
        });
    }

    private Problem check(AuditEntity a, long expected, String previous) {
        if (a.chainPos < expected) {
            return new Problem("inserted", a.chainPos, a.id, "Record " + a.id + " claims position " + a.chainPos
                    + ", which another record holds: it was inserted");
        }
        if (a.chainPos > expected) {
            return new Problem("removed", expected, a.id, "Records at positions " + expected + " to " + (a.chainPos - 1)
                    + " are missing: removed before record " + a.id);
        }
        if (a.mac == null || !a.mac.equals(seal.mac(a))) {
            return new Problem("changed", a.chainPos, a.id, "Record " + a.id + " at position " + a.chainPos
                    + " was changed after it was written (its content no longer matches its seal)");
        }
        if (!AuditSeal.link(previous, a.chainPos, a.mac).equals(a.chainHash)) {
            return new Problem("changed", a.chainPos, a.id, "The chain link of record " + a.id + " at position " + a.chainPos
                    + " was changed (the records before it were altered or reordered)");
        }
        return null;
    }
}
