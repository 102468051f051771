package org.safenest.dispatch.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.region.RegionUsage;
import org.safenest.api.schema.SchemaReady;

/**
 * A region with published rule-set versions is not removed: published versions never change and are kept (they say
 * how past reports were dispatched).
 */
@Component(service = RegionUsage.class)
public class DispatchRegionUsage implements RegionUsage {

    private final JpaTemplate jpa;

    /** The unit's tables exist (core migrated them). */
    @Reference(target = "(unit=safenest-dispatch)")
    SchemaReady schemaReady;

    @Activate
    public DispatchRegionUsage(@Reference(target = "(osgi.unit.name=safenest-dispatch)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<String> records(String region) {
        long versions = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT COUNT(s) FROM RuleSetEntity s WHERE s.region = :r", Long.class).setParameter("r", region).getSingleResult());
        return versions == 0 ? Optional.empty() : Optional.of(versions + " published dispatch rule-set version(s)");
    }
}
