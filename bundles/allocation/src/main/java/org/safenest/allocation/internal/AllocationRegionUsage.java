package org.safenest.allocation.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.region.RegionUsage;
import org.safenest.api.schema.SchemaReady;
import org.safenest.allocation.internal.jpa.Transactions;

/** A region with stored allocation plans is not removed: they are kept (see core's region removal). */
@Component(service = RegionUsage.class)
public class AllocationRegionUsage implements RegionUsage {

    private final Transactions tx;

    /** The unit's tables exist (core migrated them). */
    @Reference(target = "(unit=safenest-allocation)")
    SchemaReady schemaReady;

    @Activate
    public AllocationRegionUsage(@Reference(target = "(osgi.unit.name=safenest-allocation)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /** Outside OSGi (tests). */
    AllocationRegionUsage(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<String> records(String region) {
        long count = tx.required(em -> em.createQuery(
                "SELECT COUNT(e) FROM PlanEntity e WHERE e.region = :r", Long.class).setParameter("r", region).getSingleResult());
        return count == 0 ? Optional.empty() : Optional.of(count + " stored allocation plan(s)");
    }
}
