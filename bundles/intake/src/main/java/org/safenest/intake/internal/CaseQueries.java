package org.safenest.intake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.CaseFilter;
import org.safenest.api.intake.CaseStatus;
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.CaseView;
import org.safenest.api.intake.DispatchedReport;
import org.safenest.api.intake.MergeRule;
import org.safenest.api.region.District;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.intake.internal.jpa.CaseChildEntity;
import org.safenest.intake.internal.jpa.CaseEntity;

/** Reading cases: one case, and the list with its filters, sort and total. */
final class CaseQueries extends CasePart {
    CaseQueries(CasePart first) {
        super(first);
    }


    // ------------------------------------------------------------------ reading

    public CaseView caseView(Caller caller, String region, String caseNumber) {
        return run(caller, "case.read", region, caseNumber, () -> {
            caller.requireAny(READERS);
            caller.requireRegion(region);
            directory.get(region);
            CaseView view = inTransaction(em -> Views.caseView(em, findCase(em, region, caseNumber, false)));
            return new Done<>(view, caseNumber, null, List.of());
        });
    }

    public List<CaseSummary> cases(Caller caller, String region, CaseFilter filter) {
        return run(caller, "case.list", region, null, () -> {
            caller.requireAny(READERS);
            caller.requireRegion(region);
            RegionRefs refs = directory.get(region);
            CaseFilter f = districtCode(refs, filter == null ? CaseFilter.all(DEFAULT_LIMIT) : filter);
            orderBy(f.sort());
            LocalDate today = LocalDate.ofInstant(clock.instant(), refs.zone());
            int limit = f.limit() <= 0 ? DEFAULT_LIMIT : Math.min(f.limit(), MAX_LIMIT);
            List<CaseSummary> list = tx.required(em -> {
                TypedQuery<CaseEntity> q = filtered(em, region, f, today, "SELECT c", orderBy(f.sort()), CaseEntity.class);
                q.setFirstResult(Math.max(0, f.offset()));
                q.setMaxResults(limit);
                return q.getResultList().stream().map(c -> Views.summary(c, today)).toList();
            });
            return new Done<>(list, null, list.size() + " cases", List.of());
        });
    }

    public long countCases(Caller caller, String region, CaseFilter filter) {
        caller.requireAny(READERS);
        caller.requireRegion(region);
        RegionRefs refs = directory.get(region);
        CaseFilter f = districtCode(refs, filter == null ? CaseFilter.all(DEFAULT_LIMIT) : filter);
        LocalDate today = LocalDate.ofInstant(clock.instant(), refs.zone());
        return tx.required(em -> filtered(em, region, f, today, "SELECT COUNT(c)", "", Long.class).getSingleResult());
    }

    /**
     * The reports that opened the region's cases in a period (by first received time), with what each was dispatched
     * on and to: what the dispatch rules' impact preview replays under a draft.
     */
    public List<DispatchedReport> dispatchedReports(Caller caller, String region, Instant from, Instant to, int offset, int limit) {
        return run(caller, "case.dispatch-replay", region, null, () -> {
            caller.requireAny(Role.DISPATCHER, Role.SUPERVISOR);
            caller.requireRegion(region);
            directory.get(region);
            List<FieldError> wrong = new ArrayList<>();
            if (from == null) {
                wrong.add(new FieldError("from", "required", "The start of the period is required"));
            }
            if (to == null) {
                wrong.add(new FieldError("to", "required", "The end of the period is required"));
            }
            if (from != null && to != null && !from.isBefore(to)) {
                wrong.add(new FieldError("to", "invalid-value", "The end of the period must come after its start"));
            }
            if (!wrong.isEmpty()) {
                throw new InvalidInputException(wrong);
            }
            int max = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
            // the cases by their first received time (SN_CASE_RECEIVED_IX), then the report that opened each and its decision
            List<DispatchedReport> list = tx.required(em -> em.createQuery("SELECT c.caseNumber, r.receivedAt, r.caseType, r.district,"
                    + " r.districtPart, d.office, d.manualQueue, d.ruleSetVersion FROM CaseEntity c, ReportEntity r, DecisionEntity d"
                    + " WHERE c.region = :region AND c.firstReceivedAt >= :from AND c.firstReceivedAt < :to AND r.caseId = c.id"
                    + " AND r.mergeRule = :opened AND d.id = r.decisionId ORDER BY c.firstReceivedAt, c.id", Object[].class)
                    .setParameter("region", region).setParameter("from", from).setParameter("to", to)
                    .setParameter("opened", MergeRule.NEW_CASE.name()).setFirstResult(Math.max(0, offset)).setMaxResults(max)
                    .getResultList().stream().map(row -> new DispatchedReport((String) row[0], (Instant) row[1], (String) row[2],
                            (String) row[3], (String) row[4], Boolean.TRUE.equals(row[6]) ? null : (String) row[5], (Integer) row[7]))
                    .toList());
            return new Done<>(list, null, list.size() + " reports from " + from + " to " + to, List.of());
        });
    }

    /** The JPQL columns of the sort keys of {@link CaseFilter#SORTS}. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("caseNumber", "c.caseNumber", "receivedAt", "c.firstReceivedAt",
            "lastReceivedAt", "c.lastReceivedAt", "openedAt", "c.openedAt", "caseType", "c.caseType", "district", "c.district",
            "office", "c.office", "status", "c.status", "followUpDue", "c.followUpDue", "assignedTo", "c.assignedTo");

    /**
     * The ORDER BY of a sort key ({@code field} or {@code -field} for descending; null is newest first), with the id
     * as the last key so that pages never overlap; an unknown key is a field error {@code sort}.
     */
    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return " ORDER BY c.openedAt DESC, c.id DESC";
        }
        String key = sort.strip();
        boolean descending = key.startsWith("-");
        String column = SORT_COLUMNS.get(descending ? key.substring(1) : key);
        if (column == null) {
            throw new InvalidInputException("sort", "unknown", "sort must be one of " + CaseFilter.SORTS
                    + ", with - before it for descending order");
        }
        String dir = descending ? " DESC" : " ASC";
        return " ORDER BY " + column + dir + ", c.id" + dir;
    }

    /** The filter with the district's code when it names a district by name. */
    private static CaseFilter districtCode(RegionRefs refs, CaseFilter f) {
        District d = f.district() == null ? null : refs.district(f.district());
        if (d == null || d.code().equals(f.district())) {
            return f;
        }
        return f.withDistrict(d.code());
    }

    private static <T> TypedQuery<T> filtered(EntityManager em, String region, CaseFilter f, LocalDate today, String select,
            String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" WHERE c.region = :region");
        Map<String, Object> params = new HashMap<>();
        params.put("region", region);
        if (f.caseType() != null) {
            where.append(" AND c.caseType = :caseType");
            params.put("caseType", f.caseType());
        }
        if (f.serviceLine() != null) {
            where.append(" AND c.serviceLine = :line");
            params.put("line", f.serviceLine().name());
        }
        if (f.district() != null) {
            where.append(" AND c.district = :district");
            params.put("district", f.district());
        }
        if (f.office() != null) {
            where.append(" AND c.office = :office");
            params.put("office", f.office());
        }
        if (f.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.manualQueueOnly()) {
            where.append(" AND c.status = :queued");
            params.put("queued", CaseStatus.AWAITING_DISPATCH.name());
        }
        if (f.overdueOnly()) {
            where.append(" AND c.followUpDue < :today AND c.followUpCompletedAt IS NULL");
            params.put("today", today);
        }
        if (f.receivedFrom() != null) {
            where.append(" AND c.firstReceivedAt >= :from");
            params.put("from", f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            where.append(" AND c.firstReceivedAt < :to");
            params.put("to", f.receivedTo());
        }
        if (f.caseNumber() != null) {
            String n = f.caseNumber().strip().toUpperCase(java.util.Locale.ROOT);
            if (n.matches("[A-Z]+-\\d{4}-\\d{6}")) {
                // a whole number: the unique index
                where.append(" AND c.caseNumber = :number");
                params.put("number", n);
            } else {
                // the numbers that begin with it (a prefix LIKE reads the same index); % and _ taken literally
                where.append(" AND c.caseNumber LIKE :number ESCAPE '!'");
                params.put("number", n.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        if (f.householdRef() != null) {
            where.append(" AND c.householdRef = :household");
            params.put("household", f.householdRef().strip());
        }
        if (f.childRef() != null) {
            // the cases of the child first (SN_CASE_CHILD_REF_IX), then those by id: as one query with a subquery, Derby
            // scanned every case of the region instead (SearchIndexTest)
            // (no DISTINCT: with it Derby scanned the table)
            List<Long> ids = em.createQuery("SELECT x.caseId FROM CaseChildEntity x WHERE x.region = :r AND x.childRef = :c",
                    Long.class).setParameter("r", region).setParameter("c", f.childRef().strip()).setMaxResults(MAX_LIMIT).getResultList()
                    .stream().distinct().toList();
            where.append(ids.isEmpty() ? " AND 1 = 0" : " AND c.id IN :childCases");
            if (!ids.isEmpty()) {
                params.put("childCases", ids);
            }
        }
        if (f.assignedTo() != null) {
            where.append(" AND c.assignedTo = :worker");
            params.put("worker", f.assignedTo().strip());
        }
        TypedQuery<T> q = em.createQuery(select + " FROM CaseEntity c" + where + order, type);
        params.forEach(q::setParameter);
        return q;
    }
}
