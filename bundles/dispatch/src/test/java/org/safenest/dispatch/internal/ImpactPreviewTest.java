package org.safenest.dispatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.DispatchedReport;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * The impact preview's figures against a replay computed independently here: synthetic reports of testland, the
 * published and the draft rules written as plain {@code if}s in the test, the expected counts and changed cases tallied
 * by hand, never by the rule code under test.
 */
class ImpactPreviewTest {

    private static final String HEADER = "id,case_type,service_line,district,part,office,fallback,explanation";
    private static final String V1 = "# version: 1\n# adopted_on: 2020-01-01\n# effective_from: 2020-01-01\n" + HEADER + "\n"
            + "FF-d1,,FRAGILE_FAMILY,d1,,o1,,\n"
            + "FF-d2,,FRAGILE_FAMILY,d2,,o2,,\n"
            + "FF-d0-north,,FRAGILE_FAMILY,d0,north,o6,,\n"
            + "CP,,CHILD_PROTECTION,,,o3,yes,\n";
    /** Moves Fragile families of d1 to o4, gives d3 (no rule before: manual queue) to o5, d0 south to o6 too. */
    private static final String V2 = "# version: 2\n# adopted_on: 2024-05-01\n# effective_from: 2024-06-01\n" + HEADER + "\n"
            + "FF-d1,,FRAGILE_FAMILY,d1,,o4,,Moved\n"
            + "FF-d2,,FRAGILE_FAMILY,d2,,o2,,\n"
            + "FF-d3,,FRAGILE_FAMILY,d3,,o5,,New\n"
            + "FF-d0,,FRAGILE_FAMILY,d0,,o6,,Whole district\n"
            + "CP,,CHILD_PROTECTION,,,o3,yes,\n";

    private UnitDatabase db;
    private RuleBook book;

    @BeforeEach
    void open() {
        db = new UnitDatabase("safenest-dispatch");
        MemoryRegions regions = new MemoryRegions(TestRegions.testland(5, 8));
        book = new RuleBook(new DispatchStore(db::required), r -> TestRegions.refs(regions, r), new MemoryAudit(), Clock.systemUTC());
        book.publish("admin", "testland", "v1.csv", V1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Version 1 by hand: the office a report went to (null: the manual queue). */
    private static String byHandNow(String caseType, String district, String part) {
        if (caseType.equals("child-protection")) {
            return "o3";
        }
        return switch (district) {
            case "d1" -> "o1";
            case "d2" -> "o2";
            case "d0" -> "north".equals(part) ? "o6" : null;
            default -> null;
        };
    }

    /** The draft by hand. */
    private static String byHandDraft(String caseType, String district) {
        if (caseType.equals("child-protection")) {
            return "o3";
        }
        return switch (district) {
            case "d1" -> "o4";
            case "d2" -> "o2";
            case "d3" -> "o5";
            case "d0" -> "o6";
            default -> null;
        };
    }

    @Test
    void figuresMatchAnIndependentReplay() {
        // 2,600 synthetic reports (more than two pages of intake's answer), the office each got as intake stored it
        List<DispatchedReport> reports = new ArrayList<>();
        Instant start = LocalDate.parse("2024-03-01").atStartOfDay().toInstant(ZoneOffset.UTC);
        for (int i = 0; i < 2600; i++) {
            String type = i % 3 == 0 ? "child-protection" : "fragile-family";
            String district = "d" + (i % 5);
            String part = district.equals("d0") ? (i % 2 == 0 ? "north" : "south") : null;
            Instant received = start.plusSeconds(600L * i);
            String office = byHandNow(type, district, part);
            // what the live dispatch decided agrees with the hand-written version 1 (the stored office is the live one)
            assertEquals(office, book.dispatch("testland", type, district, part, received).office(), type + " " + district + " " + part);
            reports.add(new DispatchedReport(String.format("TL-2024-%06d", i + 1), received, type, district, part, office, 1));
        }
        // one report of a district the region no longer has: not replayable
        reports.add(new DispatchedReport("TL-2024-999999", start.plusSeconds(600L * 2600), "fragile-family", "gone", null, "o1", 1));

        Map<String, int[]> expected = new TreeMap<>();
        List<String> expectedChanged = new ArrayList<>();
        for (DispatchedReport r : reports) {
            if (r.district().equals("gone")) {
                continue;
            }
            String now = r.office();
            String draft = byHandDraft(r.caseType(), r.district());
            expected.computeIfAbsent(String.valueOf(now), k -> new int[2])[0]++;
            expected.computeIfAbsent(String.valueOf(draft), k -> new int[2])[1]++;
            if (!Objects.equals(now, draft)) {
                expectedChanged.add(r.caseNumber() + " " + now + " -> " + draft);
            }
        }

        RuleBook.Draft draft = book.draft("testland", RuleFiles.of(Map.of("v2.csv", V2), "test"), null);
        assertEquals(2, draft.version().version());
        List<int[]> calls = new ArrayList<>();
        ImpactPreview.Result result = ImpactPreview.of(draft, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-31"),
                (offset, limit) -> {
                    calls.add(new int[] {offset, limit});
                    return reports.subList(Math.min(offset, reports.size()), Math.min(offset + limit, reports.size()));
                }, 100);

        Map<String, int[]> actual = new TreeMap<>();
        result.offices().forEach(o -> actual.put(String.valueOf(o.office()), new int[] {o.received(), o.wouldReceive()}));
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((office, counts) -> assertEquals(List.of(counts[0], counts[1]),
                List.of(actual.get(office)[0], actual.get(office)[1]), "office " + office));
        assertEquals(2600, result.reports());
        assertEquals(1, result.skipped());
        assertFalse(result.truncated());
        assertEquals(expectedChanged.size(), result.changedCount());
        assertEquals(expectedChanged.subList(0, 100), result.changed().stream()
                .map(c -> c.caseNumber() + " " + c.officeNow() + " -> " + c.officeDraft()).toList());
        assertEquals("FF-d1", result.changed().stream().filter(c -> "o4".equals(c.officeDraft())).findFirst().orElseThrow().ruleId());
        assertEquals(3, calls.size(), "read page by page until a short page");
        // the manual queue comes last
        assertEquals(null, result.offices().get(result.offices().size() - 1).office());
        // nothing was published
        assertEquals(1, book.versions("testland").size());
    }

    @Test
    void draftIsCheckedAsPublishingWouldBe() {
        InvalidInputException same = assertThrows(InvalidInputException.class,
                () -> book.draft("testland", RuleFiles.of(Map.of("v1.csv", V1), "test"), null));
        assertEquals("no-new-version", same.errors().get(0).code());
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> book.draft("testland", RuleFiles.of(Map.of("v2.csv", V2.replace(",o4,", ",o99,")), "test"), null));
        assertEquals("v2.csv:5", bad.errors().get(0).field());
        InvalidInputException early = assertThrows(InvalidInputException.class,
                () -> book.draft("testland", RuleFiles.of(Map.of("v2.csv", V2), "test"), LocalDate.parse("2024-04-30")));
        assertEquals("effectiveFrom", early.errors().get(0).field());
        // publishing with another effective date: the version takes effect that day
        PublishResult r = book.publish("supervisor", "testland", RuleFiles.of(Map.of("v2.csv", V2), "test"), LocalDate.parse("2024-05-15"));
        assertEquals(LocalDate.parse("2024-05-15"), r.published().get(0).effectiveFrom());
        Map<String, String> decided = new HashMap<>();
        decided.put("before", book.dispatch("testland", "fragile-family", "d1", null, Instant.parse("2024-05-14T12:00:00Z")).office());
        decided.put("after", book.dispatch("testland", "fragile-family", "d1", null, Instant.parse("2024-05-15T12:00:00Z")).office());
        assertEquals(Map.of("before", "o1", "after", "o4"), decided);
        assertTrue(book.versions("testland").stream().anyMatch(v -> v.version() == 2));
    }
}
