package org.safenest.dispatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.intake.CaseType;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.Office;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.ServedArea;
import org.safenest.core.internal.region.RegionDataException;
import org.safenest.core.internal.region.RegionDataReader;
import org.safenest.core.internal.region.RegionSource;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * Rules that route by office type ({@code serving:<type>}): the README's made-up example city (docs/example-city,
 * synthetic) dispatched by four lines, the same rules following an office's new districts, and Kaohsiung's 156-line
 * version 8 said in six lines deciding exactly as the shipped version for every case type, district and part.
 */
class ServingRulesTest {

    static final Path EXAMPLE = Path.of("../../docs/example-city");
    static final Instant RECEIVED = Instant.parse("2026-02-02T03:00:00Z");

    private UnitDatabase db;
    private MemoryRegions regions;
    private RuleBook book;

    @BeforeEach
    void open() throws RegionDataException {
        db = new UnitDatabase("safenest-dispatch");
        regions = new MemoryRegions(TestRegions.kaohsiung(), example());
        book = new RuleBook(new DispatchStore(db::required), r -> TestRegions.refs(regions, r), new MemoryAudit(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static RegionData example() throws RegionDataException {
        return RegionDataReader.read(RegionSource.of(EXAMPLE));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String office(String region, String caseType, String district, String part) {
        return book.dispatch(region, caseType, district, part, RECEIVED).office();
    }

    @Test
    void theExampleCityIsDispatchedByFourLines() {
        book.publish("admin", "lianhua", "dispatch-rules.csv", read(EXAMPLE.resolve("dispatch-rules.csv")));
        assertEquals("lh-swc-east", office("lianhua", "fragile-family", "lotus-east", null));
        assertEquals("lh-swc-east", office("lianhua", "fragile-family", "hillside", null));
        assertEquals("lh-swc-west", office("lianhua", "fragile-family", "harbour", "north"));
        assertEquals("lh-swc-harbour", office("lianhua", "fragile-family", "harbour", "south"));
        assertEquals("lh-swc-harbour", office("lianhua", "fragile-family", "orchard", null));
        for (String type : List.of("child-protection", "domestic-violence", "sexual-assault")) {
            assertEquals("lh-protection", office("lianhua", type, "harbour", null));
            assertEquals("lh-protection", office("lianhua", type, "orchard", null));
        }
        DispatchDecision d = book.dispatch("lianhua", "fragile-family", "harbour", "north", RECEIVED);
        assertEquals(DecisionBasis.RULE, d.basis());
        assertEquals("FF", d.ruleId());
        assertTrue(d.explanation().contains("lh-swc-west (Lotus West Social Welfare Service Centre) (the welfare service centre that serves"
                + " Harbour District north): rule FF of version 1"), d.explanation());

        // Harbour is split between two centres: a fragile-family report that names no part goes to the manual queue
        DispatchDecision noPart = book.dispatch("lianhua", "fragile-family", "harbour", null, RECEIVED);
        assertNull(noPart.office());
        assertEquals(DecisionBasis.NO_RULE, noPart.basis());
    }

    @Test
    void theSameRulesFollowAnOfficesNewDistricts() throws RegionDataException {
        book.publish("admin", "lianhua", "dispatch-rules.csv", read(EXAMPLE.resolve("dispatch-rules.csv")));
        assertEquals("lh-swc-east", office("lianhua", "fragile-family", "hillside", null));
        // Hillside moves from the East centre to the West centre; the rule set stays as it is
        RegionData before = example();
        List<Office> offices = new ArrayList<>();
        for (Office o : before.offices()) {
            List<ServedArea> serves = new ArrayList<>(o.serves());
            if (o.code().equals("lh-swc-east")) {
                serves.removeIf(a -> a.district().equals("hillside"));
            } else if (o.code().equals("lh-swc-west")) {
                serves.add(new ServedArea("hillside", null));
            }
            offices.add(new Office(o.code(), o.nameZh(), o.nameEn(), o.type(), o.area(), o.parent(), o.location(), serves));
        }
        regions.put(new RegionData(before.code(), before.nameEn(), before.nameZh(), before.timeZone(), before.source(), "changed",
                before.districts(), offices, before.preschools(), before.indicators()), Instant.now().plusSeconds(60));
        book.refreshRefs();
        assertEquals("lh-swc-west", office("lianhua", "fragile-family", "hillside", null));
        assertEquals("lh-swc-east", office("lianhua", "fragile-family", "lotus-east", null));
    }

    @Test
    void aRouteToAnUnknownTypeOrATypeTheRegionLacksIsAnErrorOnItsLine() {
        String rules = String.join("\n", "# version: 1", "# adopted_on: 2026-01-05", "# effective_from: 2026-01-05",
                "id,case_type,service_line,district,part,office,fallback,explanation",
                "FF,,FRAGILE_FAMILY,,,serving:welfare-centre,,",
                "CP,,CHILD_PROTECTION,,,serving:family-service-centre,,");
        List<RuleFileError> errors = book.validate("lianhua", "rules.csv", rules);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(5, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("unknown office type in 'serving:welfare-centre'"), errors.get(0).message());
        assertEquals(6, errors.get(1).line());
        assertTrue(errors.get(1).message().contains("has no office of type family-service-centre"), errors.get(1).message());
    }

    /**
     * Kaohsiung's shipped version 8 (156 rules, one per district and service line) and the same procedures by office
     * type (6 rules) send every report to the same office: every case type, every district, each part and no part.
     */
    @Test
    void kaohsiungsVersion8SaidInSixLinesDecidesTheSame() throws IOException {
        book.publish("system", "kaohsiung", RuleFiles.of(TestRegions.KAOHSIUNG_DISPATCH));
        RegionRefs refs = TestRegions.refs(regions, "kaohsiung");
        String shortForm = Files.readString(Path.of("src/test/resources/serving/kaohsiung-by-office-type.csv"), StandardCharsets.UTF_8);
        RuleFileParser.Result parsed = RuleFileParser.readSingle(refs, "kaohsiung-by-office-type.csv", shortForm);
        assertEquals(List.of(), parsed.errors());
        CompiledRuleSet byType = new CompiledRuleSet(parsed.versions().get(0));
        CompiledRuleSet v8 = new CompiledRuleSet(book.ruleSet("kaohsiung", 8).orElseThrow());
        int compared = 0;
        for (CaseType type : CaseType.DEFAULTS) {
            for (District d : regions.districts("kaohsiung")) {
                List<String> parts = new ArrayList<>();
                parts.add(null);
                d.parts().stream().map(DistrictPart::code).forEach(parts::add);
                for (String part : parts) {
                    CompiledRuleSet.Match a = v8.match(type.code(), type.serviceLine(), d.code(), part, refs);
                    CompiledRuleSet.Match b = byType.match(type.code(), type.serviceLine(), d.code(), part, refs);
                    String where = type.code() + " / " + d.code() + " / " + part;
                    assertEquals(a == null ? null : a.office(), b == null ? null : b.office(), where);
                    assertEquals(a == null ? null : a.basis(), b == null ? null : b.basis(), where);
                    compared++;
                }
            }
        }
        assertEquals(8 * (38 + 2), compared);
    }
}
