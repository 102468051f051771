package org.safenest.allocation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.safenest.allocation.internal.jpa.PlanEntity;
import org.safenest.allocation.internal.jpa.Transactions;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.NotFoundException;

/** Stored plans of every region. At most one plan of a region is {@link PlanStatus#ADOPTED}. */
public final class PlanStore {

    private final Transactions tx;

    public PlanStore(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Stores a measured plan as {@link PlanStatus#PROPOSED}. Ids are numbers given in order, one save at a time
     * (Derby's identity columns fail under concurrent inserts: "too much contention" on their sequence).
     */
    public synchronized StoredPlan save(String region, AllocationPlan plan, String storedBy) {
        String content = PlanJson.write(plan);
        return tx.required(em -> {
            Long max = em.createQuery("SELECT MAX(p.id) FROM PlanEntity p", Long.class).getSingleResult();
            PlanEntity e = new PlanEntity();
            e.id = max == null ? 1L : max + 1;
            e.region = region;
            e.strategy = plan.strategy();
            e.status = PlanStatus.PROPOSED.name();
            e.storedBy = cut(storedBy, 100);
            e.storedAt = Instant.now();
            e.synthetic = plan.synthetic();
            e.content = content;
            em.persist(e);
            em.flush();
            return toPlan(e, plan);
        });
    }

    /** The region's plans, newest first. */
    public List<StoredPlan> list(String region) {
        return tx.required(em -> em.createQuery("SELECT p FROM PlanEntity p WHERE p.region = :r ORDER BY p.id DESC", PlanEntity.class)
                .setParameter("r", region).getResultList().stream().map(e -> toPlan(e, PlanJson.read(e.content))).toList());
    }

    public Optional<StoredPlan> find(String region, String id) {
        return tx.required(em -> entity(em, region, id).map(e -> toPlan(e, PlanJson.read(e.content))));
    }

    /** The region's adopted plan. */
    public Optional<StoredPlan> adopted(String region) {
        return tx.required(em -> em.createQuery("SELECT p FROM PlanEntity p WHERE p.region = :r AND p.status = :s ORDER BY p.id DESC",
                PlanEntity.class).setParameter("r", region).setParameter("s", PlanStatus.ADOPTED.name()).setMaxResults(1)
                .getResultList().stream().findFirst().map(e -> toPlan(e, PlanJson.read(e.content))));
    }

    /**
     * The plan an adopted (or since superseded) plan replaced when it was adopted: the one superseded at the moment of its
     * adoption (one transaction sets both instants). Empty when it replaced the initial assignment, or was never adopted.
     */
    public Optional<StoredPlan> replacedBy(StoredPlan plan) {
        if (plan.adoptedAt() == null) {
            return Optional.empty();
        }
        return tx.required(em -> em.createQuery("SELECT p FROM PlanEntity p WHERE p.region = :r AND p.supersededAt = :t AND p.id <> :id "
                + "ORDER BY p.id DESC", PlanEntity.class).setParameter("r", plan.region()).setParameter("t", plan.adoptedAt())
                .setParameter("id", Long.parseLong(plan.id())).setMaxResults(1).getResultList().stream().findFirst()
                .map(e -> toPlan(e, PlanJson.read(e.content))));
    }

    /** What an adoption did. */
    public record Adoption(StoredPlan adopted, String superseded) {
    }

    /**
     * Adopts a plan in one transaction: the adopted one before becomes {@link PlanStatus#SUPERSEDED}.
     * {@link NotFoundException} for an unknown plan, {@link ConflictException} when it is adopted already.
     */
    public Adoption adopt(String region, String id, String by) {
        return adopt(region, id, by, done -> {
        });
    }

    /** As {@link #adopt(String, String, String)}, then {@code inTransaction} (the audit record, the event) before the commit. */
    public Adoption adopt(String region, String id, String by, java.util.function.Consumer<Adoption> inTransaction) {
        return tx.required(em -> {
            PlanEntity e = entity(em, region, id).orElseThrow(() -> new NotFoundException("plan", id));
            if (PlanStatus.ADOPTED.name().equals(e.status)) {
                throw new ConflictException("Plan " + id + " of region '" + region + "' is already the adopted plan");
            }
            Instant now = Instant.now();
            String who = cut(by, 100);
            List<Long> previous = em.createQuery("SELECT p.id FROM PlanEntity p WHERE p.region = :r AND p.status = :s", Long.class)
                    .setParameter("r", region).setParameter("s", PlanStatus.ADOPTED.name()).getResultList();
            // bulk updates: they reach the database whatever the provider's change tracking does with public fields
            em.createQuery("UPDATE PlanEntity p SET p.status = :superseded, p.supersededAt = :now WHERE p.region = :r AND p.status = :adopted")
                    .setParameter("superseded", PlanStatus.SUPERSEDED.name()).setParameter("now", now).setParameter("r", region)
                    .setParameter("adopted", PlanStatus.ADOPTED.name()).executeUpdate();
            int changed = em.createQuery("UPDATE PlanEntity p SET p.status = :adopted, p.adoptedAt = :now, p.adoptedBy = :by "
                    + "WHERE p.id = :id AND p.status <> :adopted").setParameter("adopted", PlanStatus.ADOPTED.name())
                    .setParameter("now", now).setParameter("by", who).setParameter("id", e.id).executeUpdate();
            if (changed != 1) {
                throw new ConflictException("Plan " + id + " of region '" + region + "' was adopted meanwhile");
            }
            StoredPlan adopted = new StoredPlan(String.valueOf(e.id), e.region, PlanJson.read(e.content), PlanStatus.ADOPTED, e.storedBy,
                    now, who);
            Adoption done = new Adoption(adopted, previous.isEmpty() ? null : String.valueOf(previous.get(0)));
            inTransaction.accept(done);
            return done;
        });
    }

    private static Optional<PlanEntity> entity(EntityManager em, String region, String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException ex) {
            return Optional.empty();
        }
        PlanEntity e = em.find(PlanEntity.class, key);
        return e == null || !e.region.equals(region) ? Optional.empty() : Optional.of(e);
    }

    private static StoredPlan toPlan(PlanEntity e, AllocationPlan plan) {
        return new StoredPlan(String.valueOf(e.id), e.region, plan, PlanStatus.valueOf(e.status), e.storedBy, e.adoptedAt, e.adoptedBy);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
