package org.safenest.core.internal.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.LockModeType;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.region.District;
import org.safenest.api.region.Catchment;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.GeoPoint;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.PreschoolSession;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionCounts;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.ServedArea;
import org.safenest.core.internal.jpa.DistrictEntity;
import org.safenest.core.internal.jpa.CatchmentEntity;
import org.safenest.core.internal.jpa.IndicatorEntity;
import org.safenest.core.internal.jpa.OfficeEntity;
import org.safenest.core.internal.jpa.PreschoolEntity;
import org.safenest.core.internal.jpa.RegionEntity;
import org.safenest.core.internal.jpa.RegionCaseTypeEntity;
import org.safenest.core.internal.jpa.Transactions;

/**
 * Stores regions and their reference data in the database and reads them back as API values. Reads are cached:
 * reference data changes only through {@link #replace}, which empties the cache, and every API request reads a
 * region (its counts alone are four queries). Entries also expire after {@link #TTL_NANOS}, so that nodes sharing
 * one database see another node's reload within that time.
 */
public final class RegionStore {

    static final long TTL_NANOS = 30_000_000_000L;
    /** The entities that hold a region's reference data, each with a {@code region} field. */
    private static final List<String> REFERENCE_ENTITIES = List.of("DistrictEntity", "OfficeEntity", "PreschoolEntity",
            "IndicatorEntity", "CatchmentEntity", "RegionCaseTypeEntity");

    private record Cached(Object value, long until) {
    }

    private final Transactions tx;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public RegionStore(Transactions tx) {
        this.tx = tx;
    }

    /** A cached read; a value read while a replace ran is not kept. */
    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> read) {
        long now = System.nanoTime();
        Cached c = cache.get(key);
        if (c != null && now - c.until() < 0) {
            return (T) c.value();
        }
        long before = generation.get();
        T value = read.get();
        if (generation.get() == before) {
            cache.put(key, new Cached(value, now + TTL_NANOS));
        }
        return value;
    }

    private void invalidate() {
        generation.incrementAndGet();
        cache.clear();
    }

    /** The stored checksum of a region's files, or empty when the region was never loaded. */
    public Optional<String> checksum(String code) {
        return tx.required(em -> Optional.ofNullable(em.find(RegionEntity.class, code)).map(r -> r.checksum));
    }

    /** What {@link #loadFromBundle} did. */
    public enum BundleLoad {
        /** An operator loaded the region from a folder: its data stays until told otherwise. */
        KEPT_FOLDER_DATA,
        /** The stored data came from the same files. */
        UP_TO_DATE,
        /** The data was stored. */
        LOADED
    }

    /**
     * Stores a region bundle's data unless the stored data came from the same files or from a folder, deciding and
     * writing in one transaction that holds the region's row lock: nodes that start together on one database load a
     * region once, one after the other. (Two nodes creating a new region at once: one insert fails on the region's
     * key and the caller looks again.)
     */
    public BundleLoad loadFromBundle(RegionData data) {
        return loadFromBundle(data, List.of());
    }

    /** As {@link #loadFromBundle(RegionData)}, with the case types the region's files add. */
    public BundleLoad loadFromBundle(RegionData data, List<CaseType> caseTypes) {
        invalidate();
        try {
            return tx.required(em -> {
                RegionEntity stored = em.find(RegionEntity.class, data.code(), LockModeType.PESSIMISTIC_WRITE);
                if (stored != null && stored.source != null && !stored.source.startsWith(RegionSource.BUNDLE_SOURCE)) {
                    return BundleLoad.KEPT_FOLDER_DATA;
                }
                if (stored != null && data.checksum().equals(stored.checksum)) {
                    return BundleLoad.UP_TO_DATE;
                }
                write(data, caseTypes);
                return BundleLoad.LOADED;
            });
        } finally {
            invalidate();
        }
    }

    /** Replaces the region's reference data with {@code data} in one transaction (the region adds no case type). */
    public Region replace(RegionData data) {
        return replace(data, List.of());
    }

    /** Replaces the region's reference data and added case types in one transaction. */
    public Region replace(RegionData data, List<CaseType> caseTypes) {
        invalidate();
        try {
            write(data, caseTypes);
        } finally {
            invalidate();
        }
        return require(data.code());
    }

    /** Whether the region is stored, read from the database (not the cache). */
    public boolean exists(String code) {
        return tx.required(em -> em.find(RegionEntity.class, code) != null);
    }

    /** Removes the region and all its reference data in one transaction; false when it was not stored. */
    public boolean remove(String code) {
        invalidate();
        try {
            return tx.required(em -> {
                RegionEntity region = em.find(RegionEntity.class, code, LockModeType.PESSIMISTIC_WRITE);
                if (region == null) {
                    return false;
                }
                for (String entity : REFERENCE_ENTITIES) {
                    em.createQuery("DELETE FROM " + entity + " e WHERE e.region = :r").setParameter("r", code).executeUpdate();
                }
                em.remove(region);
                return true;
            });
        } finally {
            invalidate();
        }
    }

    private void write(RegionData data, List<CaseType> caseTypes) {
        tx.required(em -> {
            for (String entity : REFERENCE_ENTITIES) {
                em.createQuery("DELETE FROM " + entity + " e WHERE e.region = :r").setParameter("r", data.code()).executeUpdate();
            }
            RegionEntity region = em.find(RegionEntity.class, data.code());
            if (region == null) {
                region = new RegionEntity();
                region.code = data.code();
                em.persist(region);
            }
            region.nameEn = data.nameEn();
            region.nameZh = data.nameZh();
            region.timeZone = data.timeZone();
            region.source = truncate(data.source(), 500);
            region.checksum = data.checksum();
            region.loadedAt = Instant.now();
            int position = 0;
            for (District d : data.districts()) {
                DistrictEntity e = new DistrictEntity();
                e.region = data.code();
                e.code = d.code();
                e.nameZh = d.nameZh();
                e.nameEn = d.nameEn();
                e.position = position++;
                e.parts = d.parts().stream().map(p -> p.code() + "=" + p.description()).collect(Collectors.joining("\n"));
                em.persist(e);
            }
            position = 0;
            for (Office o : data.offices()) {
                OfficeEntity e = new OfficeEntity();
                e.region = data.code();
                e.code = o.code();
                e.nameZh = o.nameZh();
                e.nameEn = o.nameEn();
                e.type = o.type().name();
                e.area = o.area();
                e.parent = o.parent();
                if (o.location() != null) {
                    e.latitude = o.location().latitude();
                    e.longitude = o.location().longitude();
                }
                e.serves = o.serves().stream().map(s -> s.part() == null ? s.district() : s.district() + ":" + s.part())
                        .collect(Collectors.joining(";"));
                e.position = position++;
                em.persist(e);
            }
            position = 0;
            for (CaseType t : caseTypes) {
                RegionCaseTypeEntity e = new RegionCaseTypeEntity();
                e.region = data.code();
                e.code = t.code();
                e.nameZh = t.nameZh();
                e.nameEn = t.nameEn();
                e.serviceLine = t.serviceLine().name();
                e.position = position++;
                em.persist(e);
            }
            insertPreschools(em, data);
            insertCatchments(em, data);
            for (DistrictIndicator i : data.indicators()) {
                IndicatorEntity e = new IndicatorEntity();
                e.region = data.code();
                e.district = i.district();
                e.indicator = i.indicator();
                e.indicatorValue = i.value();
                e.unit = i.unit();
                e.period = i.period();
                e.source = truncate(i.source(), 500);
                em.persist(e);
            }
            return null;
        });
    }

    /**
     * The preschools (1,040 in Hong Kong) in one JDBC batch on the transaction's connection. Persisted one by one, each
     * costs an INSERT and an identity query (EclipseLink does not batch inserts with IDENTITY keys): storing Hong Kong
     * took 1.4 s at first start, 0.65 s this way. The columns are those {@link PreschoolEntity} maps.
     */
    private static void insertPreschools(EntityManager em, RegionData data) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SN_PRESCHOOL"
                + " (REGION, CODE, NAMEEN, NAMEZH, DISTRICT, CATEGORY, SESSIONS, LATITUDE, LONGITUDE)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Preschool p : data.preschools()) {
                insert.setString(1, data.code());
                insert.setString(2, p.code());
                insert.setString(3, truncate(p.nameEn(), 300));
                insert.setString(4, truncate(p.nameZh(), 300));
                insert.setString(5, p.district());
                insert.setString(6, p.category());
                insert.setString(7, p.sessions().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
                insert.setDouble(8, p.location().latitude());
                insert.setDouble(9, p.location().longitude());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("could not store the preschools of region " + data.code(), e);
        }
    }

    /** The catchments of a region in one JDBC batch, as the preschools. */
    private static void insertCatchments(EntityManager em, RegionData data) {
        if (data.catchments().isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SN_CATCHMENT (REGION, UNIT, CATCHMENT, SYNTHETIC)"
                + " VALUES (?, ?, ?, ?)")) {
            for (Catchment c : data.catchments()) {
                insert.setString(1, data.code());
                insert.setString(2, c.unit());
                insert.setString(3, c.catchment());
                insert.setBoolean(4, c.synthetic());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("could not store the catchments of region " + data.code(), e);
        }
    }

    /** The case types the region's files add to the defaults, in file order; empty for an unknown region. */
    public List<CaseType> caseTypes(String region) {
        return cached("case-types:" + region, () -> tx.required(em -> em.createQuery(
                "SELECT t FROM RegionCaseTypeEntity t WHERE t.region = :r ORDER BY t.position", RegionCaseTypeEntity.class)
                .setParameter("r", region).getResultList().stream()
                .map(t -> new CaseType(t.code, t.nameZh, t.nameEn, ServiceLine.valueOf(t.serviceLine))).toList()));
    }

    public List<Catchment> catchments(String region) {
        return cached("catchments:" + region, () -> tx.required(em -> {
            requireIn(em, region);
            return em.createQuery("SELECT c FROM CatchmentEntity c WHERE c.region = :r ORDER BY c.unit", CatchmentEntity.class)
                    .setParameter("r", region).getResultList().stream().map(c -> new Catchment(c.unit, c.catchment, c.synthetic)).toList();
        }));
    }

    public List<Region> regions() {
        return cached("regions", () -> tx.required(em -> {
            List<Region> result = new ArrayList<>();
            for (RegionEntity r : em.createQuery("SELECT r FROM RegionEntity r ORDER BY r.code", RegionEntity.class).getResultList()) {
                result.add(toRegion(em, r));
            }
            return List.copyOf(result);
        }));
    }

    public Optional<Region> region(String code) {
        return cached("region:" + code,
                () -> tx.required(em -> Optional.ofNullable(em.find(RegionEntity.class, code)).map(r -> toRegion(em, r))));
    }

    public Region require(String code) {
        return region(code).orElseThrow(() -> new NotFoundException("region", code));
    }

    public List<District> districts(String region) {
        return cached("districts:" + region, () -> tx.required(em -> {
            requireIn(em, region);
            return em.createQuery("SELECT d FROM DistrictEntity d WHERE d.region = :r ORDER BY d.position", DistrictEntity.class)
                    .setParameter("r", region).getResultList().stream().map(RegionStore::toDistrict).toList();
        }));
    }

    public List<Office> offices(String region) {
        return cached("offices:" + region, () -> tx.required(em -> {
            requireIn(em, region);
            return em.createQuery("SELECT o FROM OfficeEntity o WHERE o.region = :r ORDER BY o.position", OfficeEntity.class)
                    .setParameter("r", region).getResultList().stream().map(RegionStore::toOffice).toList();
        }));
    }

    public List<Preschool> preschools(String region, String district) {
        return cached("preschools:" + region + ":" + district, () -> tx.required(em -> {
            requireIn(em, region);
            TypedQuery<PreschoolEntity> q;
            if (district == null) {
                q = em.createQuery("SELECT p FROM PreschoolEntity p WHERE p.region = :r ORDER BY p.code", PreschoolEntity.class);
            } else {
                q = em.createQuery("SELECT p FROM PreschoolEntity p WHERE p.region = :r AND p.district = :d ORDER BY p.code",
                        PreschoolEntity.class).setParameter("d", district);
            }
            return q.setParameter("r", region).getResultList().stream().map(RegionStore::toPreschool).toList();
        }));
    }

    public List<DistrictIndicator> indicators(String region, String indicator) {
        return cached("indicators:" + region + ":" + indicator, () -> tx.required(em -> {
            requireIn(em, region);
            TypedQuery<IndicatorEntity> q;
            if (indicator == null) {
                q = em.createQuery("SELECT i FROM IndicatorEntity i WHERE i.region = :r ORDER BY i.indicator, i.id", IndicatorEntity.class);
            } else {
                q = em.createQuery("SELECT i FROM IndicatorEntity i WHERE i.region = :r AND i.indicator = :k ORDER BY i.id",
                        IndicatorEntity.class).setParameter("k", indicator);
            }
            Map<String, Integer> order = new HashMap<>();
            for (Object[] d : em.createQuery("SELECT d.code, d.position FROM DistrictEntity d WHERE d.region = :r", Object[].class)
                    .setParameter("r", region).getResultList()) {
                order.put((String) d[0], (Integer) d[1]);
            }
            // by indicator, then in the districts' own order
            return q.setParameter("r", region).getResultList().stream()
                    .sorted(Comparator.comparing((IndicatorEntity i) -> i.indicator)
                            .thenComparing(i -> order.getOrDefault(i.district, Integer.MAX_VALUE)))
                    .map(i -> new DistrictIndicator(i.district, i.indicator, i.indicatorValue, i.unit, i.period, i.source)).toList();
        }));
    }

    private static void requireIn(EntityManager em, String region) {
        if (region == null || em.find(RegionEntity.class, region) == null) {
            throw new NotFoundException("region", String.valueOf(region));
        }
    }

    private static Region toRegion(EntityManager em, RegionEntity r) {
        RegionCounts counts = new RegionCounts(count(em, "DistrictEntity", r.code), count(em, "OfficeEntity", r.code),
                count(em, "PreschoolEntity", r.code), count(em, "IndicatorEntity", r.code));
        return new Region(r.code, r.nameEn, r.nameZh, r.timeZone, r.loadedAt, r.source, counts);
    }

    private static int count(EntityManager em, String entity, String region) {
        return em.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE e.region = :r", Long.class)
                .setParameter("r", region).getSingleResult().intValue();
    }

    private static District toDistrict(DistrictEntity e) {
        List<DistrictPart> parts = new ArrayList<>();
        if (e.parts != null && !e.parts.isEmpty()) {
            for (String line : e.parts.split("\n")) {
                int eq = line.indexOf('=');
                parts.add(new DistrictPart(line.substring(0, eq), line.substring(eq + 1)));
            }
        }
        return new District(e.code, e.nameZh, e.nameEn, parts);
    }

    private static Office toOffice(OfficeEntity e) {
        List<ServedArea> serves = new ArrayList<>();
        if (e.serves != null && !e.serves.isEmpty()) {
            for (String s : e.serves.split(";")) {
                int colon = s.indexOf(':');
                serves.add(colon < 0 ? new ServedArea(s, null) : new ServedArea(s.substring(0, colon), s.substring(colon + 1)));
            }
        }
        GeoPoint location = e.latitude == null ? null : new GeoPoint(e.latitude, e.longitude);
        return new Office(e.code, e.nameZh, e.nameEn, OfficeType.valueOf(e.type), e.area, e.parent, location, serves);
    }

    private static Preschool toPreschool(PreschoolEntity e) {
        Set<PreschoolSession> sessions = EnumSet.noneOf(PreschoolSession.class);
        if (e.sessions != null && !e.sessions.isEmpty()) {
            Arrays.stream(e.sessions.split(",")).map(PreschoolSession::valueOf).forEach(sessions::add);
        }
        return new Preschool(e.code, e.nameEn, e.nameZh, e.district, e.category, sessions, new GeoPoint(e.latitude, e.longitude));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
