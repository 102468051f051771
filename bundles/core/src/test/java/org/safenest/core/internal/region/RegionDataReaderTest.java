package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.GeoPoint;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.PreschoolSession;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.ServedArea;

/**
 * Reads the real region folders of the two region bundles and checks the figures against the source
 * documents (/work/shared/DOMAIN.md) and the data files' own numbers.
 */
class RegionDataReaderTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Kaohsiung {

        private RegionData data;

        @BeforeAll
        void read() throws RegionDataException {
            data = RegionFolders.read(RegionFolders.KAOHSIUNG);
        }

        @Test
        void describesTheRegion() {
            assertEquals("kaohsiung", data.code());
            assertEquals("Kaohsiung City", data.nameEn());
            assertEquals("高雄市", data.nameZh());
            assertEquals("Asia/Taipei", data.timeZone());
            assertTrue(data.source().startsWith("folder "), data.source());
            assertTrue(data.checksum().matches("[0-9a-f]{64}"), "SHA-256 in hex: " + data.checksum());
            assertTrue(data.preschools().isEmpty());
            assertTrue(data.indicators().isEmpty());
        }

        @Test
        void reads38DistrictsWithFengshanSplitNorthAndSouth() {
            assertEquals(38, data.districts().size());
            assertEquals(38, data.districts().stream().map(District::code).distinct().count(), "district codes are unique");
            assertEquals(new District("yancheng", "鹽埕區", "Yancheng District", List.of()), data.districts().get(0));
            assertEquals(new District("namaxia", "那瑪夏區", "Namaxia District", List.of()), data.districts().get(37));

            District fengshan = district("fengshan");
            assertEquals("鳳山區", fengshan.nameZh());
            assertEquals("Fengshan District", fengshan.nameEn());
            assertEquals(List.of(new DistrictPart("north", "國泰路以北41里"), new DistrictPart("south", "國泰路以南35里")),
                    fengshan.parts());
            List<String> split = data.districts().stream().filter(d -> !d.parts().isEmpty()).map(District::code).toList();
            assertEquals(List.of("fengshan"), split, "only Fengshan is split between centres");
        }

        @Test
        void reads18CentresAnd4ProtectionStations() {
            assertEquals(22, data.offices().size());
            Map<OfficeType, Long> byType = data.offices().stream().collect(Collectors.groupingBy(Office::type, Collectors.counting()));
            assertEquals(Map.of(OfficeType.WELFARE_SERVICE_CENTRE, 18L, OfficeType.PROTECTION_STATION, 4L), byType);
            assertEquals(22, data.offices().stream().map(Office::code).distinct().count(), "office codes are unique");
            // centres first, in file order, then the stations in order of first appearance
            assertEquals("swc-zuoying", data.offices().get(0).code());
            assertEquals(List.of("pc-headquarters", "pc-fengshan", "pc-gangshan", "pc-qishan"),
                    data.offices().subList(18, 22).stream().map(Office::code).toList());
        }

        /** DOMAIN.md section 1: which station and area each of the 18 centres belongs to. */
        @Test
        void everyCentreHasTheStationAndAreaOfTheSourceTable() {
            Map<String, String> expected = new TreeMap<>();
            for (String c : List.of("zuoying", "nanzi", "xinxing", "sanmin", "qianzhen", "xiaogang", "qijin", "yancheng", "lingya")) {
                expected.put("swc-" + c, "pc-headquarters/west-central");
            }
            for (String c : List.of("fengshan", "fengshan-wujia", "renwu", "daliao")) {
                expected.put("swc-" + c, "pc-fengshan/south");
            }
            for (String c : List.of("gangshan", "luzhu")) {
                expected.put("swc-" + c, "pc-gangshan/north");
            }
            for (String c : List.of("qishan", "jiaxian", "liugui")) {
                expected.put("swc-" + c, "pc-qishan/east");
            }
            assertEquals(18, expected.size());
            Map<String, String> actual = new TreeMap<>();
            for (Office o : centres()) {
                actual.put(o.code(), o.parent() + "/" + o.area());
            }
            assertEquals(expected, actual);

            assertEquals("pc-fengshan", office("swc-renwu").parent());
            assertEquals("south", office("swc-renwu").area());
            assertEquals("pc-gangshan", office("swc-luzhu").parent());
            assertEquals("north", office("swc-luzhu").area());
            assertEquals("pc-qishan", office("swc-liugui").parent());
            assertEquals("east", office("swc-liugui").area());
            assertEquals("pc-headquarters", office("swc-zuoying").parent());
            assertEquals("west-central", office("swc-zuoying").area());
        }

        @Test
        void centresCarryNamesAndCoordinatesAsPublished() {
            Office zuoying = office("swc-zuoying");
            assertEquals("左營社會福利服務中心", zuoying.nameZh());
            assertEquals("Zuoying Social Welfare Service Centre", zuoying.nameEn());
            // the file lists longitude before latitude: they must not be swapped
            assertEquals(new GeoPoint(22.690075, 120.294786), zuoying.location());
            for (Office c : centres()) {
                assertNotNull(c.location(), c.code());
                assertTrue(c.location().latitude() > 22.4 && c.location().latitude() < 23.5, c.code() + " latitude " + c.location());
                assertTrue(c.location().longitude() > 120.1 && c.location().longitude() < 121.0, c.code() + " longitude " + c.location());
            }
            assertEquals(List.of(new ServedArea("dashe", null), new ServedArea("dashu", null), new ServedArea("renwu", null),
                    new ServedArea("niaosong", null)), office("swc-renwu").serves());
        }

        @Test
        void stationsServeTheDistrictsOfTheirCentres() {
            Office headquarters = office("pc-headquarters");
            assertEquals(OfficeType.PROTECTION_STATION, headquarters.type());
            assertEquals("家防中心本站", headquarters.nameZh());
            assertEquals("Protection Centre headquarters", headquarters.nameEn());
            assertEquals("west-central", headquarters.area());
            assertNull(headquarters.parent());
            assertNull(headquarters.location());
            assertEquals("south", office("pc-fengshan").area());
            assertEquals("north", office("pc-gangshan").area());
            assertEquals("east", office("pc-qishan").area());

            for (String station : List.of("pc-headquarters", "pc-fengshan", "pc-gangshan", "pc-qishan")) {
                List<ServedArea> ofCentres = new ArrayList<>();
                centres().stream().filter(c -> c.parent().equals(station)).forEach(c -> ofCentres.addAll(c.serves()));
                assertEquals(ofCentres, office(station).serves(), station);
            }
            assertEquals(11, office("pc-headquarters").serves().size());
            assertEquals(Set.of(new ServedArea("fengshan", "north"), new ServedArea("fengshan", "south"), new ServedArea("dashe", null),
                    new ServedArea("dashu", null), new ServedArea("renwu", null), new ServedArea("niaosong", null),
                    new ServedArea("daliao", null), new ServedArea("linyuan", null)), Set.copyOf(office("pc-fengshan").serves()));
            assertEquals(11, office("pc-gangshan").serves().size());
            assertEquals(9, office("pc-qishan").serves().size());
        }

        @Test
        void fengshanIsServedByTwoCentres() {
            assertEquals(List.of(new ServedArea("fengshan", "north")), office("swc-fengshan").serves());
            assertEquals(List.of(new ServedArea("fengshan", "south")), office("swc-fengshan-wujia").serves());
            List<String> servingFengshan = centres().stream()
                    .filter(c -> c.serves().stream().anyMatch(s -> s.district().equals("fengshan"))).map(Office::code).toList();
            assertEquals(List.of("swc-fengshan", "swc-fengshan-wujia"), servingFengshan);
            assertTrue(office("swc-fengshan").serves().get(0).covers("fengshan", "north"));
            assertTrue(!office("swc-fengshan").serves().get(0).covers("fengshan", "south"));
        }

        @Test
        void everyDistrictOrPartIsServedByExactlyOneCentre() {
            Map<String, List<String>> servedBy = new TreeMap<>();
            for (Office c : centres()) {
                for (ServedArea s : c.serves()) {
                    servedBy.computeIfAbsent(s.part() == null ? s.district() : s.district() + ":" + s.part(), k -> new ArrayList<>())
                            .add(c.code());
                }
            }
            Set<String> expected = new TreeSet<>();
            for (District d : data.districts()) {
                if (d.parts().isEmpty()) {
                    expected.add(d.code());
                } else {
                    d.parts().forEach(p -> expected.add(d.code() + ":" + p.code()));
                }
            }
            assertEquals(39, expected.size(), "37 whole districts and Fengshan's two parts");
            assertEquals(expected, servedBy.keySet());
            servedBy.forEach((area, centres) -> assertEquals(1, centres.size(), area + " served by " + centres));
        }

        private List<Office> centres() {
            return data.offices().stream().filter(o -> o.type() == OfficeType.WELFARE_SERVICE_CENTRE).toList();
        }

        private Office office(String code) {
            return data.offices().stream().filter(o -> o.code().equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError("no office " + code));
        }

        private District district(String code) {
            return data.districts().stream().filter(d -> d.code().equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError("no district " + code));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HongKong {

        private RegionData data;

        @BeforeAll
        void read() throws RegionDataException {
            data = RegionFolders.read(RegionFolders.HONG_KONG);
        }

        @Test
        void describesTheRegion() {
            assertEquals("hong-kong", data.code());
            assertEquals("Hong Kong", data.nameEn());
            assertEquals("香港", data.nameZh());
            assertEquals("Asia/Hong_Kong", data.timeZone());
            assertTrue(data.offices().isEmpty());
        }

        @Test
        void reads18Districts() {
            assertEquals(18, data.districts().size());
            assertEquals(new District("central-and-western", "中西區", "Central and Western", List.of()), data.districts().get(0));
            assertEquals(new District("islands", "離島區", "Islands", List.of()), data.districts().get(17));
            assertTrue(data.districts().stream().allMatch(d -> d.parts().isEmpty()));
        }

        @Test
        void reads1040PreschoolsInKnownDistrictsInsideHongKong() {
            assertEquals(1040, data.preschools().size());
            assertEquals(1040, data.preschools().stream().map(Preschool::code).distinct().count(), "preschool codes are unique");
            Set<String> districts = data.districts().stream().map(District::code).collect(Collectors.toSet());
            for (Preschool p : data.preschools()) {
                assertTrue(districts.contains(p.district()), p.code() + " in unknown district " + p.district());
                double lat = p.location().latitude();
                double lon = p.location().longitude();
                assertTrue(lat >= 22.1 && lat <= 22.6, p.code() + " latitude " + lat);
                assertTrue(lon >= 113.8 && lon <= 114.5, p.code() + " longitude " + lon);
                assertTrue(p.code().matches("\\d{10}"), "school number without its two session digits: " + p.code());
                assertTrue(!p.nameEn().isBlank() && !p.nameZh().isBlank(), p.code());
            }
            // all 18 districts have kindergartens (DOMAIN.md / SOURCES.md)
            assertEquals(districts, data.preschools().stream().map(Preschool::district).collect(Collectors.toSet()));
        }

        /** Counts computed independently from school-location-edb.csv (first row of each school). */
        @Test
        void preschoolsPerDistrictAndCategoryMatchTheFile() {
            Map<String, Long> perDistrict = data.preschools().stream().collect(Collectors.groupingBy(Preschool::district, Collectors.counting()));
            assertEquals(100L, perDistrict.get("kowloon-city"));
            assertEquals(83L, perDistrict.get("eastern"));
            assertEquals(47L, perDistrict.get("central-and-western"));
            assertEquals(32L, perDistrict.get("wan-chai"));
            assertEquals(37L, perDistrict.get("islands"));
            Map<String, Long> perCategory = data.preschools().stream().collect(Collectors.groupingBy(Preschool::category, Collectors.counting()));
            assertEquals(Map.of("KINDERGARTEN", 518L, "KINDERGARTEN-CUM-CHILD CARE CENTRES", 522L), perCategory);
        }

        @Test
        void gathersTheSessionsOfASchool() {
            Preschool kendall = preschool("3257830001");
            assertEquals("KENDALL INTERNATIONAL PRESCHOOL (ISLAND EAST)", kendall.nameEn());
            assertEquals("漢廸國際幼稚園(港島東)", kendall.nameZh());
            assertEquals("eastern", kendall.district());
            assertEquals(EnumSet.of(PreschoolSession.AM, PreschoolSession.PM), kendall.sessions());
            // coordinates of the school's first row (A.M.), latitude first
            assertEquals(new GeoPoint(22.28403302, 114.21327227), kendall.location());

            assertTrue(data.preschools().stream().allMatch(p -> !p.sessions().isEmpty()));
            long multi = data.preschools().stream().filter(p -> p.sessions().size() > 1).count();
            assertEquals(787, multi, "schools with more than one session");
            // 2,313 kindergarten rows, one per session, none repeated
            assertEquals(2313, data.preschools().stream().mapToInt(p -> p.sessions().size()).sum());
        }

        @Test
        void readsIncomeAndPopulationForEveryDistrict() {
            assertEquals(36, data.indicators().size());
            Map<String, Double> income = values("median-monthly-household-income");
            Map<String, Double> population = values("population");
            Set<String> districts = data.districts().stream().map(District::code).collect(Collectors.toSet());
            assertEquals(districts, income.keySet());
            assertEquals(districts, population.keySet());

            assertEquals(42300, income.get("central-and-western"));
            assertEquals(22800, income.get("sham-shui-po"));
            assertEquals(41800, income.get("wan-chai"), "row 'Wan Chai (5)': footnote mark ignored");
            assertEquals(31500, income.get("eastern"));
            assertEquals(29400, income.get("islands"));

            assertEquals(235953, population.get("central-and-western"));
            assertEquals(185282, population.get("islands"));
            assertEquals(529603, population.get("eastern"), "row 'Eastern (1)'");
            assertEquals(692806, population.get("sha-tin"));
            // the table's total 7,413,070 less 1,125 living on board vessels (Marine)
            assertEquals(7_411_945, population.values().stream().mapToDouble(Double::doubleValue).sum());

            DistrictIndicator first = data.indicators().get(0);
            assertEquals(new DistrictIndicator("central-and-western", "median-monthly-household-income", 42300, "HKD", "2022",
                    "Census and Statistics Department, table 130-06806 (General Household Survey)"), first);
            DistrictIndicator islands = data.indicators().stream()
                    .filter(i -> i.indicator().equals("population") && i.district().equals("islands")).findFirst().orElseThrow();
            assertEquals("persons", islands.unit());
            assertEquals("2021", islands.period());
        }

        private Map<String, Double> values(String indicator) {
            Map<String, Double> result = new LinkedHashMap<>();
            for (DistrictIndicator i : data.indicators()) {
                if (i.indicator().equals(indicator)) {
                    assertNull(result.put(i.district(), i.value()), "twice: " + i);
                }
            }
            assertEquals(18, result.size(), indicator);
            return result;
        }

        private Preschool preschool(String code) {
            return data.preschools().stream().filter(p -> p.code().equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError("no preschool " + code));
        }
    }

    @Nested
    class Checksum {

        @Test
        void sameFilesGiveTheSameChecksum(@TempDir Path tmp) throws RegionDataException {
            RegionData once = RegionFolders.read(RegionFolders.HONG_KONG);
            RegionData again = RegionFolders.read(RegionFolders.HONG_KONG);
            assertEquals(once.checksum(), again.checksum());
            // the checksum covers the files, not where they are
            RegionData copy = RegionFolders.read(RegionFolders.copy(RegionFolders.HONG_KONG, tmp));
            assertEquals(once.checksum(), copy.checksum());
            assertNotEquals(once.source(), copy.source());
        }

        @Test
        void aChangedFileGivesAnotherChecksum(@TempDir Path tmp) throws RegionDataException {
            String original = RegionFolders.read(RegionFolders.KAOHSIUNG).checksum();
            Path folder = RegionFolders.copy(RegionFolders.KAOHSIUNG, tmp);
            // move the Zuoying centre by a millionth of a degree: still valid data
            RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 2, "120.294786", "120.294787");
            RegionData changed = RegionFolders.read(folder);
            assertEquals(120.294787, changed.offices().get(0).location().longitude());
            assertNotEquals(original, changed.checksum());
        }

        @Test
        void theDescriptorIsPartOfTheChecksum(@TempDir Path tmp) throws RegionDataException {
            String original = RegionFolders.read(RegionFolders.KAOHSIUNG).checksum();
            Path folder = RegionFolders.copy(RegionFolders.KAOHSIUNG, tmp);
            RegionFolders.appendLines(folder.resolve("region.properties"), "# a comment changes nothing but the bytes");
            assertNotEquals(original, RegionFolders.read(folder).checksum());
        }

        @Test
        void kaohsiungAndHongKongDiffer() throws RegionDataException {
            assertNotEquals(RegionFolders.read(RegionFolders.KAOHSIUNG).checksum(), RegionFolders.read(RegionFolders.HONG_KONG).checksum());
        }
    }
}
