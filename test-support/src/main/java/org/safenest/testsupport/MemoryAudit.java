package org.safenest.testsupport;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;

/**
 * The platform's {@link AuditLog} in memory, for tests outside OSGi: records are kept in the order written (safe
 * for concurrent writers) and queried as the stored log answers, newest first, filtered as {@link AuditQuery#matches} says,
 * then paged.
 */
public final class MemoryAudit implements AuditLog {

    private final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public AuditRecord record(AuditRecord record) {
        records.add(record);
        return record;
    }

    /** In memory there is no transaction: the record is kept at once, as {@link #record} does. */
    @Override
    public void recordWithChange(AuditRecord record) {
        records.add(record);
    }

    /** Every record so far, oldest first. */
    public List<AuditRecord> records() {
        return List.copyOf(records);
    }

    /** The records of one action, oldest first. */
    public List<AuditRecord> byAction(String action) {
        return records.stream().filter(r -> r.action().equals(action)).toList();
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        Stream<AuditRecord> newestFirst = matching(query).sorted(Comparator.comparing(AuditRecord::at).reversed())
                .skip(Math.max(0, query.offset()));
        return (query.limit() > 0 ? newestFirst.limit(query.limit()) : newestFirst).toList();
    }

    @Override
    public long count(AuditQuery query) {
        return matching(query).count();
    }

    private Stream<AuditRecord> matching(AuditQuery q) {
        return records.stream().filter(q::matches);
    }
}
