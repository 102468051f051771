package org.safenest.allocation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.allocation.testing.LocalDatabase;
import org.safenest.allocation.support.Teams;
import org.safenest.allocation.testing.HongKong;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.PhaseInPlan;
import org.safenest.api.allocation.PhaseInStage;
import org.safenest.api.allocation.PhaseInStagePlan;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.RegionData;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.testsupport.MemoryRegions;

/** The allocation service outside OSGi: real plan store on Derby, Hong Kong's data, strategies made in the test. */
class AllocationServiceTest {

    static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Set.of());
    static final Caller SUPERVISOR = new Caller("sup", Set.of(Role.SUPERVISOR), Set.of());
    static final Caller ANALYST = new Caller("ana", Set.of(Role.ANALYST), Set.of());
    static final Caller WORKER = new Caller("wkr", Set.of(Role.SOCIAL_WORKER), Set.of());
    static final Caller KAOHSIUNG_SUPERVISOR = new Caller("ksup", Set.of(Role.SUPERVISOR), Set.of("kaohsiung"));

    private final LocalDatabase db = new LocalDatabase();
    private final List<AuditRecord> audited = Collections.synchronizedList(new ArrayList<>());
    private final MemoryRegions regions = new MemoryRegions(HongKong.data(),
            new RegionData("kaohsiung", "Kaohsiung", "高雄", "Asia/Taipei", "test", "x", List.of(), List.of(), List.of(), List.of()));
    private final AllocationServiceImpl service = new AllocationServiceImpl(db, regions, new AuditLog() {
        @Override
        public AuditRecord record(AuditRecord r) {
            audited.add(r);
            return r;
        }

        @Override
        public List<AuditRecord> query(AuditQuery q) {
            return List.copyOf(audited);
        }

        @Override
        public long count(AuditQuery q) {
            return audited.size();
        }
    });

    @AfterEach
    void close() {
        db.close();
    }

    /** A strategy made of a function. */
    static AllocationStrategy strategy(String id, BiFunction<AllocationInput, Map<String, String>, List<Team>> teams) {
        return new AllocationStrategy() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return "Test " + id;
            }

            @Override
            public String description() {
                return "made in the test";
            }

            @Override
            public List<StrategyParameter> parameters() {
                return List.of(new StrategyParameter("p", "a test parameter", "1"));
            }

            @Override
            public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
                if (parameters.containsKey("bad")) {
                    throw new InvalidInputException("parameters.bad", "unknown", "no parameter bad");
                }
                return new AllocationPlan(id, parameters, teams.apply(input, parameters), List.of(), null, false, List.of("by " + id), null);
            }
        };
    }

    /** Keeps the current teams. */
    static final AllocationStrategy KEEP = strategy("keep", (in, p) -> in.currentTeams());

    /** Hands every current team to a tender. */
    static final AllocationStrategy TENDER = strategy("tender",
            (in, p) -> in.currentTeams().stream().map(t -> new Team(t.id(), List.of(Teams.TENDER), t.kind(), t.units(), t.base())).toList());

    private void install(AllocationStrategy... strategies) {
        Map<String, AllocationStrategy> map = new HashMap<>();
        for (AllocationStrategy s : strategies) {
            map.put(s.id(), s);
        }
        service.strategies(map);
    }

    @Test
    void theInputIsHongKongWithItsSyntheticPilot() {
        AllocationInput input = service.input("hong-kong");
        assertEquals(HongKong.input().units(), input.units());
        assertEquals(HongKong.input().currentTeams(), input.currentTeams());
        assertEquals(AllocationSettings.DEFAULT_STAFFING, input.staffing());
        assertEquals(36, input.indicators().size());
        assertTrue(input.synthetic());
        // the region's catchments: 65, derived from coordinates (the IFSC list is not among its files) and marked synthetic
        assertEquals(HongKong.input().catchments(), input.catchments());
        assertEquals(65, Set.copyOf(input.catchments().values()).size());
        assertTrue(input.catchmentsSynthetic());
        assertThrows(NotFoundException.class, () -> service.input("taipei"));
        assertEquals(List.of(), service.input("kaohsiung").units(), "a region without preschools has nothing to allocate");
        install(KEEP);
        assertThrows(ConflictException.class, () -> service.computePlan(ADMIN, "kaohsiung", "keep", Map.of()));
        assertThrows(ConflictException.class, () -> service.compare("kaohsiung", List.of()));
    }

    @Test
    void staffingComesFromTheConfiguration() {
        service.settings(AllocationSettings.of(Map.of("hong-kong.staffing.pupils-per-worker", "300")));
        assertEquals(300, service.input("hong-kong").staffing().pupilsPerWorker());
    }

    @Test
    void computingStoresAMeasuredSyntheticPlan() {
        install(KEEP, TENDER);
        StoredPlan plan = service.computePlan(ANALYST, "hong-kong", "tender", Map.of("p", "2"));
        assertEquals(PlanStatus.PROPOSED, plan.status());
        assertEquals("ana", plan.storedBy());
        assertEquals("tender", plan.plan().strategy());
        assertEquals(Map.of("p", "2"), plan.plan().parameters());
        assertTrue(plan.plan().synthetic());
        assertEquals(AllocationServiceImpl.SYNTHETIC_NOTE, plan.plan().notes().get(0));
        assertTrue(plan.plan().notes().contains("by tender"));
        assertEquals(736, plan.plan().metrics().unitsChangingOperator());
        assertEquals(15_000, plan.plan().metrics().casesAffected());
        assertEquals(304, plan.plan().unservedUnits().size());
        assertEquals(List.of(plan), service.plans("hong-kong"));
        assertEquals(plan, service.plan("hong-kong", plan.id()).orElseThrow());
    }

    @Test
    void aStrategyThatGivesNoReasonsHasItsUnservedUnitsReportedAsNotGivenInPlanComparisonAndCsv() {
        install(KEEP);
        StoredPlan plan = service.computePlan(ANALYST, "hong-kong", "keep", Map.of());
        // written before reasons existed (the old constructor): the 304 units it leaves are reported, reason not given
        assertEquals(304, plan.plan().metrics().unserved().size());
        assertEquals(304, plan.plan().metrics().unserved(UnservedReason.NOT_GIVEN));
        assertEquals(368, plan.plan().metrics().workers());
        assertTrue(plan.plan().notes().get(1).startsWith("Coverage: 304 of the 1040 units are left without a team (304 not given)"),
                plan.plan().notes().get(1));
        // stored and read back with the reasons
        assertEquals(plan.plan().metrics().unserved(), service.plan("hong-kong", plan.id()).orElseThrow().plan().metrics().unserved());
        PlanComparison c = service.compare("hong-kong", List.of(new StrategyRun("keep", null)));
        String csv = ComparisonTable.csv(c);
        assertTrue(csv.contains("unserved: not given,304"), csv);
        assertTrue(csv.contains("unserved: capacity,0"), csv);
        assertTrue(csv.contains("workers,368"), csv);
    }

    @Test
    void aTwoStagePhaseInMeasuresEachStageAndCostsTheMoveBetweenThem() {
        install(KEEP, TENDER);
        AllocationInput in = service.input("hong-kong");
        // stage 1: the units of Kowloon City only, the current teams keep them, with a staffing of 300 pupils per worker;
        // stage 2: every unit, each team handed to a tender
        List<String> kowloonCity = in.units().stream().filter(u -> u.preschool().district().equals("kowloon-city"))
                .map(u -> u.code()).toList();
        Staffing tight = new Staffing(300, in.staffing().fullTeam(), in.staffing().halfTeam());
        PhaseInPlan p = service.phaseIn("hong-kong", "test", List.of(
                new PhaseInStage("one district", kowloonCity, tight, new StrategyRun("keep", null)),
                new PhaseInStage("all, tendered", List.of(), null, new StrategyRun("tender", null))));
        PhaseInStagePlan first = p.stages().get(0);
        PhaseInStagePlan second = p.stages().get(1);
        assertEquals(100, first.unitsInScope());
        assertEquals(tight, first.staffing());
        assertEquals(940, first.plan().metrics().unserved(UnservedReason.SCOPE) + first.plan().metrics().unserved(UnservedReason.NOT_GIVEN)
                - countUnservedInScope(first, kowloonCity));
        // independently: the units of Kowloon City served now keep their operators in stage 1, then all go to tender
        Map<String, Team> now = new HashMap<>();
        in.currentTeams().forEach(t -> t.units().forEach(u -> now.put(u, t)));
        int servedThere = 0;
        int casesThere = 0;
        int casesNow = 0;
        for (var u : in.units()) {
            if (now.containsKey(u.code())) {
                casesNow += u.casesInService();
                if (kowloonCity.contains(u.code())) {
                    servedThere++;
                    casesThere += u.casesInService();
                }
            }
        }
        assertEquals(servedThere, first.plan().teams().stream().mapToInt(t -> t.units().size()).sum());
        // from today to stage 1: every unit served now outside Kowloon City loses its team
        assertEquals(736 - servedThere, first.fromPrevious().unitsChangingOperator());
        assertEquals(casesNow - casesThere, first.fromPrevious().casesAffected());
        // stage 1 to stage 2: stage 1's teams (its current assignment) go to tender: servedThere units, casesThere cases;
        // tender keeps only those teams, so no unit is added
        assertEquals(servedThere, second.fromPrevious().unitsChangingOperator());
        assertEquals(casesThere, second.fromPrevious().casesAffected());
        assertEquals(0, second.fromPrevious().unitsAdded());
        assertTrue(servedThere > 0 && casesThere > 0);
        // each stage measured like a plan against today: stage 2 is the tender plan
        assertEquals(736, second.plan().metrics().unitsChangingOperator());
        assertEquals(15_000, second.plan().metrics().casesAffected());
        assertThrows(NotFoundException.class, () -> service.phaseIn("hong-kong", "x",
                List.of(new PhaseInStage("a", List.of(), null, new StrategyRun("nope", null)))));
    }

    private static long countUnservedInScope(PhaseInStagePlan stage, List<String> scope) {
        return stage.plan().metrics().unserved().stream().filter(u -> scope.contains(u.unit())).count();
    }

    @Test
    void unknownStrategyParameterAndRoleAreRefused() {
        install(KEEP);
        NotFoundException nf = assertThrows(NotFoundException.class, () -> service.computePlan(ANALYST, "hong-kong", "nope", Map.of()));
        assertEquals("strategy", nf.kind());
        assertThrows(InvalidInputException.class, () -> service.computePlan(ANALYST, "hong-kong", "keep", Map.of("bad", "1")));
        assertThrows(AccessDeniedException.class, () -> service.computePlan(WORKER, "hong-kong", "keep", Map.of()));
        assertThrows(AccessDeniedException.class, () -> service.computePlan(KAOHSIUNG_SUPERVISOR, "hong-kong", "keep", Map.of()));
        assertThrows(NotFoundException.class, () -> service.computePlan(ADMIN, "taipei", "keep", Map.of()));
        assertEquals(List.of(), service.plans("hong-kong"), "nothing stored");
    }

    @Test
    void withoutAStrategyTheActiveOneRunsThenTheFallbackThenAClearConflict() {
        install(KEEP, TENDER);
        service.settings(AllocationSettings.of(Map.of("hong-kong.strategy", "tender", "fallback", "keep")));
        assertEquals("tender", service.activeStrategy("hong-kong"));
        assertEquals("tender", service.computePlan(SUPERVISOR, "hong-kong", null, Map.of()).plan().strategy());

        // the active strategy's bundle goes away: the fallback runs, and the plan says so
        install(KEEP);
        StoredPlan fallback = service.computePlan(SUPERVISOR, "hong-kong", null, Map.of());
        assertEquals("keep", fallback.plan().strategy());
        assertTrue(fallback.plan().notes().stream().anyMatch(n -> n.contains("'tender' is not installed")), fallback.plan().notes().toString());

        // neither installed: 409 naming both
        install();
        ConflictException e = assertThrows(ConflictException.class, () -> service.computePlan(SUPERVISOR, "hong-kong", null, Map.of()));
        assertTrue(e.getMessage().contains("'tender'") && e.getMessage().contains("'keep'"), e.getMessage());
    }

    @Test
    void selectingAStrategyStoresItInTheDatabaseAndAudits() {
        install(KEEP, TENDER);
        assertEquals("retain", service.activeStrategy("hong-kong"), "the default fallback");
        service.selectStrategy(ADMIN, "hong-kong", "tender");
        assertEquals(java.util.Optional.of("tender"), new StrategyChoices(db).chosen("hong-kong"), "kept in the database for every node");
        assertEquals("tender", service.activeStrategy("hong-kong"));
        AuditRecord r = audited.get(audited.size() - 1);
        assertEquals("allocation.select-strategy", r.action());
        assertEquals("hong-kong", r.region());
        assertEquals("retain -> tender", r.detail());

        assertThrows(AccessDeniedException.class, () -> service.selectStrategy(SUPERVISOR, "hong-kong", "keep"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.selectStrategy(ADMIN, "hong-kong", "nope"));
        assertEquals("strategy", e.errors().get(0).field());
        assertThrows(NotFoundException.class, () -> service.selectStrategy(ADMIN, "taipei", "keep"));
    }

    @Test
    void adoptingMakesThePlanTheCurrentAssignmentAndAudits() {
        install(KEEP, TENDER);
        StoredPlan tender = service.computePlan(ANALYST, "hong-kong", "tender", Map.of());
        assertThrows(AccessDeniedException.class, () -> service.adopt(ANALYST, "hong-kong", tender.id()));
        StoredPlan adopted = service.adopt(SUPERVISOR, "hong-kong", tender.id());
        assertEquals(PlanStatus.ADOPTED, adopted.status());
        assertEquals("sup", adopted.adoptedBy());
        assertEquals(adopted, service.current("hong-kong").orElseThrow());
        AuditRecord r = audited.get(audited.size() - 1);
        assertEquals("allocation.adopt", r.action());
        assertEquals("plan " + tender.id(), r.target());
        assertTrue(r.detail().contains("736 units change operator"), r.detail());

        // the adopted plan is now the current assignment: keeping it changes nothing
        AllocationInput input = service.input("hong-kong");
        assertEquals(tender.plan().teams(), input.currentTeams());
        assertTrue(input.operators().stream().anyMatch(o -> o.id().equals(Teams.TENDER)));
        StoredPlan keep = service.computePlan(ANALYST, "hong-kong", "keep", Map.of());
        assertEquals(0, keep.plan().metrics().unitsChangingOperator());

        StoredPlan next = service.adopt(ADMIN, "hong-kong", keep.id());
        assertEquals(PlanStatus.SUPERSEDED, service.plan("hong-kong", tender.id()).orElseThrow().status());
        assertEquals(next, service.current("hong-kong").orElseThrow());
        assertThrows(ConflictException.class, () -> service.adopt(ADMIN, "hong-kong", keep.id()));
        assertThrows(NotFoundException.class, () -> service.adopt(ADMIN, "hong-kong", "123456"));
    }

    @Test
    void comparingRunsEveryStrategyOnTheSameInputAndStoresNothing() {
        install(KEEP, TENDER);
        PlanComparison c = service.compare("hong-kong", List.of(new StrategyRun("keep", null), new StrategyRun("tender", Map.of("p", "3"))));
        assertEquals(List.of("keep", "tender"), c.plans().stream().map(AllocationPlan::strategy).toList());
        assertEquals(0, c.plans().get(0).metrics().unitsChangingOperator());
        assertEquals(736, c.plans().get(1).metrics().unitsChangingOperator());
        assertEquals(Map.of("p", "3"), c.plans().get(1).parameters());
        assertTrue(c.synthetic());
        assertEquals(List.of(), service.plans("hong-kong"));

        PlanComparison all = service.compare("hong-kong", List.of());
        assertEquals(List.of("keep", "tender"), all.plans().stream().map(AllocationPlan::strategy).toList(), "every installed strategy");
        assertThrows(NotFoundException.class, () -> service.compare("hong-kong", List.of(new StrategyRun("nope", null))));
    }

    @Test
    void aRequestInFlightKeepsItsStrategyWhenItIsRemovedAndTheConfigurationChanges() {
        AtomicBoolean once = new AtomicBoolean();
        AllocationStrategy[] self = new AllocationStrategy[1];
        self[0] = strategy("volatile", (in, p) -> {
            if (once.compareAndSet(false, true)) {
                // while this request runs: the strategy's bundle goes and the region switches to another strategy
                install(KEEP);
                service.settings(AllocationSettings.of(Map.of("hong-kong.strategy", "keep")));
            }
            return in.currentTeams();
        });
        install(KEEP, self[0]);
        service.settings(AllocationSettings.of(Map.of("hong-kong.strategy", "volatile")));
        StoredPlan plan = service.computePlan(SUPERVISOR, "hong-kong", null, Map.of());
        assertEquals("volatile", plan.plan().strategy());
        assertEquals("keep", service.computePlan(SUPERVISOR, "hong-kong", null, Map.of()).plan().strategy());
    }

    @Test
    void switchingTheActiveStrategyWhileRequestsRunFailsNone() throws Exception {
        install(KEEP, TENDER);
        service.selectStrategy(ADMIN, "hong-kong", "keep");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                runs.add(pool.submit(() -> service.compare("hong-kong", List.of()).plans().size() + ":"
                        + service.computePlan(SUPERVISOR, "hong-kong", null, Map.of()).plan().strategy()));
            }
            for (int i = 0; i < 40; i++) {
                service.selectStrategy(ADMIN, "hong-kong", i % 2 == 0 ? "keep" : "tender");
                install(i % 3 == 0 ? new AllocationStrategy[] {KEEP, TENDER} : new AllocationStrategy[] {TENDER, KEEP});
            }
            for (Future<String> f : runs) {
                String result = f.get(60, TimeUnit.SECONDS);
                assertTrue(result.equals("2:keep") || result.equals("2:tender"), result);
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(service.plans("hong-kong").isEmpty());
    }

    @Test
    void aStrategyReturningAnInvalidPlanIsAnError() {
        install(strategy("broken", (in, p) -> List.of(new Team("x", List.of("op"), org.safenest.api.allocation.TeamKind.HALF,
                List.of("no-such-unit"), null))));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.computePlan(ADMIN, "hong-kong", "broken", Map.of()));
        assertTrue(e.getMessage().contains("no-such-unit"));
    }

    @Test
    void strategiesAreDescribedInIdOrder() {
        install(TENDER, KEEP);
        assertEquals(List.of("keep", "tender"), service.strategies().stream().map(s -> s.id()).toList());
        assertEquals("Test keep", service.strategies().get(0).name());
        assertEquals(1, service.strategies().get(0).parameters().size());
        assertTrue(Instant.now().isAfter(Instant.EPOCH));
    }
}
