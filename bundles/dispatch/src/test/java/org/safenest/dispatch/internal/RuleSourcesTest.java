package org.safenest.dispatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.region.RegionData;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * Rule sets read without a caller: a region bundle's files, and a folder dropped into the distribution, picked
 * up at run time; a source that redefines a published version is refused and listed as a problem.
 */
class RuleSourcesTest {

    @TempDir
    Path tmp;
    private Path drop;
    private UnitDatabase db;
    private MemoryRegions regions;
    private MemoryAudit audit;
    private RuleBook book;
    private RuleSources sources;

    @BeforeEach
    void open() {
        drop = tmp.resolve("etc/safenest/dispatch");
        db = new UnitDatabase("safenest-dispatch");
        regions = new MemoryRegions(TestRegions.kaohsiung());
        audit = new MemoryAudit();
        book = new RuleBook(new DispatchStore(db::required), r -> TestRegions.refs(regions, r), audit, Clock.systemUTC());
        sources = new RuleSources(book, drop, r -> regions.region(r).map(x -> x.loadedAt().toString()).orElse(null), audit,
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Integer> versions(String region) {
        return book.versions(region).stream().map(RuleSetVersion::version).toList();
    }

    @Test
    void regionBundleFilesArePublishedOnce() {
        sources.addBundle(7, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH), 1000);
        sources.tick();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), versions("kaohsiung"));
        assertEquals(8, audit.records().size());
        sources.tick();
        // the same bundle started again after a restart: nothing new
        sources.addBundle(7, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH), 2000);
        sources.tick();
        assertEquals(8, audit.records().size());
        assertEquals(List.of(), sources.problems());
    }

    @Test
    void aReportRightAfterStartWaitsForTheShippedRules() {
        book.onFirstUse(sources::publishPending);
        sources.addBundle(7, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH), 1000);
        // no look at the sources yet: the first use of the region publishes them
        var decision = book.dispatch("kaohsiung", "child-protection", "qishan", null, java.time.Instant.parse("2023-06-01T02:00:00Z"));
        assertEquals("pc-qishan", decision.office());
        assertEquals(8, decision.ruleSetVersion());
    }

    @Test
    void aFolderDroppedInIsPublishedAtRunTimeOnceItStopsChanging() {
        sources.tick(); // no folder yet
        Path kaohsiung = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, drop.resolve("kaohsiung"));
        sources.tick();
        assertEquals(List.of(), versions("kaohsiung"), "read once it has not changed for one look");
        sources.tick();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), versions("kaohsiung"));

        // a new version dropped in
        List<String> rules = TestRegions.lines(kaohsiung.resolve("rules-v8-2023-01-16.csv"));
        rules.set(4, rules.get(4).replace(",swc-nanzi,", ",swc-zuoying,"));
        TestRegions.write(kaohsiung.resolve("rules-v9-2024-05-01.csv"), rules);
        List<String> v = TestRegions.lines(kaohsiung.resolve("versions.csv"));
        v.add("9,2024-05-01,2024-05-01,rules-v9-2024-05-01.csv,Nanzi served from Zuoying");
        TestRegions.write(kaohsiung.resolve("versions.csv"), v);
        sources.tick();
        sources.tick();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), versions("kaohsiung"));
        assertEquals("swc-zuoying", book.dispatch("kaohsiung", "fragile-family", "nanzi", null,
                java.time.Instant.parse("2024-06-01T02:00:00Z")).office());
        AuditRecord last = audit.records().get(audit.records().size() - 1);
        assertEquals("system", last.actor());
        assertEquals("version 9", last.target());
        assertEquals(List.of(), sources.problems());
    }

    @Test
    void aFileThatRedefinesAPublishedVersionIsRefusedAndListed() {
        sources.addBundle(7, "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH), 1000);
        sources.tick();
        Path kaohsiung = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, drop.resolve("kaohsiung"));
        TestRegions.replaceInLine(kaohsiung.resolve("rules-v3-2018-10-04.csv"), 52, ",pc-fengshan,", ",pc-qishan,");
        sources.tick();
        sources.tick();
        assertEquals(8, versions("kaohsiung").size());
        assertEquals(1, sources.problems().size());
        var problem = sources.problems().get(0);
        assertEquals("kaohsiung", problem.region());
        assertEquals("folder " + kaohsiung.toAbsolutePath().normalize(), problem.source());
        assertTrue(problem.messages().get(0).startsWith("versions.csv:4: version 3 is already published"), problem.messages().toString());
        AuditRecord refused = audit.records().get(audit.records().size() - 1);
        assertEquals(AuditOutcome.REJECTED, refused.outcome());
        assertEquals("dispatch.publish", refused.action());
        assertEquals("system", refused.actor());
        int records = audit.records().size();

        // looked at again: still refused, not audited again
        sources.tick();
        assertEquals(records, audit.records().size());
        assertEquals(1, sources.problems().size());

        // the operator fixes the file: the problem goes away
        TestRegions.replaceInLine(kaohsiung.resolve("rules-v3-2018-10-04.csv"), 52, ",pc-qishan,", ",pc-fengshan,");
        sources.tick();
        sources.tick();
        assertEquals(List.of(), sources.problems());
        assertEquals("pc-fengshan", book.ruleSet("kaohsiung", 3).orElseThrow().rules().get(50).office());
    }

    @Test
    void invalidFilesAreListedWithTheirLines() {
        Path kaohsiung = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, drop.resolve("kaohsiung"));
        TestRegions.replaceInLine(kaohsiung.resolve("versions.csv"), 3, "2017-02-14,2017-02-14", "2017-02-14,2017-02-30");
        sources.tick();
        sources.tick();
        assertEquals(List.of(), versions("kaohsiung"));
        assertEquals(List.of("versions.csv:3: bad date '2017-02-30' in effective_from: expected yyyy-mm-dd, such as 2023-01-16"),
                sources.problems().get(0).messages());
    }

    @Test
    void aFolderForARegionNotLoadedWaitsForIt() throws Exception {
        Path testland = drop.resolve("testland");
        Files.createDirectories(testland);
        TestRegions.write(testland.resolve("versions.csv"), List.of("version,adopted_on,effective_from,rules,note", "1,2020-01-01,2020-01-01,r.csv,"));
        TestRegions.write(testland.resolve("r.csv"), List.of("id,case_type,service_line,district,part,office,fallback,explanation", "A,,,d1,,o1,,"));
        sources.tick();
        sources.tick();
        assertEquals(1, sources.problems().size());
        assertTrue(sources.problems().get(0).messages().get(0).contains("region 'testland' is not loaded"));

        RegionData data = TestRegions.testland(3, 3);
        regions.put(data);
        sources.tick();
        assertEquals(List.of(), sources.problems());
        assertEquals("o1", book.dispatch("testland", "child-protection", "d1", null, java.time.Instant.parse("2021-01-01T00:00:00Z")).office());
    }

    @Test
    void aFolderRemovedForgetsItsProblemButKeepsPublishedVersions() throws Exception {
        Path kaohsiung = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, drop.resolve("kaohsiung"));
        sources.tick();
        sources.tick();
        assertEquals(8, versions("kaohsiung").size());
        TestRegions.replaceInLine(kaohsiung.resolve("rules-v3-2018-10-04.csv"), 52, ",pc-fengshan,", ",pc-qishan,");
        sources.tick();
        sources.tick();
        assertEquals(1, sources.problems().size());
        try (var files = Files.list(kaohsiung)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(kaohsiung);
        sources.tick();
        assertEquals(List.of(), sources.problems());
        assertEquals(8, versions("kaohsiung").size());
    }
}
