package org.safenest.dispatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.intake.CaseType;
import org.safenest.api.region.District;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * Kaohsiung's shipped rule set, published into a database and asked for every district and case type. The
 * expected office is built from the source table (welfare-service-centres.csv: district to centre and area)
 * and the area to station table of the dispatch principles, not from the rule files.
 */
class KaohsiungDispatchTest {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    /** The protection-centre station of each area (DOMAIN.md section 1). */
    private static final Map<String, String> STATION_OF_AREA = Map.of("西區中區", "pc-headquarters", "南區", "pc-fengshan",
            "北區", "pc-gangshan", "東區", "pc-qishan");

    private static UnitDatabase db;
    private static RuleBook book;
    private static MemoryRegions regions;
    /** district code (and ":north"/":south" for Fengshan) -> welfare centre code. */
    private static final Map<String, String> centreOf = new HashMap<>();
    /** district code -> protection station code. */
    private static final Map<String, String> stationOf = new HashMap<>();

    @BeforeAll
    static void publishShippedRules() throws IOException {
        db = new UnitDatabase("safenest-dispatch");
        regions = new MemoryRegions(TestRegions.kaohsiung());
        book = new RuleBook(new DispatchStore(db::required), r -> TestRegions.refs(regions, r), new MemoryAudit(), Clock.systemUTC());
        PublishResult r = book.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        assertEquals(8, r.published().size());
        expectedOffices();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The expected offices, from the source table and the area table only. */
    private static void expectedOffices() throws IOException {
        Map<String, String> districtByZh = new HashMap<>();
        try (Reader in = Files.newBufferedReader(TestRegions.KAOHSIUNG_FOLDER.resolve("districts.csv"), StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : p) {
                districtByZh.put(r.get("name_zh"), r.get("code"));
            }
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(TestRegions.KAOHSIUNG_FOLDER.resolve("region.properties"), StandardCharsets.UTF_8)) {
            props.load(in);
        }
        try (Reader in = Files.newBufferedReader(TestRegions.KAOHSIUNG_FOLDER.resolve("welfare-service-centres.csv"), StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : p) {
                String centre = props.getProperty("centre." + r.get("centre")).split("\\|")[0];
                String station = STATION_OF_AREA.get(r.get("area"));
                for (String served : r.get("districts").split(";")) {
                    String zh = served.replaceAll("\\(.*\\)", "");
                    String code = districtByZh.get(zh);
                    String part = served.contains("以北") ? ":north" : served.contains("以南") ? ":south" : "";
                    centreOf.put(code + part, centre);
                    stationOf.put(code, station);
                }
            }
        }
        assertEquals(38, stationOf.size());
    }

    private static Instant on(String date) {
        return LocalDate.parse(date).atStartOfDay(TAIPEI).plusHours(10).toInstant();
    }

    @Test
    void everyDistrictAndCaseTypeGetsItsOffice() {
        List<District> districts = regions.districts("kaohsiung");
        assertEquals(38, districts.size());
        assertEquals(8, CaseType.DEFAULTS.size());
        int checked = 0;
        for (District d : districts) {
            List<String> parts = d.parts().isEmpty() ? java.util.Collections.singletonList(null) : List.of("north", "south");
            for (String part : parts) {
                for (CaseType type : CaseType.DEFAULTS) {
                    String expected = type.serviceLine().protection() ? stationOf.get(d.code())
                            : centreOf.get(d.code() + (part == null ? "" : ":" + part));
                    DispatchDecision decision = book.dispatch("kaohsiung", type.code(), d.code(), part, on("2023-06-01"));
                    assertEquals(expected, decision.office(), type.code() + " from " + d.code() + " " + part + ": " + decision);
                    assertEquals(DecisionBasis.RULE, decision.basis());
                    assertFalse(decision.manualQueue());
                    assertEquals(8, decision.ruleSetVersion());
                    assertTrue(decision.explanation().contains("rule " + decision.ruleId() + " of version 8, in force since 2023-01-16"),
                            decision.explanation());
                    assertEquals("system", decision.decidedBy());
                    checked++;
                }
            }
        }
        // 37 whole districts and Fengshan's two parts, 8 case types each
        assertEquals((37 + 2) * 8, checked);
        // protection cases from Fengshan without a part still have their station
        assertEquals("pc-fengshan", book.dispatch("kaohsiung", "child-protection", "fengshan", null, on("2023-06-01")).office());
    }

    @Test
    void fengshanAreas() {
        DispatchDecision north = book.dispatch("kaohsiung", "fragile-family", "fengshan", "north", on("2023-06-01"));
        assertEquals("swc-fengshan", north.office());
        assertEquals("FF-fengshan-north", north.ruleId());
        assertTrue(north.explanation().startsWith("Fragile family report from Fengshan District (north: 國泰路以北41里) goes to swc-fengshan "
                + "(Fengshan Social Welfare Service Centre): rule FF-fengshan-north of version 8, in force since 2023-01-16."), north.explanation());
        assertEquals("swc-fengshan-wujia", book.dispatch("kaohsiung", "fragile-family", "fengshan", "south", on("2023-06-01")).office());
    }

    @Test
    void fragileFamilyFromFengshanWithoutPartGoesToTheManualQueue() {
        DispatchDecision d = book.dispatch("kaohsiung", "fragile-family", "fengshan", null, on("2023-06-01"));
        assertTrue(d.manualQueue());
        assertNull(d.office());
        assertNull(d.ruleId());
        assertEquals(DecisionBasis.NO_RULE, d.basis());
        assertEquals(8, d.ruleSetVersion());
        assertTrue(d.explanation().contains("matches no rule of version 8") && d.explanation().contains("manual dispatch queue")
                && d.explanation().contains("names no part"), d.explanation());
    }

    @Test
    void versionInForceByReceivedDate() {
        assertEquals(3, book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2019-06-01")).ruleSetVersion());
        assertEquals(2, book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2018-12-31")).ruleSetVersion());
        assertEquals(8, book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2023-02-01")).ruleSetVersion());
        // version 3 was adopted on 2018-10-04 but took effect on 2019-01-01
        assertEquals(2, book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2018-10-04")).ruleSetVersion());
        assertEquals(3, book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2019-01-01")).ruleSetVersion());
        assertEquals(1, book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2015-06-09")).ruleSetVersion());
        assertEquals(8, book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2030-01-01")).ruleSetVersion());
        assertEquals(List.of(3, 2, 8), List.of(book.inForce("kaohsiung", LocalDate.of(2019, 6, 1)).orElseThrow().version(),
                book.inForce("kaohsiung", LocalDate.of(2018, 12, 31)).orElseThrow().version(),
                book.inForce("kaohsiung", LocalDate.of(2023, 2, 1)).orElseThrow().version()));
    }

    @Test
    void theDateIsTakenInTheRegionsTimeZone() {
        // 2018-12-31 16:30 UTC is 2019-01-01 00:30 in Taipei
        assertEquals(3, book.dispatch("kaohsiung", "elder-protection", "qishan", null, Instant.parse("2018-12-31T16:30:00Z")).ruleSetVersion());
        assertEquals(2, book.dispatch("kaohsiung", "elder-protection", "qishan", null, Instant.parse("2018-12-31T15:59:00Z")).ruleSetVersion());
    }

    @Test
    void beforeTheFirstVersionNothingIsInForce() {
        DispatchDecision d = book.dispatch("kaohsiung", "child-protection", "nanzi", null, on("2015-06-08"));
        assertEquals(0, d.ruleSetVersion());
        assertTrue(d.manualQueue());
        assertNull(d.office());
        assertEquals(DecisionBasis.NO_RULE, d.basis());
        assertTrue(d.explanation().contains("no dispatch rule set of region kaohsiung is in force on 2015-06-08"), d.explanation());
        assertTrue(book.inForce("kaohsiung", LocalDate.of(2015, 6, 8)).isEmpty());
    }

    @Test
    void versionsListTheHistory() {
        List<DispatchRuleSet> sets = List.of(book.ruleSet("kaohsiung", 3).orElseThrow());
        assertEquals(LocalDate.of(2018, 10, 4), sets.get(0).adoptedOn());
        assertEquals(LocalDate.of(2019, 1, 1), sets.get(0).effectiveFrom());
        assertEquals(8, book.versions("kaohsiung").size());
        assertTrue(book.versions("kaohsiung").stream().allMatch(v -> v.ruleCount() == 156 && v.publishedBy().equals("system")
                && v.source().endsWith(".csv")));
        assertTrue(book.ruleSet("kaohsiung", 9).isEmpty());
    }
}
