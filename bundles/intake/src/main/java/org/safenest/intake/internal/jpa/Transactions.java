package org.safenest.intake.internal.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

/** Runs work on an EntityManager inside a transaction (Aries JPA's JpaTemplate in OSGi, plain JPA in tests). */
@FunctionalInterface
public interface Transactions {
    <R> R required(Function<EntityManager, R> work);
}
