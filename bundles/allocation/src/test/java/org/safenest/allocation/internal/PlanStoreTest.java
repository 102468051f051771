package org.safenest.allocation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.allocation.testing.LocalDatabase;
import org.safenest.allocation.testing.HongKong;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.Team;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.NotFoundException;

/** Stored plans against embedded Derby with EclipseLink outside OSGi. */
class PlanStoreTest {

    private final LocalDatabase db = new LocalDatabase();
    private final PlanStore store = new PlanStore(db);

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * The Hong Kong pilot's teams handed to other operators, as a measured plan: every served unit changes operator,
     * so the content is about the largest a plan has.
     */
    private static AllocationPlan pilotPlan(String strategy) {
        AllocationInput hk = HongKong.input();
        List<Team> teams = hk.currentTeams().stream().map(t -> new Team(t.id(), List.of("other"), t.kind(), t.units(), t.base())).toList();
        AllocationPlan raw = new AllocationPlan(strategy, Map.of("k", "v"), teams, List.of(), null, true,
                List.of("a note"), Instant.parse("2024-01-02T03:04:05Z"));
        return PlanMeasures.measure(hk, raw);
    }

    @Test
    void aPlanRoundTripsWithItsMetrics() {
        AllocationPlan plan = pilotPlan("retain");
        StoredPlan stored = store.save("hong-kong", plan, "analyst");
        assertEquals(PlanStatus.PROPOSED, stored.status());
        assertEquals("analyst", stored.storedBy());
        assertNull(stored.adoptedAt());
        db.reopen();
        StoredPlan read = store.find("hong-kong", stored.id()).orElseThrow();
        assertEquals(plan, read.plan());
        assertEquals(stored, read);
        assertEquals(736, read.plan().metrics().affectedUnits().size());
        assertTrue(PlanJson.write(plan).length() > 32_672, "the content is larger than Derby's largest VARCHAR");
    }

    @Test
    void aRegionWithStoredPlansIsKept() {
        AllocationRegionUsage usage = new AllocationRegionUsage(db);
        assertEquals(Optional.empty(), usage.records("hong-kong"));
        store.save("hong-kong", pilotPlan("a"), "u");
        assertEquals(Optional.of("1 stored allocation plan(s)"), usage.records("hong-kong"));
        assertEquals(Optional.empty(), usage.records("elsewhere"));
    }

    @Test
    void plansAreListedNewestFirstPerRegion() {
        StoredPlan a = store.save("hong-kong", pilotPlan("a"), "u");
        StoredPlan b = store.save("hong-kong", pilotPlan("b"), "u");
        StoredPlan other = store.save("elsewhere", pilotPlan("c"), "u");
        assertEquals(List.of(b.id(), a.id()), store.list("hong-kong").stream().map(StoredPlan::id).toList());
        assertEquals(List.of(other.id()), store.list("elsewhere").stream().map(StoredPlan::id).toList());
        assertEquals(Optional.empty(), store.find("hong-kong", other.id()), "a plan of another region is not found");
        assertEquals(Optional.empty(), store.find("hong-kong", "not-a-number"));
        assertEquals(Optional.empty(), store.find("hong-kong", "999999"));
    }

    @Test
    void adoptingSupersedesThePreviousAndKeepsIt() {
        StoredPlan a = store.save("hong-kong", pilotPlan("a"), "u");
        StoredPlan b = store.save("hong-kong", pilotPlan("b"), "u");
        assertEquals(Optional.empty(), store.adopted("hong-kong"));

        PlanStore.Adoption first = store.adopt("hong-kong", a.id(), "supervisor");
        assertNull(first.superseded());
        assertEquals(PlanStatus.ADOPTED, first.adopted().status());
        assertEquals("supervisor", first.adopted().adoptedBy());
        assertEquals(a.id(), store.adopted("hong-kong").orElseThrow().id());

        PlanStore.Adoption second = store.adopt("hong-kong", b.id(), "boss");
        assertEquals(a.id(), second.superseded());
        assertEquals(b.id(), store.adopted("hong-kong").orElseThrow().id());
        StoredPlan old = store.find("hong-kong", a.id()).orElseThrow();
        assertEquals(PlanStatus.SUPERSEDED, old.status());
        assertEquals("supervisor", old.adoptedBy(), "who adopted it before is kept");
        assertEquals(1, store.list("hong-kong").stream().filter(p -> p.status() == PlanStatus.ADOPTED).count());

        // a superseded plan may be adopted again
        store.adopt("hong-kong", a.id(), "boss");
        assertEquals(a.id(), store.adopted("hong-kong").orElseThrow().id());
        assertEquals(PlanStatus.SUPERSEDED, store.find("hong-kong", b.id()).orElseThrow().status());
    }

    @Test
    void adoptingTwiceOrAnUnknownPlanIsRefused() {
        StoredPlan a = store.save("hong-kong", pilotPlan("a"), "u");
        store.adopt("hong-kong", a.id(), "s");
        assertThrows(ConflictException.class, () -> store.adopt("hong-kong", a.id(), "s"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.adopt("hong-kong", "424242", "s"));
        assertEquals("plan", e.kind());
        assertThrows(NotFoundException.class, () -> store.adopt("elsewhere", a.id(), "s"));
    }
}
