package org.safenest.referral.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.region.RegionUsage;
import org.safenest.api.schema.SchemaReady;
import org.safenest.referral.internal.jpa.Transactions;

/** A region with proposals for the referral board is not removed: they are kept (see core's region removal). */
@Component(service = RegionUsage.class)
public class ReferralRegionUsage implements RegionUsage {

    private final Transactions tx;

    /** The unit's tables exist (core migrated them). */
    @Reference(target = "(unit=safenest-referral)")
    SchemaReady schemaReady;

    @Activate
    public ReferralRegionUsage(@Reference(target = "(osgi.unit.name=safenest-referral)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /** Outside OSGi (tests). */
    ReferralRegionUsage(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<String> records(String region) {
        long count = tx.required(em -> em.createQuery(
                "SELECT COUNT(e) FROM ProposalEntity e WHERE e.region = :r", Long.class).setParameter("r", region).getSingleResult());
        return count == 0 ? Optional.empty() : Optional.of(count + " referral proposal(s)");
    }
}
