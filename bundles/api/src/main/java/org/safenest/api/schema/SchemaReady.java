package org.safenest.api.schema;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The schema of one persistence unit is at the newest version its bundle carries. Core registers one per unit, with
 * the service property {@value #UNIT} set to the unit's name, after it has applied the unit's changelog under the
 * unit's database lock (so two nodes starting together migrate once). A component that uses the unit's database
 * requires it, for example {@code @Reference(target = "(unit=safenest-intake)") SchemaReady schema}, so that it is
 * not activated before the tables it reads exist.
 *
 * <p>A bundle declares its unit and changelog in its manifest:
 * {@code Safenest-Schema: safenest-intake;changelog=db/changelog/safenest-intake.xml}. The changelog is a Liquibase
 * changelog inside the bundle; its history is kept in the table {@code SN_SCHEMA_<UNIT>} (see README.md, "Schema
 * migrations").
 */
@ProviderType
public interface SchemaReady {

    /** The manifest header that names a bundle's persistence unit and its changelog. */
    String HEADER = "Safenest-Schema";

    /** The service property that names the persistence unit. */
    String UNIT = "unit";

    /** The service property with the id of the last change applied (the schema version). */
    String VERSION = "version";

    /** The persistence unit's name. */
    String unit();

    /** The id of the newest change applied to the unit's schema. */
    String version();
}
