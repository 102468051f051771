/**
 * Schema migrations: each bundle with a persistence unit carries a Liquibase changelog for it and names it in its
 * manifest ({@link org.safenest.api.schema.SchemaReady#HEADER}); core applies it when the bundle starts and then
 * registers a {@link org.safenest.api.schema.SchemaReady} for the unit, which the unit's components require.
 */
@Export
@Version("1.0.0")
package org.safenest.api.schema;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
