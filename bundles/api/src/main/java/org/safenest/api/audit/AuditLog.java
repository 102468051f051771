package org.safenest.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The platform's audit log, kept in the database. */
@ProviderType
public interface AuditLog {

    /** Stores the record; returns it with its id. Never throws for a valid record: auditing must not be lost. */
    AuditRecord record(AuditRecord record);

    /**
     * Stores the record of a change <em>in the caller's ongoing JTA transaction</em>, so that it commits or rolls
     * back with the change it records: an acknowledged change always has its record. Outside a transaction it
     * throws {@link IllegalStateException}. A log kept outside the change's database (in memory, in tests) may
     * keep the default, which writes the record as {@link #record} does.
     */
    default void recordWithChange(AuditRecord record) {
        record(record);
    }

    /** Records matching the query, newest first. */
    List<AuditRecord> query(AuditQuery query);

    /** How many records match the query (offset and limit ignored). */
    long count(AuditQuery query);
}
