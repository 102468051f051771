package org.safenest.testsupport;

import liquibase.database.core.DerbyDatabase;

/**
 * Liquibase's Derby support (as core's {@code DerbyMetadataDatabase}) with names looked up as they are. Liquibase escapes {@code _} with a backslash in the
 * name patterns it hands to JDBC metadata, but Derby has no escape character there ({@code getSearchStringEscape()}
 * is empty), so Liquibase 4.33 found no table whose name has an underscore: not its own history table on the second
 * start (it tried to create it again and failed), and no {@code tableExists} precondition, which adopting a database
 * made by EclipseLink relies on. Unescaped, {@code _} matches any character, itself included.
 */
public class DerbyMetadataDatabase extends DerbyDatabase {

    @Override
    public String escapeForLike(String string) {
        return string;
    }
}
