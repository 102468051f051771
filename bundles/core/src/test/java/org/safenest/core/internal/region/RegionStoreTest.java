package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertFalse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.GeoPoint;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionCounts;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.ServedArea;
import org.safenest.testsupport.UnitDatabase;

/**
 * The region store against embedded Derby in memory and EclipseLink outside OSGi: the production
 * persistence unit {@code safenest-core} (JTA there) switched to RESOURCE_LOCAL with a JDBC URL.
 * Every test gets its own fresh database.
 */
class RegionStoreTest {

    private static RegionData kaohsiung;
    private static RegionData hongKong;

    private UnitDatabase db;
    private RegionStore store;

    @BeforeAll
    static void readRegions() throws RegionDataException {
        kaohsiung = RegionFolders.read(RegionFolders.KAOHSIUNG);
        hongKong = RegionFolders.read(RegionFolders.HONG_KONG);
    }

    @BeforeEach
    void openDatabase() {
        db = new UnitDatabase("safenest-core");
        store = new RegionStore(db::required);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    // ------------------------------------------------------------------ a region from the generic files, removed

    @Test
    void theExampleCityRoundTripsWithItsCaseTypesAndIsRemovedWithAllItsData() throws RegionDataException {
        store.replace(kaohsiung);
        RegionDataReader.RegionFiles files = RegionDataReader.readAll(RegionSource.of(GenericRegionFilesTest.EXAMPLE));
        Region region = store.replace(files.data(), files.caseTypes());
        assertEquals(new org.safenest.api.region.RegionCounts(6, 4, 0, 0), region.counts());
        assertEquals(files.data().offices(), store.offices("lianhua"));
        assertEquals(files.caseTypes(), store.caseTypes("lianhua"));
        assertEquals(List.of(), store.caseTypes("kaohsiung"));

        assertTrue(store.remove("lianhua"));
        assertFalse(store.exists("lianhua"));
        assertTrue(store.region("lianhua").isEmpty());
        assertEquals(List.of(), store.caseTypes("lianhua"));
        assertEquals(0L, (long) db.required(em -> em.createQuery("SELECT COUNT(o) FROM OfficeEntity o WHERE o.region = 'lianhua'",
                Long.class).getSingleResult()));
        assertFalse(store.remove("lianhua"), "nothing left to remove");
        assertEquals(22, store.offices("kaohsiung").size(), "other regions keep their data");
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void kaohsiungRoundTrips() {
        Instant before = Instant.now();
        Region region = store.replace(kaohsiung);

        assertEquals("kaohsiung", region.code());
        assertEquals("Kaohsiung City", region.nameEn());
        assertEquals("高雄市", region.nameZh());
        assertEquals("Asia/Taipei", region.timeZone());
        assertEquals(kaohsiung.source(), region.source());
        assertEquals(new RegionCounts(38, 22, 0, 0), region.counts());
        assertTrue(!region.loadedAt().isBefore(before.minusSeconds(1)) && region.loadedAt().isBefore(Instant.now().plusSeconds(1)),
                "loadedAt " + region.loadedAt());

        // same order as in the files (stored positions)
        assertEquals(kaohsiung.districts(), store.districts("kaohsiung"));
        assertEquals(kaohsiung.offices(), store.offices("kaohsiung"));

        District fengshan = store.districts("kaohsiung").stream().filter(d -> d.code().equals("fengshan")).findFirst().orElseThrow();
        assertEquals(List.of(new DistrictPart("north", "國泰路以北41里"), new DistrictPart("south", "國泰路以南35里")), fengshan.parts());
        Map<String, Office> offices = new HashMap<>();
        store.offices("kaohsiung").forEach(o -> offices.put(o.code(), o));
        assertEquals(List.of(new ServedArea("fengshan", "north")), offices.get("swc-fengshan").serves());
        assertEquals(List.of(new ServedArea("fengshan", "south")), offices.get("swc-fengshan-wujia").serves());
        assertEquals("pc-fengshan", offices.get("swc-renwu").parent());
        assertEquals("south", offices.get("swc-renwu").area());
        assertEquals(new GeoPoint(22.690075, 120.294786), offices.get("swc-zuoying").location());
        Office station = offices.get("pc-headquarters");
        assertEquals(OfficeType.PROTECTION_STATION, station.type());
        assertEquals(null, station.location());
        assertEquals(null, station.parent());
        assertEquals(11, station.serves().size());

        assertEquals(List.of(), store.preschools("kaohsiung", null));
        assertEquals(List.of(), store.indicators("kaohsiung", null));
    }

    @Test
    void hongKongRoundTrips() {
        Region region = store.replace(hongKong);
        assertEquals(new RegionCounts(18, 0, 1040, 36), region.counts());
        assertEquals("Asia/Hong_Kong", region.timeZone());

        assertEquals(hongKong.districts(), store.districts("hong-kong"));
        assertEquals(List.of(), store.offices("hong-kong"));

        // preschools come back ordered by code
        List<Preschool> expected = new ArrayList<>(hongKong.preschools());
        expected.sort(Comparator.comparing(Preschool::code));
        List<Preschool> all = store.preschools("hong-kong", null);
        assertEquals(1040, all.size());
        assertEquals(expected, all);

        List<Preschool> kowloonCity = store.preschools("hong-kong", "kowloon-city");
        assertEquals(100, kowloonCity.size());
        assertEquals(expected.stream().filter(p -> p.district().equals("kowloon-city")).toList(), kowloonCity);
        assertEquals(List.of(), store.preschools("hong-kong", "no-such-district"));
        // catchments (derived, synthetic) round trip in unit order, and go with the region's other data on a reload
        assertEquals(hongKong.catchments(), store.catchments("hong-kong"));
        assertEquals(1040, store.catchments("hong-kong").size());
        assertEquals(List.of(), store.catchments("hong-kong").stream().filter(c -> !c.synthetic()).toList());
        store.replace(new RegionData(hongKong.code(), hongKong.nameEn(), hongKong.nameZh(), hongKong.timeZone(), hongKong.source(),
                hongKong.checksum(), hongKong.districts(), hongKong.offices(), hongKong.preschools(), hongKong.indicators()));
        assertEquals(List.of(), store.catchments("hong-kong"));
        store.replace(hongKong);

        assertEquals(sorted(hongKong.indicators()), sorted(store.indicators("hong-kong", null)));
        List<DistrictIndicator> population = store.indicators("hong-kong", "population");
        assertEquals(18, population.size());
        assertTrue(population.stream().allMatch(i -> i.indicator().equals("population") && i.unit().equals("persons")));
        assertEquals(235953, value(population, "central-and-western"));
        assertEquals(185282, value(population, "islands"));
        List<DistrictIndicator> income = store.indicators("hong-kong", "median-monthly-household-income");
        assertEquals(42300, value(income, "central-and-western"));
        assertEquals(22800, value(income, "sham-shui-po"));
        assertEquals(List.of(), store.indicators("hong-kong", "no-such-indicator"));
    }

    @Test
    void regionsAreListedByCode() {
        assertEquals(List.of(), store.regions());
        store.replace(kaohsiung);
        store.replace(hongKong);
        List<Region> regions = store.regions();
        assertEquals(List.of("hong-kong", "kaohsiung"), regions.stream().map(Region::code).toList());
        assertEquals(new RegionCounts(18, 0, 1040, 36), regions.get(0).counts());
        assertEquals(new RegionCounts(38, 22, 0, 0), regions.get(1).counts());
        assertEquals(Optional.of(regions.get(1)), store.region("kaohsiung"));
    }

    @Test
    void storedDataSurvivesARestart() {
        store.replace(kaohsiung);
        store.replace(hongKong);
        // a new EntityManagerFactory on the same database, as after a restart of the platform
        db = db.reopen();
        store = new RegionStore(db::required);

        assertEquals(Optional.of(kaohsiung.checksum()), store.checksum("kaohsiung"));
        assertEquals(new RegionCounts(38, 22, 0, 0), store.require("kaohsiung").counts());
        assertEquals(kaohsiung.districts(), store.districts("kaohsiung"));
        assertEquals(kaohsiung.offices(), store.offices("kaohsiung"));
        assertEquals(new RegionCounts(18, 0, 1040, 36), store.require("hong-kong").counts());
        assertEquals(sorted(hongKong.indicators()), sorted(store.indicators("hong-kong", null)));
    }

    // ------------------------------------------------------------------ replacing

    @Test
    void replacingTheSameDataTwiceLeavesNoDuplicates() {
        store.replace(hongKong);
        Region again = store.replace(hongKong);
        assertEquals(new RegionCounts(18, 0, 1040, 36), again.counts());
        assertEquals(36, store.indicators("hong-kong", null).size());
        assertEquals(18, store.indicators("hong-kong", "population").size());
        assertEquals(1040, store.preschools("hong-kong", null).size());
        assertEquals(1, store.regions().size());
    }

    @Test
    void replacingWithOtherDataReplacesEverything() {
        store.replace(kaohsiung);
        store.replace(hongKong);

        String longSource = "folder /" + "x".repeat(600);
        RegionData smaller = new RegionData("kaohsiung", "Kaohsiung (test)", "高雄市(測試)", "Asia/Taipei", longSource, "other-checksum",
                List.of(new District("fengshan", "鳳山區", "Fengshan District", List.of(new DistrictPart("east", "東=側"))),
                        new District("gushan", "鼓山區", "Gushan District", List.of())),
                List.of(new Office("swc-test", "測試中心", "Test centre", OfficeType.WELFARE_SERVICE_CENTRE, "south", null,
                        new GeoPoint(22.6, 120.3), List.of(new ServedArea("fengshan", "east"), new ServedArea("gushan", null)))),
                List.of(),
                List.of(new DistrictIndicator("gushan", "synthetic", 1.5, "units", "2024", "test")));
        Region region = store.replace(smaller);

        assertEquals(new RegionCounts(2, 1, 0, 1), region.counts());
        assertEquals("Kaohsiung (test)", region.nameEn());
        assertEquals("高雄市(測試)", region.nameZh());
        assertEquals(500, region.source().length(), "source cut to its column's 500 characters");
        assertEquals(longSource.substring(0, 500), region.source());
        assertEquals(smaller.districts(), store.districts("kaohsiung"));
        assertEquals(smaller.offices(), store.offices("kaohsiung"));
        assertEquals(smaller.indicators(), store.indicators("kaohsiung", null));
        assertEquals(Optional.of("other-checksum"), store.checksum("kaohsiung"));

        // the other region is untouched
        assertEquals(new RegionCounts(18, 0, 1040, 36), store.require("hong-kong").counts());

        // and back to the full data
        Region full = store.replace(kaohsiung);
        assertEquals(new RegionCounts(38, 22, 0, 0), full.counts());
        assertEquals(kaohsiung.offices(), store.offices("kaohsiung"));
        assertEquals(Optional.of(kaohsiung.checksum()), store.checksum("kaohsiung"));
    }

    @Test
    void aFailedReplaceChangesNothing() {
        store.replace(kaohsiung);
        Region stored = store.require("kaohsiung");
        List<District> twice = List.of(new District("gushan", "鼓山區", "Gushan District", List.of()),
                new District("gushan", "鼓山區", "Gushan District", List.of()));
        RegionData broken = new RegionData("kaohsiung", "Broken", "壞", "Asia/Taipei", "test", "broken", twice, List.of(), List.of(), List.of());

        assertThrows(PersistenceException.class, () -> store.replace(broken));

        assertEquals(stored, store.require("kaohsiung"));
        assertEquals(kaohsiung.districts(), store.districts("kaohsiung"));
        assertEquals(kaohsiung.offices(), store.offices("kaohsiung"));
        assertEquals(Optional.of(kaohsiung.checksum()), store.checksum("kaohsiung"));
    }

    // ------------------------------------------------------------------ checksum and unknown regions

    @Test
    void checksumIsTheStoredOne() {
        assertEquals(Optional.empty(), store.checksum("kaohsiung"));
        store.replace(kaohsiung);
        store.replace(hongKong);
        assertEquals(Optional.of(kaohsiung.checksum()), store.checksum("kaohsiung"));
        assertEquals(Optional.of(hongKong.checksum()), store.checksum("hong-kong"));
        assertEquals(64, store.checksum("kaohsiung").orElseThrow().length());
    }

    @Test
    void unknownRegionIsNotFound() {
        store.replace(kaohsiung);
        assertEquals(Optional.empty(), store.region("taipei"));
        assertNotFound("taipei", () -> store.require("taipei"));
        assertNotFound("taipei", () -> store.districts("taipei"));
        assertNotFound("taipei", () -> store.offices("taipei"));
        assertNotFound("taipei", () -> store.preschools("taipei", null));
        assertNotFound("taipei", () -> store.preschools("taipei", "fengshan"));
        assertNotFound("taipei", () -> store.indicators("taipei", null));
        assertNotFound("null", () -> store.districts(null));
        // a region that exists but has no preschools is not "not found"
        assertEquals(List.of(), store.preschools("kaohsiung", "fengshan"));
    }

    private static void assertNotFound(String id, Supplier<?> call) {
        NotFoundException e = assertThrows(NotFoundException.class, call::get);
        assertEquals("region", e.kind());
        assertEquals(id, e.id());
    }

    private static double value(List<DistrictIndicator> indicators, String district) {
        List<DistrictIndicator> found = indicators.stream().filter(i -> i.district().equals(district)).toList();
        assertEquals(1, found.size(), district + " in " + found);
        return found.get(0).value();
    }

    private static List<DistrictIndicator> sorted(List<DistrictIndicator> indicators) {
        List<DistrictIndicator> result = new ArrayList<>(indicators);
        result.sort(Comparator.comparing(DistrictIndicator::indicator).thenComparing(DistrictIndicator::district));
        return result;
    }

    @Test
    void setsOfSessionsRoundTrip() {
        store.replace(hongKong);
        Map<String, Preschool> stored = new HashMap<>();
        store.preschools("hong-kong", "eastern").forEach(p -> stored.put(p.code(), p));
        Preschool kendall = stored.get("3257830001");
        assertEquals(Set.of(org.safenest.api.region.PreschoolSession.AM, org.safenest.api.region.PreschoolSession.PM), kendall.sessions());
        assertEquals(new GeoPoint(22.28403302, 114.21327227), kendall.location());
        assertTrue(Duration.between(store.require("hong-kong").loadedAt(), Instant.now()).toMinutes() < 1);
    }
}
