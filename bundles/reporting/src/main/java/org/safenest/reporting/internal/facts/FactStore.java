package org.safenest.reporting.internal.facts;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.schema.SchemaReady;

/** The reporting persistence unit as {@link Transactions}, shared by the fact collector and the reports of this bundle. */
@Component(service = FactStore.class)
public class FactStore implements Transactions {

    private final JpaTemplate jpa;

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-reporting)")
    SchemaReady schemaReady;

    @Activate
    public FactStore(@Reference(target = "(osgi.unit.name=safenest-reporting)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public <R> R required(Function<EntityManager, R> work) {
        return jpa.txExpr(TransactionType.Required, work::apply);
    }
}
