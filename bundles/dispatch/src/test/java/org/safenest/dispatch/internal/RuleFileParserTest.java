package org.safenest.dispatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safenest.dispatch.internal.TestRegions.replaceInLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.intake.ServiceLine;
import org.safenest.testsupport.MemoryRegions;

/** The rule-file format: Kaohsiung's shipped files are valid; every kind of mistake is reported with its file and line. */
class RuleFileParserTest {

    private static final String V8 = "rules-v8-2023-01-16.csv";
    private static RegionRefs kaohsiung;

    @TempDir
    Path tmp;
    private Path folder;

    @BeforeAll
    static void region() {
        kaohsiung = TestRegions.refs(new MemoryRegions(TestRegions.kaohsiung()), "kaohsiung");
    }

    @BeforeEach
    void copyShippedFiles() {
        folder = TestRegions.copy(TestRegions.KAOHSIUNG_DISPATCH, tmp.resolve("kaohsiung"));
    }

    private RuleFileParser.Result read() {
        return RuleFileParser.readFolder(kaohsiung, RuleFiles.of(folder));
    }

    /** Reads the folder and checks it has exactly one error, in that file and line, with that text. */
    private RuleFileError onlyError(String file, int line, String text) {
        RuleFileParser.Result r = read();
        assertEquals(1, r.errors().size(), "errors: " + r.errors());
        assertEquals(List.of(), r.versions(), "nothing is read from an invalid source");
        RuleFileError e = r.errors().get(0);
        assertTrue(e.source().endsWith(file), e.source());
        assertEquals(line, e.line(), e.toString());
        assertTrue(e.message().contains(text), "message '" + e.message() + "' should contain '" + text + "'");
        return e;
    }

    // ------------------------------------------------------------------ the shipped files

    @Test
    void kaohsiungShipsEightVersionsOfTodaysRules() {
        RuleFileParser.Result r = RuleFileParser.readFolder(kaohsiung, RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        assertEquals(List.of(), r.errors());
        List<DispatchRuleSet> v = r.versions();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), v.stream().map(DispatchRuleSet::version).toList());
        assertEquals(List.of("2015-06-09", "2017-02-14", "2018-10-04", "2019-11-22", "2020-03-10", "2021-07-09", "2022-01-25", "2023-01-16"),
                v.stream().map(s -> s.adoptedOn().toString()).toList());
        assertEquals(List.of("2015-06-09", "2017-02-14", "2019-01-01", "2019-11-22", "2020-03-10", "2021-07-09", "2022-01-25", "2023-01-16"),
                v.stream().map(s -> s.effectiveFrom().toString()).toList());
        for (DispatchRuleSet s : v) {
            // 39 fragile-family rules (Fengshan has two), 3 x 38 protection rules, 3 fallbacks
            assertEquals(39 + 3 * 38 + 3, s.rules().size());
            assertEquals(3, s.rules().stream().filter(DispatchRule::fallback).count());
            assertTrue(s.note().toLowerCase().contains("rules carried over unchanged"), s.note());
            assertEquals(v.get(7).rules(), s.rules(), "every version carries today's rules");
        }
        DispatchRule north = v.get(7).rules().stream().filter(x -> x.id().equals("FF-fengshan-north")).findFirst().orElseThrow();
        assertEquals(new DispatchRule("FF-fengshan-north", null, ServiceLine.FRAGILE_FAMILY, "fengshan", "north", "swc-fengshan", false,
                north.explanation(), 13), north);
        assertEquals(new RuleFileParser.Origin(TestRegions.KAOHSIUNG_DISPATCH.toAbsolutePath().normalize()
                .resolve("versions.csv").toString(), 9), r.origin(8), "version 8 is on line 9 of versions.csv");
    }

    // ------------------------------------------------------------------ rule files

    @Test
    void unknownCaseType() {
        replaceInLine(folder.resolve(V8), 52, "AP-fengshan,,", "AP-fengshan,elder-abuse,");
        onlyError(V8, 52, "unknown case type 'elder-abuse'");
    }

    @Test
    void unknownServiceLine() {
        replaceInLine(folder.resolve(V8), 90, "CHILD_PROTECTION", "CHILD_WELFARE");
        onlyError(V8, 90, "unknown service line 'CHILD_WELFARE'");
    }

    @Test
    void unknownDistrict() {
        replaceInLine(folder.resolve(V8), 5, ",nanzi,", ",nanzih,");
        onlyError(V8, 5, "unknown district 'nanzih'");
    }

    @Test
    void unknownPart() {
        replaceInLine(folder.resolve(V8), 13, ",north,", ",east,");
        onlyError(V8, 13, "unknown part 'east' of district 'fengshan' (its parts: north, south)");
    }

    @Test
    void partOfADistrictThatIsNotSplit() {
        replaceInLine(folder.resolve(V8), 5, ",nanzi,,", ",nanzi,north,");
        onlyError(V8, 5, "the district is not split");
    }

    @Test
    void partWithoutDistrict() {
        replaceInLine(folder.resolve(V8), 155, "ADULT_PROTECTION,,,", "ADULT_PROTECTION,,north,");
        onlyError(V8, 155, "part 'north' needs a district");
    }

    @Test
    void unknownOffice() {
        replaceInLine(folder.resolve(V8), 128, "pc-fengshan", "pc-fongshan");
        onlyError(V8, 128, "unknown office 'pc-fongshan'");
    }

    @Test
    void duplicateRuleId() {
        replaceInLine(folder.resolve(V8), 53, "AP-linyuan", "AP-fengshan");
        onlyError(V8, 53, "duplicate rule id 'AP-fengshan' (first on line 52)");
    }

    @Test
    void missingOffice() {
        replaceInLine(folder.resolve(V8), 155, ",pc-headquarters,", ",,");
        onlyError(V8, 155, "missing office");
    }

    @Test
    void missingRuleId() {
        replaceInLine(folder.resolve(V8), 40, "FF-namaxia,", ",");
        onlyError(V8, 40, "no id");
    }

    @Test
    void caseTypeOfAnotherServiceLineCouldNeverMatch() {
        replaceInLine(folder.resolve(V8), 90, "CP-fengshan,,", "CP-fengshan,elder-protection,");
        onlyError(V8, 90, "case type 'elder-protection' belongs to service line ADULT_PROTECTION, not CHILD_PROTECTION");
    }

    @Test
    void fallbackIsYesOrEmpty() {
        replaceInLine(folder.resolve(V8), 156, ",yes,", ",maybe,");
        onlyError(V8, 156, "fallback must be 'yes' or empty, not 'maybe'");
    }

    @Test
    void missingColumn() {
        List<String> lines = TestRegions.lines(folder.resolve(V8));
        lines.replaceAll(l -> l.replaceFirst(",([^,]*),(yes)?,(\"[^\"]*\"|[^,\"]*)$", ",$2,$3"));
        lines.set(0, "id,case_type,service_line,district,part,fallback,explanation");
        TestRegions.write(folder.resolve(V8), lines);
        onlyError(V8, 1, "missing column 'office'");
    }

    @Test
    void unknownColumn() {
        replaceInLine(folder.resolve(V8), 1, ",office,", ",ofice,");
        RuleFileParser.Result r = read();
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().stream().allMatch(e -> e.line() == 1));
        assertTrue(r.errors().get(0).message().contains("unknown column 'ofice'"), r.errors().toString());
        assertTrue(r.errors().get(1).message().contains("missing column 'office'"), r.errors().toString());
    }

    @Test
    void unterminatedQuote() {
        replaceInLine(folder.resolve(V8), 20, ",\"Fragile-family", ",\"\"\"Fragile-family");
        List<String> lines = TestRegions.lines(folder.resolve(V8));
        lines.set(19, lines.get(19).replace("district.\"", "district."));
        TestRegions.write(folder.resolve(V8), lines);
        RuleFileParser.Result r = read();
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).source().endsWith(V8));
        assertTrue(r.errors().get(0).message().contains("not readable as CSV"), r.errors().toString());
        assertTrue(r.errors().get(0).line() >= 20, r.errors().toString());
    }

    @Test
    void emptyRuleSet() {
        TestRegions.write(folder.resolve(V8), List.of("id,case_type,service_line,district,part,office,fallback,explanation"));
        onlyError("versions.csv", 9, "the rule set of this version is empty");
    }

    @Test
    void missingRuleFile() throws Exception {
        Files.delete(folder.resolve("rules-v2-2017-02-14.csv"));
        onlyError("versions.csv", 3, "rule file 'rules-v2-2017-02-14.csv' not found");
    }

    @Test
    void severalErrorsAreAllListedInFileAndLineOrder() {
        replaceInLine(folder.resolve(V8), 90, "CHILD_PROTECTION", "CHILD_WELFARE");
        replaceInLine(folder.resolve(V8), 5, ",nanzi,", ",nanzih,");
        replaceInLine(folder.resolve("versions.csv"), 4, "2018-10-04,2019-01-01", "2018-10-04,2019-13-01");
        RuleFileParser.Result r = read();
        assertEquals(List.of(5, 90, 4), r.errors().stream().map(RuleFileError::line).toList(), r.errors().toString());
        assertTrue(r.errors().get(2).source().endsWith("versions.csv"));
    }

    // ------------------------------------------------------------------ versions.csv

    @Test
    void badDate() {
        replaceInLine(folder.resolve("versions.csv"), 4, "2018-10-04,2019-01-01", "2018-10-04,2019-13-01");
        onlyError("versions.csv", 4, "bad date '2019-13-01' in effective_from");
    }

    @Test
    void effectiveBeforeAdopted() {
        replaceInLine(folder.resolve("versions.csv"), 5, "2019-11-22,2019-11-22", "2019-11-22,2019-11-21");
        onlyError("versions.csv", 5, "effective_from 2019-11-21 is before adopted_on 2019-11-22");
    }

    @Test
    void versionsMustIncrease() {
        replaceInLine(folder.resolve("versions.csv"), 6, "5,2020-03-10", "4,2020-03-10");
        onlyError("versions.csv", 6, "version 4 does not increase: the version on line 5 is 4");
    }

    @Test
    void effectiveDateEarlierThanThePreviousVersions() {
        replaceInLine(folder.resolve("versions.csv"), 7, "6,2021-07-09,2021-07-09", "6,2018-12-01,2018-12-01");
        onlyError("versions.csv", 7, "effective_from 2018-12-01 is earlier than 2020-03-10, the effective date of the previous version (line 6)");
    }

    @Test
    void badVersionNumber() {
        replaceInLine(folder.resolve("versions.csv"), 2, "1,2015", "one,2015");
        onlyError("versions.csv", 2, "version 'one' is not a whole number from 1");
    }

    @Test
    void noVersions() {
        TestRegions.write(folder.resolve("versions.csv"), List.of("version,adopted_on,effective_from,rules,note"));
        onlyError("versions.csv", 1, "lists no version");
    }

    @Test
    void missingVersionsFile() throws Exception {
        Files.delete(folder.resolve("versions.csv"));
        onlyError("versions.csv", 0, "missing");
    }

    // ------------------------------------------------------------------ spreadsheet files

    @Test
    void spreadsheetQuirksAreAcceptedAndLinesStillCount() {
        // byte-order mark, CRLF, a comment, blank lines, padded cells, a quoted explanation over two lines
        String text = "\uFEFFid,case_type,service_line,district,part,office,fallback,explanation\r\n"
                + "# fragile families first\r\n"
                + "\r\n"
                + "FF-nanzi,,FRAGILE_FAMILY,nanzi,,swc-nanzi,,\"two\r\nlines\",,\r\n"
                + ",,,,,,,\r\n"
                + " CP-nanzi , child-protection ,,Nanzi District,,pc-headquarters,,\r\n"
                + "CP-x,,,nanzi,,pc-nowhere,,\r\n";
        TestRegions.write(folder.resolve(V8), text);
        RuleFileParser.Result r = read();
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals(8, r.errors().get(0).line(), "the error is on line 8: " + r.errors());
        replaceInLine(folder.resolve(V8), 8, "pc-nowhere", "pc-qishan");
        r = read();
        assertEquals(List.of(), r.errors());
        List<DispatchRule> rules = r.versions().get(7).rules();
        assertEquals(List.of(4, 7, 8), rules.stream().map(DispatchRule::line).toList());
        assertEquals("two\nlines", rules.get(0).explanation(), "line ends inside a cell are LF");
        // trimmed cells, a district given by its English name is stored by code
        assertEquals(new DispatchRule("CP-nanzi", "child-protection", null, "nanzi", null, "pc-headquarters", false, "", 7), rules.get(1));
    }

    // ------------------------------------------------------------------ single rule files

    private static final String HEADER = "id,case_type,service_line,district,part,office,fallback,explanation\n";

    @Test
    void singleFileWithItsVersionInTheHeader() {
        String text = "# version: 9\n# adopted_on: 2024-03-01,,,,\n# effective_from = 2024-04-01\n\"# note: split, renamed\",,,\n"
                + "# any other comment\n" + HEADER + "FF-nanzi,,FRAGILE_FAMILY,nanzi,,swc-zuoying,,moved\n";
        RuleFileParser.Result r = RuleFileParser.readSingle(kaohsiung, "v9.csv", text);
        assertEquals(List.of(), r.errors());
        DispatchRuleSet s = r.versions().get(0);
        assertEquals(9, s.version());
        assertEquals(LocalDate.of(2024, 3, 1), s.adoptedOn());
        assertEquals(LocalDate.of(2024, 4, 1), s.effectiveFrom());
        assertEquals("split, renamed", s.note());
        assertEquals("v9.csv", s.source());
        assertEquals(List.of(new DispatchRule("FF-nanzi", null, ServiceLine.FRAGILE_FAMILY, "nanzi", null, "swc-zuoying", false, "moved", 7)),
                s.rules());
        assertEquals(new RuleFileParser.Origin("v9.csv", 1), r.origin(9));
    }

    @Test
    void singleFileErrorsNameTheirLines() {
        String text = "# version: 9\n# adopted_on: 2024-02-30\n# effective_from: 2024-04-01\n" + HEADER
                + "FF-nanzi,,FRAGILE_FAMILY,nanzi,,swc-nowhere,,\n";
        RuleFileParser.Result r = RuleFileParser.readSingle(kaohsiung, "v9.csv", text);
        assertEquals(List.of(new RuleFileError("v9.csv", 2, "bad date '2024-02-30' in adopted_on: expected yyyy-mm-dd, such as 2023-01-16"),
                new RuleFileError("v9.csv", 5, "unknown office 'swc-nowhere' in region kaohsiung")), r.errors());
    }

    @Test
    void singleFileWithoutHeaderLines() {
        RuleFileParser.Result r = RuleFileParser.readSingle(kaohsiung, "v9.csv", HEADER + "FF-nanzi,,FRAGILE_FAMILY,nanzi,,swc-nanzi,,\n");
        assertEquals(3, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).message().contains("missing header line '# version: ...'"), r.errors().toString());
    }

    @Test
    void singleFileWithNoRule() {
        RuleFileParser.Result r = RuleFileParser.readSingle(kaohsiung, "v9.csv",
                "# version: 9\n# adopted_on: 2024-03-01\n# effective_from: 2024-03-01\n" + HEADER);
        assertEquals(List.of(new RuleFileError("v9.csv", 0, "the rule set is empty: the file holds no rule")), r.errors());
    }

    @Test
    void severalSingleFilesMustHaveDistinctVersionsInDateOrder() {
        String a = "# version: 9\n# adopted_on: 2024-03-01\n# effective_from: 2024-03-01\n" + HEADER + "A,,,,,pc-qishan,,\n";
        String b = "# version: 10\n# adopted_on: 2024-01-01\n# effective_from: 2024-01-01\n" + HEADER + "A,,,,,pc-qishan,,\n";
        RuleFileParser.Result r = RuleFileParser.read(kaohsiung, RuleFiles.of(Map.of("a.csv", a, "b.csv", b), "test"));
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals("b.csv", r.errors().get(0).source());
        assertTrue(r.errors().get(0).message().contains("earlier than 2024-03-01, the effective date of version 9"), r.errors().toString());
        r = RuleFileParser.read(kaohsiung, RuleFiles.of(Map.of("a.csv", a, "b.csv", a), "test"));
        assertTrue(r.errors().get(0).message().contains("version 9 is also defined by"), r.errors().toString());
    }
}
