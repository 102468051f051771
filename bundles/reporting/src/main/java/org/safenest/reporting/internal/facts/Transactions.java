package org.safenest.reporting.internal.facts;

import java.util.function.Function;

import javax.persistence.EntityManager;

/** Runs work on an EntityManager inside a transaction (Aries JPA's JpaTemplate in OSGi, plain JPA in tests and benchmarks). */
@FunctionalInterface
public interface Transactions {
    <R> R required(Function<EntityManager, R> work);
}
