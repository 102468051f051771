package org.safenest.referral.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.safenest.api.error.ConflictException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.referral.FollowUpStatus;
import org.safenest.referral.internal.jpa.CounterEntity;
import org.safenest.referral.internal.jpa.ProposalEntity;
import org.safenest.referral.internal.jpa.Transactions;

/** Stores proposals with their decisions; every method is one transaction. Entities come back detached. */
public final class ReferralStore {

    private final Transactions tx;

    public ReferralStore(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Stores a new proposal: numbers it ({@code RB-<year>-<nnn>} within the region and year) and puts it on the
     * meeting {@code meetingFor} picks from the meeting dates already holding proposals from {@code since} on, all
     * in one transaction.
     */
    public ProposalEntity add(ProposalEntity proposal, int year, LocalDate since,
            Function<List<LocalDate>, LocalDate> meetingFor, Consumer<ProposalEntity> inTransaction) {
        return tx.required(em -> {
            proposal.meetingDate = meetingFor.apply(meetingDates(em, proposal.region, since, null));
            proposal.proposalId = String.format("RB-%d-%03d", year, nextNumber(em, proposal.region + "/" + year));
            em.persist(proposal);
            em.flush();
            inTransaction.accept(proposal);
            return proposal;
        });
    }

    private static int nextNumber(EntityManager em, String name) {
        CounterEntity counter = em.find(CounterEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new CounterEntity();
            counter.name = name;
            counter.next = 2;
            em.persist(counter);
            return 1;
        }
        int n = counter.next;
        counter.next = n + 1;
        return n;
    }

    /** The distinct meeting dates holding proposals of the region, from {@code from} to {@code to} (null: open). */
    public List<LocalDate> meetingDates(String region, LocalDate from, LocalDate to) {
        return tx.required(em -> meetingDates(em, region, from, to));
    }

    private static List<LocalDate> meetingDates(EntityManager em, String region, LocalDate from, LocalDate to) {
        String jpql = "SELECT DISTINCT p.meetingDate FROM ProposalEntity p WHERE p.region = :r"
                + (from == null ? "" : " AND p.meetingDate >= :from") + (to == null ? "" : " AND p.meetingDate <= :to");
        var q = em.createQuery(jpql, LocalDate.class).setParameter("r", region);
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        return q.getResultList().stream().sorted().toList();
    }

    /** The region's proposals on meetings from {@code from} to {@code to}, by meeting then submission. */
    public List<ProposalEntity> onMeetings(String region, LocalDate from, LocalDate to) {
        return tx.required(em -> em.createQuery("SELECT p FROM ProposalEntity p WHERE p.region = :r"
                + " AND p.meetingDate >= :from AND p.meetingDate <= :to ORDER BY p.meetingDate, p.submittedAt, p.seq",
                ProposalEntity.class).setParameter("r", region).setParameter("from", from).setParameter("to", to)
                .getResultList());
    }

    public Optional<ProposalEntity> find(String region, String proposalId) {
        return tx.required(em -> em.createQuery("SELECT p FROM ProposalEntity p WHERE p.region = :r AND p.proposalId = :id",
                ProposalEntity.class).setParameter("r", region).setParameter("id", proposalId)
                .getResultList().stream().findFirst());
    }

    /** Proposals not yet decided, by meeting then submission. */
    public List<ProposalEntity> undecided(String region) {
        return tx.required(em -> em.createQuery("SELECT p FROM ProposalEntity p WHERE p.region = :r AND p.outcome IS NULL"
                + " ORDER BY p.meetingDate, p.submittedAt, p.seq", ProposalEntity.class).setParameter("r", region).getResultList());
    }

    /** Decisions whose follow-up is pending, oldest decision first. */
    public List<ProposalEntity> pendingFollowUps(String region) {
        return tx.required(em -> em.createQuery("SELECT p FROM ProposalEntity p WHERE p.region = :r AND p.followUp = :f"
                + " ORDER BY p.decidedAt, p.seq", ProposalEntity.class).setParameter("r", region)
                .setParameter("f", FollowUpStatus.PENDING.name()).getResultList());
    }

    /**
     * Changes one proposal under a write lock, so that two concurrent changes (two decisions) are serialised and
     * the second sees the first. {@code change} may throw (a {@link ConflictException}); nothing is written then.
     */
    public ProposalEntity update(String region, String proposalId, Consumer<ProposalEntity> change) {
        return update(region, proposalId, change, p -> {
        });
    }

    /** As {@link #update(String, String, Consumer)}, then {@code inTransaction} (the audit record, the events) before the commit. */
    public ProposalEntity update(String region, String proposalId, Consumer<ProposalEntity> change, Consumer<ProposalEntity> inTransaction) {
        return tx.required(em -> {
            Long seq = em.createQuery("SELECT p.seq FROM ProposalEntity p WHERE p.region = :r AND p.proposalId = :id", Long.class)
                    .setParameter("r", region).setParameter("id", proposalId).getResultList().stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("referral proposal", proposalId));
            ProposalEntity p = em.find(ProposalEntity.class, seq, LockModeType.PESSIMISTIC_WRITE);
            if (p == null) {
                throw new NotFoundException("referral proposal", proposalId);
            }
            change.accept(p);
            em.flush();
            inTransaction.accept(p);
            return p;
        });
    }
}
