package org.safenest.api.audit;

import java.util.List;

/** The platform's audit log, kept in the database. */
public interface AuditLog {

    /** Stores the record; returns it with its id. Never throws for a valid record: auditing must not be lost. */
    AuditRecord record(AuditRecord record);

    /** Records matching the query, newest first. */
    List<AuditRecord> query(AuditQuery query);

    /** How many records match the query (offset and limit ignored). */
    long count(AuditQuery query);
}
