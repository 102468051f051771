package org.safenest.reporting.internal.reports;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

import javax.persistence.Query;

import org.safenest.api.error.InvalidInputException;
import org.safenest.api.region.RegionService;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.Report;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportLabel;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportParameter;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.reporting.internal.facts.Transactions;

/**
 * A report computed by one aggregate SQL query over a table of facts: the grouping dimensions become the
 * {@code GROUP BY}, the period a range on the table's day column, and the database returns only the groups, so a
 * million rows are never loaded into memory. A {@link Definition} names the table, the dimensions, the aggregates
 * and how they become the measure cells; {@link FactReports} holds the definitions and registers the reports.
 */
public final class AggregateReport implements Report {

    /** At most this many grouping dimensions at once. */
    public static final int MAX_GROUPING = 3;

    /**
     * A grouping dimension.
     *
     * @param key  the grouping and column key
     * @param sql  its SQL expression (on the index where the table has one)
     * @param zh   Traditional Chinese label
     * @param en   English label
     * @param type {@link ColumnType#MONTH} (the expression yields yyyyMM), {@link ColumnType#INTEGER} or {@link ColumnType#TEXT}
     * @param kind the kind of code a text column holds (for its names), or null
     */
    public record Dimension(String key, String sql, String zh, String en, ColumnType type, Names.Kind kind) {
    }

    /** Turns a group's aggregate values into its measure cells. */
    @FunctionalInterface
    public interface Measures {
        /**
         * @param values the aggregates in {@link Definition#aggregates} order as whole numbers (null is zero)
         * @param raw    the aggregates as the database returned them (for averages, or nulls)
         * @param clock  the report's clock (for ages)
         */
        List<Object> of(long[] values, Object[] raw, Clock clock);
    }

    /**
     * What a report is.
     *
     * @param id            the report id
     * @param titleZh       Traditional Chinese title
     * @param titleEn       English title
     * @param descriptionZh Traditional Chinese description
     * @param descriptionEn English description
     * @param table         the facts table
     * @param dayColumn     the day column the period applies to, or null when the report shows the state today
     * @param condition     an extra SQL condition on the rows (constant SQL, no user input), or null
     * @param dimensions    the dimensions it can group by; the first is the default
     * @param aggregates    the SQL aggregate expressions for the region's date today (for "overdue")
     * @param columns       the measure columns that follow the dimensions
     * @param measures      how a group's aggregates become its measure cells
     */
    public record Definition(String id, String titleZh, String titleEn, String descriptionZh, String descriptionEn, String table,
            String dayColumn, String condition, List<Dimension> dimensions, Function<LocalDate, List<String>> aggregates,
            List<ReportColumn> columns, Measures measures) {
    }

    /** The month of a day column (its {@code sql} is the column; the query computes year * 100 + month in the database's own SQL). */
    static Dimension month(String dayColumn) {
        return new Dimension("month", dayColumn, "月份", "Month", ColumnType.MONTH, null);
    }

    /** The SQL of a dimension in the database's dialect. */
    private static String sql(Dimension d, Dialect dialect) {
        return d.type() == ColumnType.MONTH ? dialect.yearMonth(d.sql()) : d.sql();
    }

    static Dimension text(String key, String column, String zh, String en, Names.Kind kind) {
        return new Dimension(key, column, zh, en, ColumnType.TEXT, kind);
    }

    private final Transactions tx;
    private final RegionService regions;
    private final Names names;
    private final Clock clock;
    private final Definition definition;

    public AggregateReport(Transactions tx, RegionService regions, Names names, Clock clock, Definition definition) {
        this.tx = tx;
        this.regions = regions;
        this.names = names;
        this.clock = clock;
        this.definition = definition;
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public String titleZh() {
        return definition.titleZh();
    }

    @Override
    public String titleEn() {
        return definition.titleEn();
    }

    @Override
    public String descriptionZh() {
        return definition.descriptionZh();
    }

    @Override
    public String descriptionEn() {
        return definition.descriptionEn();
    }

    @Override
    public List<String> groupings() {
        return definition.dimensions().stream().map(Dimension::key).toList();
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of();
    }

    @Override
    public ReportTable compute(ReportRequest request) {
        List<Dimension> group = grouping(request.grouping());
        ZoneId zone = ZoneId.of(regions.require(request.region()).timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> aggregates = definition.aggregates().apply(today);

        List<?> result = tx.required(em -> {
            Dialect dialect = Dialect.of(em);
            StringJoiner select = new StringJoiner(", ");
            StringJoiner groupBy = new StringJoiner(", ");
            StringJoiner orderBy = new StringJoiner(", ");
            for (int i = 0; i < group.size(); i++) {
                select.add(sql(group.get(i), dialect));
                groupBy.add(sql(group.get(i), dialect));
                orderBy.add(String.valueOf(i + 1));
            }
            aggregates.forEach(select::add);
            String sql = "SELECT " + select + " FROM " + definition.table() + " WHERE REGION = ?1"
                    + (definition.dayColumn() == null ? "" : " AND " + definition.dayColumn() + " BETWEEN ?2 AND ?3")
                    + (definition.condition() == null ? "" : " AND " + definition.condition())
                    + " GROUP BY " + groupBy + " ORDER BY " + orderBy;
            Query q = em.createNativeQuery(sql).setParameter(1, request.region());
            if (definition.dayColumn() != null) {
                q.setParameter(2, Date.valueOf(request.from())).setParameter(3, Date.valueOf(request.to()));
            }
            return q.getResultList();
        });

        List<List<Object>> rows = new ArrayList<>();
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        Map<Integer, Object[]> byMonth = new LinkedHashMap<>();
        boolean monthOnly = group.size() == 1 && group.get(0).type() == ColumnType.MONTH && definition.dayColumn() != null;
        for (Object o : result) {
            Object[] r = (Object[]) o;
            if (monthOnly) {
                byMonth.put(((Number) r[0]).intValue(), r);
                continue;
            }
            rows.add(row(group, aggregates.size(), r, codes));
        }
        if (monthOnly) {
            // every month of the period, with zeros where nothing happened, so that charts show the gaps
            for (YearMonth m = YearMonth.from(request.from()); !m.isAfter(YearMonth.from(request.to())); m = m.plusMonths(1)) {
                int key = m.getYear() * 100 + m.getMonthValue();
                Object[] r = byMonth.get(key);
                if (r == null) {
                    r = new Object[1 + aggregates.size()];
                    r[0] = key;
                }
                rows.add(row(group, aggregates.size(), r, codes));
            }
        }

        List<ReportColumn> columns = new ArrayList<>();
        for (Dimension d : group) {
            columns.add(new ReportColumn(d.key(), d.zh(), d.en(), d.type()));
        }
        columns.addAll(definition.columns());
        Map<String, Map<String, ReportLabel>> labels = new LinkedHashMap<>();
        for (Dimension d : group) {
            if (d.kind() != null) {
                labels.put(d.key(), names.of(request.region(), d.kind(), codes.getOrDefault(d.key(), Set.of())));
            }
        }
        List<ReportNote> notes = new ArrayList<>();
        if (definition.dayColumn() == null) {
            notes.add(new ReportNote("as-of-today", "顯示今日（" + today + "）的狀態，不受期間影響。",
                    "Shows the state today (" + today + "); the period does not apply."));
        }
        return new ReportTable(id(), request, columns, rows, notes, labels, Instant.now(clock));
    }

    private List<Object> row(List<Dimension> group, int aggregateCount, Object[] r, Map<String, Set<String>> codes) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Dimension d = group.get(i);
            Object v = r[i];
            switch (d.type()) {
                case MONTH -> {
                    int ym = ((Number) v).intValue();
                    row.add(YearMonth.of(ym / 100, ym % 100));
                }
                case INTEGER -> row.add(v == null ? null : ((Number) v).longValue());
                default -> {
                    String code = v == null ? "" : v.toString();
                    row.add(code);
                    codes.computeIfAbsent(d.key(), k -> new LinkedHashSet<>()).add(code);
                }
            }
        }
        long[] values = new long[aggregateCount];
        Object[] raw = Arrays.copyOfRange(r, group.size(), group.size() + aggregateCount);
        for (int i = 0; i < aggregateCount; i++) {
            values[i] = raw[i] instanceof Number n ? n.longValue() : 0;
        }
        row.addAll(definition.measures().of(values, raw, clock));
        return row;
    }

    private List<Dimension> grouping(List<String> keys) {
        List<Dimension> all = definition.dimensions();
        if (keys.isEmpty()) {
            return List.of(all.get(0));
        }
        if (keys.size() > MAX_GROUPING) {
            throw new InvalidInputException("group", "too-many", "Group by at most " + MAX_GROUPING + " dimensions");
        }
        List<Dimension> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            Dimension d = all.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() -> new InvalidInputException(
                    "group", "unknown-grouping", "Report '" + id() + "' cannot group by '" + key + "'; it groups by " + groupings()));
            if (!seen.add(key)) {
                throw new InvalidInputException("group", "repeated", "'" + key + "' is named twice in the grouping");
            }
            chosen.add(d);
        }
        return chosen;
    }

    /** A share of two counts, or null when the whole is zero. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** A count cell. */
    static Long count(long v) {
        return v;
    }
}
