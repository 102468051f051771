package org.safenest.allocation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.allocation.testing.SmallInput;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.TeamSize;
import org.safenest.api.error.ConflictException;
import org.safenest.core.internal.rest.JsonProvider;

import com.fasterxml.jackson.databind.JsonNode;

/** Configuration, catchment files, the comparison table and the JSON answers. */
class SettingsAndFilesTest {

    @Test
    void settingsReadActiveStrategiesFallbackAndStaffing() {
        AllocationSettings s = AllocationSettings.of(Map.of("service.pid", "org.safenest.allocation", "fallback", "district",
                "hong-kong.strategy", "hkcss", "staffing.pupils-per-worker", "350", "hong-kong.staffing.full-team.units", "12",
                "hong-kong.catchments", "/tmp/c.csv"));
        assertEquals("district", s.fallback());
        assertEquals("hkcss", s.activeStrategy("hong-kong"));
        assertEquals("district", s.activeStrategy("elsewhere"));
        assertEquals(new Staffing(350, new TeamSize(12, 8, 1), new TeamSize(8, 4, 0.5)), s.staffing("hong-kong"));
        assertEquals(350, s.staffing("elsewhere").pupilsPerWorker());
        assertEquals(16, s.staffing("elsewhere").fullTeam().units());
        assertEquals("/tmp/c.csv", s.catchmentFile("hong-kong"));
        assertEquals(null, s.catchmentFile("elsewhere"));
    }

    @Test
    void wrongStaffingFallsBackToTheDefaults() {
        AllocationSettings s = AllocationSettings.of(Map.of("staffing.pupils-per-worker", "many", "staffing.half-team.units", "40"));
        assertEquals(AllocationSettings.DEFAULT_STAFFING, s.staffing("hong-kong"));
        assertEquals(AllocationSettings.DEFAULT_STAFFING, AllocationSettings.defaults().staffing("x"));
        assertEquals("retain", AllocationSettings.defaults().activeStrategy("x"));
    }

    @Test
    void catchmentsByUnitOrByDistrict(@TempDir Path dir) throws IOException {
        AllocationInput in = SmallInput.create().unit("a", "d1", 0, 0, 10, 0).unit("b", "d1", 1, 0, 10, 0).unit("c", "d2", 5, 0, 10, 0).build();
        Path byUnit = Files.writeString(dir.resolve("u.csv"), "unit,catchment\n# a comment\na,north\nc,south\n");
        assertEquals(Map.of("a", "north", "c", "south"), CatchmentFile.read(byUnit, in.units()));
        Path byDistrict = Files.writeString(dir.resolve("d.csv"), "district,catchment\nd1,one\nd2,two\n");
        assertEquals(Map.of("a", "one", "b", "one", "c", "two"), CatchmentFile.read(byDistrict, in.units()));

        Path unknown = Files.writeString(dir.resolve("x.csv"), "unit,catchment\na,north\nzz,south\n");
        ConflictException e = assertThrows(ConflictException.class, () -> CatchmentFile.read(unknown, in.units()));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'zz'"), e.getMessage());
        Path header = Files.writeString(dir.resolve("h.csv"), "code,area\na,north\n");
        assertThrows(ConflictException.class, () -> CatchmentFile.read(header, in.units()));
        assertThrows(ConflictException.class, () -> CatchmentFile.read(dir.resolve("missing.csv"), in.units()));
    }

    private static PlanComparison comparison() {
        AllocationInput in = SmallInput.create().unit("a", "d1", 0, 0, 100, 3).unit("b", "d2", 1, 0, 50, 0)
                .team("T", TeamKind.HALF, List.of("op"), "a").build();
        AllocationPlan keep = PlanMeasures.measure(in, new AllocationPlan("keep", Map.of(), in.currentTeams(), List.of(), null, true, List.of(),
                Instant.parse("2024-05-06T07:08:09Z")));
        AllocationPlan none = PlanMeasures.measure(in, new AllocationPlan("none", Map.of("x", "1", "a", "b,c"), List.of(), List.of(), null, true,
                List.of(), Instant.parse("2024-05-06T07:08:09Z")));
        return new PlanComparison("test", List.of(keep, none), true, Instant.parse("2024-05-06T07:08:09Z"));
    }

    @Test
    void theComparisonAsCsvHasOneColumnPerPlan() {
        String csv = ComparisonTable.csv(comparison());
        List<String> lines = csv.lines().toList();
        assertEquals("measure,keep,\"none (a=b,c x=1)\"", lines.get(0));
        assertEquals("synthetic data,true,true", lines.get(1));
        assertTrue(lines.contains("units changing operator,0,1"), csv);
        assertTrue(lines.contains("cases affected,0,3"), csv);
        assertTrue(lines.contains("unserved units,1,2"), csv);
        assertTrue(lines.contains("teams,1,0"), csv);
        assertTrue(lines.contains("pupils per worker d1,25.0,0.0"), csv);
        assertTrue(lines.contains("unserved units d2,1,1"), csv);
        assertTrue(csv.contains("\r\n"), "RFC 4180 line ends");
    }

    @Test
    void plansAnswerAsJsonWithTheApiFieldsOnly() throws Exception {
        PlanComparison c = comparison();
        StoredPlan stored = new StoredPlan("7", "test", c.plans().get(0), PlanStatus.PROPOSED, "ana", null, null);
        JsonNode json = JsonProvider.mapper().readTree(JsonProvider.mapper().writeValueAsString(stored));
        assertEquals("7", json.get("id").asText());
        assertEquals("PROPOSED", json.get("status").asText());
        JsonNode plan = json.get("plan");
        assertTrue(plan.get("synthetic").asBoolean());
        assertEquals("2024-05-06T07:08:09Z", plan.get("computedAt").asText());
        assertEquals("T", plan.get("teams").get(0).get("id").asText());
        assertEquals(List.of("base", "id", "kind", "operators", "units"), fieldNames(plan.get("teams").get(0)));
        assertEquals(1, plan.get("metrics").get("unservedUnits").asInt());
        // and the stored form reads back
        assertEquals(c.plans().get(0), PlanJson.read(PlanJson.write(c.plans().get(0))));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
