package org.safenest.core.internal.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.schema.SchemaReady;
import org.safenest.core.internal.jpa.AuditEntity;

/**
 * The audit log in the database. Records are written in transactions of their own (so they survive a failed
 * action) by a {@link GroupCommit} writer: concurrent callers share one commit, and {@link #record} returns only
 * once its record is committed, so no request answers before its audit record is durable. Each record is sealed
 * with its MAC as it is written; {@link AuditChain} links them into a hash chain.
 */
@Component
public class JpaAuditLog implements AuditLog {

    static final int MAX_LIMIT = 1000;
    static final int MAX_BATCH = 256;
    static final int CAPACITY = 10_000;
    static final long WAIT_MS = 30_000;

    private final JpaTemplate jpa;
    private final GroupCommit<AuditEntity> writer;
    private final AuditSeal seal = AuditSeal.node();

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-core)")
    SchemaReady schemaReady;

    @Activate
    public JpaAuditLog(@Reference(target = "(osgi.unit.name=safenest-core)") JpaTemplate jpa) {
        this.jpa = jpa;
        this.writer = new GroupCommit<>("safenest-audit-writer", batch -> jpa.tx(TransactionType.RequiresNew, em -> {
            for (AuditEntity e : batch) {
                em.persist(e);
                e.mac = seal.mac(e);
            }
            em.flush();
        }), MAX_BATCH, CAPACITY, WAIT_MS);
    }

    @Deactivate
    void deactivate() {
        writer.stop(WAIT_MS);
    }

    @Override
    public void recordWithChange(AuditRecord r) {
        AuditEntity e = entity(r);
        try {
            jpa.tx(TransactionType.Mandatory, em -> {
                em.persist(e);
                e.mac = seal.mac(e);
            });
        } catch (RuntimeException ex) {
            if (ex.getClass().getSimpleName().contains("TransactionRequired") || String.valueOf(ex.getMessage()).contains("No transaction")) {
                throw new IllegalStateException("AuditLog.recordWithChange needs the caller's transaction", ex);
            }
            throw ex;
        }
    }

    @Override
    public AuditRecord record(AuditRecord r) {
        AuditEntity e = entity(r);
        writer.write(e);
        return new AuditRecord(e.id, e.at, e.actor, e.action, e.region, e.target, r.outcome(), e.detail);
    }

    private static AuditEntity entity(AuditRecord r) {
        AuditEntity e = new AuditEntity();
        e.at = r.at();
        e.actor = cut(r.actor(), 100);
        e.action = cut(r.action(), 300);
        e.region = cut(r.region(), 64);
        e.target = cut(r.target(), 200);
        e.outcome = r.outcome().name();
        e.detail = cut(r.detail(), 500);
        return e;
    }

    @Override
    public List<AuditRecord> query(AuditQuery q) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<AuditEntity> query = build(em, q, "SELECT a", " ORDER BY a.at DESC, a.id DESC", AuditEntity.class);
            query.setFirstResult(Math.max(0, q.offset()));
            query.setMaxResults(q.limit() <= 0 ? 100 : Math.min(q.limit(), MAX_LIMIT));
            List<AuditRecord> result = new ArrayList<>();
            for (AuditEntity e : query.getResultList()) {
                result.add(new AuditRecord(e.id, e.at, e.actor, e.action, e.region, e.target, AuditOutcome.valueOf(e.outcome), e.detail));
            }
            return result;
        });
    }

    @Override
    public long count(AuditQuery q) {
        return jpa.txExpr(TransactionType.Supports, em -> build(em, q, "SELECT COUNT(a)", "", Long.class).getSingleResult());
    }

    private static <T> TypedQuery<T> build(EntityManager em, AuditQuery q, String select, String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.actor() != null) {
            where.append(" AND a.actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.region() != null) {
            where.append(" AND a.region = :region");
            params.put("region", q.region());
        }
        if (q.from() != null) {
            where.append(" AND a.at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" AND a.at < :to");
            params.put("to", q.to());
        }
        if (q.action() != null) {
            where.append(" AND LOCATE(:action, a.action) > 0");
            params.put("action", q.action());
        }
        if (q.target() != null) {
            where.append(" AND a.target = :target");
            params.put("target", q.target());
        }
        if (q.outcome() != null) {
            where.append(" AND a.outcome = :outcome");
            params.put("outcome", q.outcome().name());
        }
        TypedQuery<T> query = em.createQuery(select + " FROM AuditEntity a" + where + order, type);
        params.forEach(query::setParameter);
        return query;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
