package org.safenest.dispatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safenest.dispatch.internal.TestRegions.replaceInLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * Publishing (new versions only, all or none, never changing a published version, audited), the in-memory cache
 * against the database, first-match and fallback semantics and the version in force, on a fresh database each.
 */
class RuleBookTest {

    private static final String HEADER = "id,case_type,service_line,district,part,office,fallback,explanation";

    @TempDir
    Path tmp;
    private UnitDatabase db;
    private MemoryRegions regions;
    private MemoryAudit audit;
    private RuleBook book;

    @BeforeEach
    void open() {
        db = new UnitDatabase("safenest-dispatch");
        regions = new MemoryRegions(TestRegions.kaohsiung(), TestRegions.testland(5, 8));
        audit = new MemoryAudit();
        book = new RuleBook(new DispatchStore(db::required), r -> TestRegions.refs(regions, r), audit, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant utc(String date) {
        return LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** Writes a testland folder: versions given as "version,adopted,effective" with their rule lines. */
    private Path testland(String name, Map<String, List<String>> versions) {
        Path dir = tmp.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> list = new ArrayList<>(List.of("version,adopted_on,effective_from,rules,note"));
        versions.forEach((v, rules) -> {
            String file = "rules-" + v.split(",")[0] + ".csv";
            list.add(v + "," + file + ",synthetic");
            List<String> lines = new ArrayList<>(List.of(HEADER));
            lines.addAll(rules);
            TestRegions.write(dir.resolve(file), lines);
        });
        TestRegions.write(dir.resolve("versions.csv"), list);
        return dir;
    }

    // ------------------------------------------------------------------ publishing

    @Test
    void publishingStoresAndAuditsEachNewVersion() {
        PublishResult r = book.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), r.published().stream().map(RuleSetVersion::version).toList());
        assertEquals(List.of(), r.unchanged());
        List<AuditRecord> records = audit.records();
        assertEquals(8, records.size());
        assertTrue(records.stream().allMatch(a -> a.actor().equals("system") && a.action().equals("dispatch.publish")
                && a.region().equals("kaohsiung") && a.outcome() == AuditOutcome.SUCCESS));
        assertEquals("version 3", records.get(2).target());
        assertTrue(records.get(2).detail().startsWith("156 rules, adopted 2018-10-04, effective from 2019-01-01"), records.get(2).detail());

        // the same files again: nothing new, nothing audited
        PublishResult again = book.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        assertEquals(List.of(), again.published());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), again.unchanged());
        assertEquals(8, audit.records().size());
        assertEquals(List.of(), book.validate("kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH)));
    }

    @Test
    void storedVersionsReadBackTheSameInANewBook() {
        book.publish("admin", "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        RuleBook other = new RuleBook(new DispatchStore(db::required), r -> TestRegions.refs(regions, r), audit, Clock.systemUTC());
        for (int v = 1; v <= 8; v++) {
            DispatchRuleSet a = book.ruleSet("kaohsiung", v).orElseThrow();
            DispatchRuleSet b = other.ruleSet("kaohsiung", v).orElseThrow();
            assertEquals(a, b);
            assertEquals("admin", b.publishedBy());
            assertEquals(156, b.rules().size());
            assertEquals(13, b.rules().get(11).line(), "rules keep their file lines");
        }
        assertEquals(book.versions("kaohsiung"), other.versions("kaohsiung"));
    }

    @Test
    void aPublishedVersionNeverChanges() {
        book.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        Path folder = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, tmp.resolve("kaohsiung"));
        replaceInLine(folder.resolve("rules-v3-2018-10-04.csv"), 52, ",pc-fengshan,", ",pc-qishan,");

        List<RuleFileError> errors = book.validate("kaohsiung", RuleFiles.of(folder));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).source().endsWith("versions.csv"));
        assertEquals(4, errors.get(0).line());
        assertTrue(errors.get(0).message().startsWith("version 3 is already published"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("rule 51 (AP-fengshan, line 52) differs"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("give the new rules a new version number above 8"), errors.get(0).message());

        ConflictException e = assertThrows(ConflictException.class, () -> book.publish("admin", "kaohsiung", RuleFiles.of(folder)));
        assertTrue(e.getMessage().contains("versions.csv:4: version 3 is already published"), e.getMessage());
        assertEquals("pc-fengshan", book.dispatch("kaohsiung", "elder-protection",
                "fengshan", null, utc("2019-06-01")).office());
        assertEquals(8, book.versions("kaohsiung").size());
        assertEquals(8, audit.records().size(), "a refused publication through the API is audited by the REST layer");
    }

    @Test
    void aNewVersionPublishedFromFilesRoutesByDateAndLeavesEarlierDatesAlone() {
        book.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        Path folder = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, tmp.resolve("kaohsiung"));
        List<String> rules = TestRegions.lines(folder.resolve("rules-v8-2023-01-16.csv"));
        rules.set(4, rules.get(4).replace(",swc-nanzi,", ",swc-zuoying,")); // line 5: FF-nanzi
        TestRegions.write(folder.resolve("rules-v9.csv"), rules);
        List<String> versions = TestRegions.lines(folder.resolve("versions.csv"));
        versions.add("9,2024-05-01,2024-06-01,rules-v9.csv,Nanzi moves to Zuoying");
        TestRegions.write(folder.resolve("versions.csv"), versions);

        PublishResult r = book.publish("admin", "kaohsiung", RuleFiles.of(folder));
        assertEquals(List.of(9), r.published().stream().map(RuleSetVersion::version).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), r.unchanged());
        assertEquals("admin", r.published().get(0).publishedBy());

        DispatchDecision before = book.dispatch("kaohsiung", "fragile-family", "nanzi", null, utc("2024-05-31"));
        DispatchDecision after = book.dispatch("kaohsiung", "fragile-family", "nanzi", null, utc("2024-06-01"));
        assertEquals("swc-nanzi", before.office());
        assertEquals(8, before.ruleSetVersion());
        assertEquals("swc-zuoying", after.office());
        assertEquals(9, after.ruleSetVersion());
        assertTrue(after.explanation().contains("rule FF-nanzi of version 9, in force since 2024-06-01"), after.explanation());
    }

    @Test
    void aNewVersionMustComeAfterTheLatest() {
        book.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        String early = "# version: 9\n# adopted_on: 2022-12-01\n# effective_from: 2022-12-01\n" + HEADER + "\nA,,CHILD_PROTECTION,,,pc-qishan,,\n";
        assertEquals(List.of(new RuleFileError("v9.csv", 1, "effective_from 2022-12-01 is earlier than 2023-01-16, the effective date "
                + "of version 8: a new version cannot take effect before the one it follows")), book.validate("kaohsiung", "v9.csv", early));
        assertThrows(ConflictException.class, () -> book.publish("admin", "kaohsiung", "v9.csv", early));

        // a folder holding only new versions is fine; one holding a lower new number is not
        book.publish("admin", "kaohsiung", "v10.csv", early.replace("version: 9", "version: 10").replace("2022-12-01", "2024-01-01"));
        List<RuleFileError> errors = book.validate("kaohsiung", "v9.csv", early.replace("2022-12-01", "2024-02-01"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("version 9 is new but below version 10, the latest published"), errors.toString());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 10), book.versions("kaohsiung").stream().map(RuleSetVersion::version).toList());
    }

    @Test
    void singleFileThroughTheApiInterfaceIsIdempotent() {
        String v1 = "# version: 1\n# adopted_on: 2020-01-01\n# effective_from: 2020-01-01\n# note: first\n" + HEADER + "\nA,,,d1,,o1,,\n";
        PublishResult first = book.publish("admin", "testland", "v1.csv", v1);
        assertEquals(1, first.published().size());
        assertEquals("first", first.published().get(0).note());
        PublishResult second = book.publish("admin", "testland", "v1.csv", v1);
        assertEquals(List.of(), second.published());
        assertEquals(List.of(1), second.unchanged());
        assertThrows(ConflictException.class, () -> book.publish("admin", "testland", "v1.csv", v1.replace(",o1,", ",o2,")));
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> book.publish("admin", "testland", "v2.csv", v1.replace("version: 1", "version: 2").replace(",o1,", ",o99,")));
        assertEquals(List.of(new FieldError("line 6", "invalid-rule-file", "unknown office 'o99' in region testland")), bad.errors());
        assertEquals(1, book.versions("testland").size());
    }

    @Test
    void invalidFilesChangeNothing() {
        Path folder = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, tmp.resolve("kaohsiung"));
        replaceInLine(folder.resolve("rules-v8-2023-01-16.csv"), 5, ",nanzi,", ",nanzih,");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> book.publish("admin", "kaohsiung", RuleFiles.of(folder)));
        assertEquals("rules-v8-2023-01-16.csv:5", e.errors().get(0).field());
        assertEquals(List.of(), book.versions("kaohsiung"));
        assertEquals(List.of(), audit.records());
    }

    // ------------------------------------------------------------------ semantics

    @Test
    void firstOrdinaryMatchInFileOrderThenFallbacksThenTheManualQueue() {
        Map<String, List<String>> v = new java.util.LinkedHashMap<>();
        v.put("1,2020-01-01,2020-01-01", List.of(
                "A,child-protection,,d1,,o1,,the case type and district",
                "B,,CHILD_PROTECTION,d1,,o2,,never reached for child protection: A comes first",
                "F1,,,d1,,o3,yes,a fallback listed before C",
                "C,,,d1,,o4,,any case type from d1",
                "F2,,CHILD_PROTECTION,,,o5,yes,child protection anywhere",
                "D,fragile-family,,d0,north,o6,,the north of d0"));
        book.publish("admin", "testland", RuleFiles.of(testland("t1", v)));
        record Case(String type, String district, String part, String office, String rule, DecisionBasis basis) {
        }
        for (Case c : List.of(
                new Case("child-protection", "d1", null, "o1", "A", DecisionBasis.RULE),
                new Case("elder-protection", "d1", null, "o4", "C", DecisionBasis.RULE),
                new Case("child-protection", "d2", null, "o5", "F2", DecisionBasis.FALLBACK_RULE),
                new Case("fragile-family", "d0", "north", "o6", "D", DecisionBasis.RULE),
                new Case("fragile-family", "d0", "south", null, null, DecisionBasis.NO_RULE),
                new Case("fragile-family", "d0", null, null, null, DecisionBasis.NO_RULE),
                new Case("elder-protection", "d2", null, null, null, DecisionBasis.NO_RULE))) {
            DispatchDecision d = book.dispatch("testland", c.type(), c.district(), c.part(), utc("2020-06-01"));
            assertEquals(c.office(), d.office(), c + " -> " + d);
            assertEquals(c.rule(), d.ruleId(), c + " -> " + d);
            assertEquals(c.basis(), d.basis(), c + " -> " + d);
            assertEquals(c.office() == null, d.manualQueue());
            assertEquals(1, d.ruleSetVersion());
        }
        DispatchDecision fallback = book.dispatch("testland", "child-protection", "d2", null, utc("2020-06-01"));
        assertTrue(fallback.explanation().contains("matches no ordinary rule of version 1, in force since 2020-01-01; fallback rule F2 sends it to o5 (Office 5)"),
                fallback.explanation());
    }

    @Test
    void aRuleThatChangesBetweenVersionsRoutesByDate() {
        Map<String, List<String>> v = new java.util.LinkedHashMap<>();
        v.put("1,2020-01-01,2020-01-01", List.of("R,child-protection,,d1,,o1,,"));
        v.put("2,2020-11-01,2021-01-01", List.of("R,child-protection,,d1,,o2,,"));
        v.put("3,2020-12-01,2021-01-01", List.of("R,child-protection,,d1,,o3,,"));
        v.put("4,2021-06-01,2021-06-01", List.of("Other,elder-protection,,d1,,o4,,"));
        book.publish("admin", "testland", RuleFiles.of(testland("t2", v)));
        assertEquals(0, book.dispatch("testland", "child-protection", "d1", null, utc("2019-12-31")).ruleSetVersion());
        assertEquals(List.of("o1", "1"), officeAndVersion("2020-06-01"));
        assertEquals(List.of("o1", "1"), officeAndVersion("2020-12-31"));
        // two versions take effect the same day: the higher number is in force
        assertEquals(List.of("o3", "3"), officeAndVersion("2021-01-01"));
        assertEquals(List.of("o3", "3"), officeAndVersion("2021-05-31"));
        // version 4 has no rule for child protection: the manual queue, by version 4
        assertEquals(List.of("null", "4"), officeAndVersion("2021-06-01"));
    }

    private List<String> officeAndVersion(String date) {
        DispatchDecision d = book.dispatch("testland", "child-protection", "d1", null, utc(date));
        return List.of(String.valueOf(d.office()), String.valueOf(d.ruleSetVersion()));
    }

    @Test
    void badReportsAreRefusedWithEveryWrongField() {
        book.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> book.dispatch("kaohsiung", "kidnapping", "atlantis", null, utc("2023-06-01")));
        assertEquals(List.of("caseType", "district"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("unknown", "unknown"), e.errors().stream().map(FieldError::code).toList());
        e = assertThrows(InvalidInputException.class, () -> book.dispatch("kaohsiung", "fragile-family", "fengshan", "east", utc("2023-06-01")));
        assertEquals(List.of(new FieldError("part", "unknown", "District 'fengshan' has no part 'east'")), e.errors());
        e = assertThrows(InvalidInputException.class, () -> book.dispatch("kaohsiung", "fragile-family", "nanzi", "north", utc("2023-06-01")));
        assertEquals("District 'nanzi' is not split into parts", e.errors().get(0).message());
        e = assertThrows(InvalidInputException.class, () -> book.dispatch("kaohsiung", null, null, null, null));
        assertEquals(List.of("caseType", "district", "receivedAt"), e.errors().stream().map(FieldError::field).toList());
        assertThrows(NotFoundException.class, () -> book.dispatch("atlantis", "fragile-family", "d1", null, utc("2023-06-01")));
        assertThrows(NotFoundException.class, () -> book.versions("atlantis"));
        // a district by its Chinese name
        assertEquals("swc-nanzi", book.dispatch("kaohsiung", "fragile-family", "楠梓區", null, utc("2023-06-01")).office());
    }

    // ------------------------------------------------------------------ the cache

    @Test
    void versionsPublishedByAnotherNodeAndReloadedRegionsAreNoticed() {
        assertEquals(List.of(), book.versions("kaohsiung"));
        RuleBook otherNode = new RuleBook(new DispatchStore(db::required), r -> TestRegions.refs(regions, r), audit, Clock.systemUTC());
        otherNode.publish(RuleBook.SYSTEM, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        assertEquals(List.of(), book.versions("kaohsiung"), "cached until refreshed");
        Map<String, Instant> loaded = new HashMap<>();
        regions.regions().forEach(r -> loaded.put(r.code(), r.loadedAt()));
        book.refresh(loaded, new DispatchStore(db::required).counts());
        assertEquals(8, book.versions("kaohsiung").size());

        // the region's reference data is reloaded with a district renamed
        var k = TestRegions.kaohsiung();
        List<org.safenest.api.region.District> districts = k.districts().stream().map(d -> d.code().equals("nanzi")
                ? new org.safenest.api.region.District("nanzi", d.nameZh(), "Nanzih District", d.parts()) : d).toList();
        regions.put(new org.safenest.api.region.RegionData(k.code(), k.nameEn(), k.nameZh(), k.timeZone(), k.source(), "y", districts,
                k.offices(), List.of(), List.of()), Instant.now().plusSeconds(1));
        regions.regions().forEach(r -> loaded.put(r.code(), r.loadedAt()));
        book.refresh(loaded, new DispatchStore(db::required).counts());
        assertTrue(book.dispatch("kaohsiung", "fragile-family", "nanzi", null, utc("2023-06-01")).explanation()
                .startsWith("Fragile family report from Nanzih District goes to swc-nanzi"));
    }
}
