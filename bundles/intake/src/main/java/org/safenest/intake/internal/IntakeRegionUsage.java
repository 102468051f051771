package org.safenest.intake.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.region.RegionUsage;
import org.safenest.api.schema.SchemaReady;

/** A region with reports or cases is not removed: intake keeps them (see core's region removal). */
@Component(service = RegionUsage.class)
public class IntakeRegionUsage implements RegionUsage {

    private final JpaTemplate jpa;

    /** The unit's tables exist (core migrated them). */
    @Reference(target = "(unit=safenest-intake)")
    SchemaReady schemaReady;

    @Activate
    public IntakeRegionUsage(@Reference(target = "(osgi.unit.name=safenest-intake)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<String> records(String region) {
        long[] counts = jpa.txExpr(TransactionType.Required, em -> new long[] {
            em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.region = :r", Long.class).setParameter("r", region).getSingleResult(),
            em.createQuery("SELECT COUNT(r) FROM ReportEntity r WHERE r.region = :r", Long.class).setParameter("r", region).getSingleResult()
        });
        if (counts[0] == 0 && counts[1] == 0) {
            return Optional.empty();
        }
        return Optional.of(counts[0] + " case(s) from " + counts[1] + " report(s)");
    }
}
