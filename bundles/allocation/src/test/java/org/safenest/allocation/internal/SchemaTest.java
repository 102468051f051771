package org.safenest.allocation.internal;

import org.junit.jupiter.api.Test;
import org.safenest.testsupport.UnitSchemaCheck;

/**
 * The unit's changelog (db/changelog/safenest-allocation.xml) makes exactly the schema EclipseLink makes from the entities, runs
 * twice without change, and adopts a database that EclipseLink made (releases up to 0.1): on Derby, and on
 * PostgreSQL where one answers on 127.0.0.1:5432 (skipped with a message otherwise).
 */
class SchemaTest {

    @Test
    void changelogOnDerby() throws Exception {
        UnitSchemaCheck.onDerby("safenest-allocation");
    }

    @Test
    void changelogOnPostgres() throws Exception {
        UnitSchemaCheck.onPostgres("safenest-allocation");
    }
}
