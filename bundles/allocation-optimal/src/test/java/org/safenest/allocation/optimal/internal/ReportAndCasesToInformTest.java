package org.safenest.allocation.optimal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.allocation.district.internal.DistrictStrategy;
import org.safenest.allocation.hkcss.internal.HkcssStrategy;
import org.safenest.allocation.internal.AllocationServiceImpl;
import org.safenest.allocation.internal.report.ReportXlsx;
import org.safenest.allocation.internal.rest.AllocationResource;
import org.safenest.allocation.needs.internal.NeedsWeightedStrategy;
import org.safenest.allocation.retain.internal.RetainStrategy;
import org.safenest.allocation.testing.HongKong;
import org.safenest.allocation.testing.LocalDatabase;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.CasesToInform;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.UnitToInform;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.testsupport.MemoryRegions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The publishable report (XLSX read back with fastexcel's reader, the printable page) against the JSON the REST resource
 * answers, and the cases to inform of an adopted plan against a computation made here from the plans' teams; with every
 * built-in strategy on Hong Kong's instance and the plan store on Derby. (In this module: the only one whose tests have
 * every strategy.)
 */
class ReportAndCasesToInformTest {

    private static final String HK = "hong-kong";
    private final LocalDatabase db = new LocalDatabase();
    private final AllocationServiceImpl service = new AllocationServiceImpl(db, new MemoryRegions(HongKong.data()), new AuditLog() {
        private final List<AuditRecord> records = new ArrayList<>();

        @Override
        public AuditRecord record(AuditRecord r) {
            records.add(r);
            return r;
        }

        @Override
        public List<AuditRecord> query(AuditQuery q) {
            return records;
        }

        @Override
        public long count(AuditQuery q) {
            return records.size();
        }
    });
    private final AllocationResource resource = new AllocationResource(service);
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    ReportAndCasesToInformTest() {
        Map<String, AllocationStrategy> strategies = new TreeMap<>();
        for (AllocationStrategy s : List.of(new RetainStrategy(), new DistrictStrategy(), new HkcssStrategy(), new NeedsWeightedStrategy(),
                new OptimalStrategy())) {
            strategies.put(s.id(), s);
        }
        service.strategies(strategies);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SecurityContext as(String name, Role role) {
        Caller caller = new Caller(name, Set.of(role), Set.of());
        return (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(), new Class<?>[] {SecurityContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> (Principal) caller;
                    case "getAuthenticationScheme" -> "BASIC";
                    default -> false;
                });
    }

    private static HttpHeaders accepting(String type) {
        List<MediaType> media = List.of(MediaType.valueOf(type));
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getAcceptableMediaTypes") ? media : null);
    }

    private JsonNode jsonOf(Object entity) {
        return json.valueToTree(entity instanceof Response r ? r.getEntity() : entity);
    }

    private static String text(Row row, int c) {
        return row.getCellCount() > c && row.getCell(c) != null ? row.getCellText(c) : "";
    }

    /** The first row whose first cell is {@code first}, and the rows after it up to the first empty first cell. */
    private static List<Row> table(Sheet sheet, String first) throws Exception {
        List<Row> rows = sheet.read();
        for (int i = 0; i < rows.size(); i++) {
            if (first.equals(text(rows.get(i), 0))) {
                List<Row> result = new ArrayList<>();
                // the reader leaves out empty rows: the table ends at the first gap in the row numbers
                for (int j = i; j < rows.size() && !text(rows.get(j), 0).isEmpty()
                        && rows.get(j).getRowNum() == rows.get(i).getRowNum() + (j - i); j++) {
                    result.add(rows.get(j));
                }
                return result;
            }
        }
        throw new AssertionError("no table starting with '" + first + "' in sheet " + sheet.getName());
    }

    private static double number(Row row, int c) {
        return Double.parseDouble(row.getCellText(c));
    }

    @Test
    void theXlsxHoldsTheExplanationComparisonFrontierPhaseInAndMapWithTheFiguresOfTheJson() throws Exception {
        SecurityContext analyst = as("ana", Role.ANALYST);
        Response answer = resource.exportXlsx(HK, analyst);
        assertEquals(200, answer.getStatus());
        assertTrue(String.valueOf(answer.getHeaderString("Content-Disposition")).contains("allocation-report-hong-kong.xlsx"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((StreamingOutput) answer.getEntity()).write(bytes);
        byte[] xlsx = bytes.toByteArray();

        JsonNode comparison = jsonOf(resource.compare(HK, "json", null, accepting("application/json"), analyst));
        JsonNode frontier = jsonOf(resource.frontier(HK, null, "json", accepting("application/json"), analyst));
        JsonNode phaseIn = jsonOf(resource.hkcssPhaseIn(HK, analyst));

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = wb.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of(ReportXlsx.ABOUT, ReportXlsx.COMPARISON, ReportXlsx.FRONTIER, ReportXlsx.PHASE_IN, ReportXlsx.MAP,
                    ReportXlsx.UNITS), names);
            for (Sheet s : wb.getSheets().toList()) {
                assertTrue(text(s.read().get(0), 0).startsWith("SYNTHETIC DATA"), s.getName() + " says the data is synthetic");
                assertTrue(text(s.read().get(1), 0).startsWith("合成數據"), s.getName());
            }
            Sheet about = wb.getSheets().toList().get(0);
            List<Row> terms = table(about, "term (English)");
            assertTrue(terms.stream().anyMatch(r -> text(r, 0).equals("cases affected") && text(r, 1).equals("受影響個案")
                    && !text(r, 2).isEmpty()));

            // the comparison: one column per strategy, in the JSON's order, with its figures
            List<Row> cmp = table(wb.getSheets().toList().get(1), "measure");
            JsonNode plans = comparison.get("plans");
            assertEquals(5, plans.size());
            Map<String, Row> byMeasure = cmp.stream().collect(Collectors.toMap(r -> text(r, 0), r -> r, (a, b) -> a));
            for (int p = 0; p < plans.size(); p++) {
                JsonNode m = plans.get(p).get("metrics");
                assertEquals(plans.get(p).get("strategy").asText(), text(cmp.get(0), p + 1));
                assertEquals(m.get("unitsChangingOperator").asDouble(), number(byMeasure.get("units changing operator"), p + 1));
                assertEquals(m.get("casesAffected").asDouble(), number(byMeasure.get("cases affected"), p + 1));
                assertEquals(m.get("workers").asDouble(), number(byMeasure.get("workers"), p + 1));
                assertEquals(m.get("pupilsPerWorkerSpread").asDouble(), number(byMeasure.get("pupils per worker spread"), p + 1), 1e-9);
                assertEquals(m.get("unservedUnits").asDouble(), number(byMeasure.get("unserved units"), p + 1));
            }

            // the frontier: a row per point
            List<Row> points = table(wb.getSheets().toList().get(2), "point");
            JsonNode jp = frontier.get("points");
            assertEquals(jp.size(), points.size() - 1);
            assertTrue(jp.size() >= 9 + 4, "the default grid and the other strategies");
            for (int i = 0; i < jp.size(); i++) {
                Row r = points.get(i + 1);
                assertEquals(jp.get(i).get("label").asText(), text(r, 0));
                assertEquals(jp.get(i).get("casesAffected").asDouble(), number(r, 4));
                assertEquals(jp.get(i).get("imbalance").asDouble(), number(r, 5), 1e-9);
            }

            // the phase-in: a row per stage, against today and against the stage before
            List<Row> stages = table(wb.getSheets().toList().get(3), "stage");
            JsonNode js = phaseIn.get("stages");
            assertEquals(2, js.size());
            assertEquals(js.size(), stages.size() - 1);
            for (int i = 0; i < js.size(); i++) {
                Row r = stages.get(i + 1);
                JsonNode m = js.get(i).get("plan").get("metrics");
                assertEquals(js.get(i).get("name").asText(), text(r, 0));
                assertEquals(js.get(i).get("unitsInScope").asDouble(), number(r, 1));
                assertEquals(m.get("workers").asDouble(), number(r, 3));
                assertEquals(m.get("casesAffected").asDouble(), number(r, 5));
                JsonNode t = js.get(i).get("fromPrevious");
                if (t != null && !t.isNull()) {
                    assertEquals(t.get("unitsAdded").asDouble(), number(r, 10));
                    assertEquals(t.get("casesAffected").asDouble(), number(r, 9));
                }
            }

            // the map's legend: every current team; the units sheet: every unit with its coordinates
            AllocationInput input = service.input(HK);
            List<Row> legend = wb.getSheets().toList().get(4).read().stream().filter(r -> text(r, 14).startsWith("pilot-")
                    || input.currentTeams().stream().anyMatch(t -> t.id().equals(text(r, 14)))).toList();
            assertEquals(input.currentTeams().size(), legend.size());
            List<Row> units = table(wb.getSheets().toList().get(5), "unit");
            assertEquals(input.units().size(), units.size() - 1);
            AllocationUnit first = input.units().get(0);
            assertEquals(first.code(), text(units.get(1), 0));
            assertEquals(first.preschool().location().latitude(), number(units.get(1), 4), 1e-9);
        }

        // the map is a picture in the workbook: a PNG of the size drawn
        java.nio.file.Path file = java.nio.file.Files.createTempFile("allocation-report", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BufferedImage png = null;
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/media/") && e.getName().endsWith(".png")) {
                    png = ImageIO.read(zip.getInputStream(e));
                }
            }
            assertTrue(png != null, "a PNG in xl/media");
            assertEquals(900, png.getWidth());
            assertEquals(700, png.getHeight());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void thePrintablePageHasTheSameContentAndOnlyAnalystsSupervisorsAndAdminsGetTheReport() {
        Response page = resource.reportHtml(HK, as("sue", Role.SUPERVISOR));
        assertTrue(String.valueOf(page.getMediaType()).startsWith("text/html"));
        String html = (String) page.getEntity();
        assertTrue(html.contains("@media print"), "print CSS");
        assertTrue(html.contains("<svg"), "the map inline");
        assertTrue(html.contains("SYNTHETIC DATA") && html.contains("合成數據"));
        JsonNode comparison = jsonOf(resource.compare(HK, "json", null, accepting("application/json"), as("sue", Role.SUPERVISOR)));
        for (JsonNode p : comparison.get("plans")) {
            assertTrue(html.contains("<th>" + p.get("strategy").asText() + "</th>"), p.get("strategy").asText());
        }
        JsonNode optimal = null;
        for (JsonNode p : comparison.get("plans")) {
            optimal = p.get("strategy").asText().equals("optimal") ? p : optimal;
        }
        assertTrue(html.contains("<td class=\"n\">" + optimal.get("metrics").get("casesAffected").asInt() + "</td>"));
        assertTrue(html.contains("策略比較 Strategies compared") && html.contains("分階段推行 Phase-in")
                && html.contains("延續性與均衡的取捨 Continuity-balance frontier"));

        resource.exportXlsx(HK, as("root", Role.ADMIN));
        assertThrows(AccessDeniedException.class, () -> resource.exportXlsx(HK, as("w", Role.SOCIAL_WORKER)));
        assertThrows(AccessDeniedException.class, () -> resource.reportHtml(HK, as("w", Role.SOCIAL_WORKER)));
        assertThrows(AccessDeniedException.class, () -> resource.reportHtml(HK, as("c", Role.BOARD_CHAIR)));
    }

    /** Computed here: every unit served before whose operators differ under the plan, or that it leaves, with its cases. */
    private static Map<String, Integer> expected(List<AllocationUnit> units, List<Team> before, List<Team> after) {
        Map<String, Team> was = new HashMap<>();
        before.forEach(t -> t.units().forEach(u -> was.put(u, t)));
        Map<String, Team> now = new HashMap<>();
        after.forEach(t -> t.units().forEach(u -> now.put(u, t)));
        Map<String, Integer> result = new TreeMap<>();
        for (AllocationUnit u : units) {
            Team from = was.get(u.code());
            Team to = now.get(u.code());
            if (from != null && (to == null || !new TreeSet<>(from.operators()).equals(new TreeSet<>(to.operators())))) {
                result.put(u.code(), u.casesInService());
            }
        }
        return result;
    }

    private static Map<String, Integer> listed(CasesToInform c) {
        Map<String, Integer> result = new TreeMap<>();
        c.units().forEach(u -> result.put(u.unit(), u.cases()));
        return result;
    }

    @Test
    void casesToInformOfAnAdoptedPlanForSupervisorsAndAdminsOnly() {
        SecurityContext supervisor = as("sue", Role.SUPERVISOR);
        SecurityContext analyst = as("ana", Role.ANALYST);
        AllocationInput hk = HongKong.input();
        StoredPlan district = service.computePlan(Caller.of(supervisor.getUserPrincipal()), HK, "district", Map.of());

        // analysts (and other roles) get 403 whatever the plan; a plan never adopted has no cases to inform (409)
        assertThrows(AccessDeniedException.class, () -> resource.casesToInform(HK, district.id(), null, accepting("application/json"), analyst));
        assertThrows(AccessDeniedException.class, () -> resource.casesToInform(HK, district.id(), null, accepting("application/json"),
                as("w", Role.SOCIAL_WORKER)));
        assertThrows(ConflictException.class, () -> resource.casesToInform(HK, district.id(), null, accepting("application/json"), supervisor));

        resource.adopt(HK, district.id(), supervisor);
        CasesToInform first = (CasesToInform) resource.casesToInform(HK, district.id(), null, accepting("application/json"), supervisor).getEntity();
        Map<String, Integer> want = expected(hk.units(), hk.currentTeams(), district.plan().teams());
        assertFalse(want.isEmpty());
        assertEquals(want, listed(first));
        assertEquals(want.size(), first.unitCount());
        assertEquals(want.values().stream().mapToInt(Integer::intValue).sum(), first.caseCount());
        assertEquals("synthetic pilot", first.before());
        assertTrue(first.synthetic());
        // against the pilot, as the plan's own continuity measure was computed
        assertEquals(district.plan().metrics().casesAffected(), first.caseCount());
        UnitToInform top = first.units().get(0);
        assertTrue(first.units().stream().allMatch(u -> u.cases() <= top.cases()), "most cases first");
        Team from = hk.currentTeams().stream().filter(t -> t.units().contains(top.unit())).findFirst().orElseThrow();
        assertEquals(from.id(), top.fromTeam());
        assertEquals(from.operators(), top.fromOperators());

        // admins too; CSV with the synthetic note, the header and a row per unit
        Response csv = resource.casesToInform(HK, "current", "csv", accepting("application/json"), as("root", Role.ADMIN));
        String body = (String) csv.getEntity();
        List<String> lines = body.lines().toList();
        assertTrue(lines.get(0).startsWith("# Cases to inform: plan " + district.id()));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# SYNTHETIC DATA")));
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("unit,name_en,name_zh,district,cases,from_team,from_operators,to_team,to_operators", data.get(0));
        assertEquals(want.size(), data.size() - 1);
        assertTrue(data.get(1).startsWith(top.unit() + ","));

        // a second adoption: its list is against the plan it replaced, not the pilot; the first one's list stays as it was
        StoredPlan hkcss = service.computePlan(Caller.of(supervisor.getUserPrincipal()), HK, "hkcss", Map.of());
        resource.adopt(HK, hkcss.id(), supervisor);
        CasesToInform second = (CasesToInform) resource.casesToInform(HK, "current", null, accepting("application/json"), supervisor).getEntity();
        assertEquals(hkcss.id(), second.planId());
        assertEquals("plan " + district.id(), second.before());
        assertEquals(expected(hk.units(), district.plan().teams(), hkcss.plan().teams()), listed(second));
        CasesToInform again = (CasesToInform) resource.casesToInform(HK, district.id(), null, accepting("application/json"), supervisor).getEntity();
        assertEquals(want, listed(again));
        assertNull(again.units().stream().filter(u -> u.toTeam() == null && !u.toOperators().isEmpty()).findAny().orElse(null));
    }
}
