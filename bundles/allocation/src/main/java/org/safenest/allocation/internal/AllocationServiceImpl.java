package org.safenest.allocation.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.safenest.allocation.internal.jpa.Transactions;
import org.safenest.allocation.support.Teams;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.CasesToInform;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.Operator;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.allocation.PhaseInPlan;
import org.safenest.api.allocation.PhaseInStage;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.StrategyDescription;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.allocation.Team;
import java.util.HashMap;
import java.util.UUID;
import org.safenest.api.outbox.Outbox;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.Catchment;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.api.schema.SchemaReady;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allocation service without OSGi: strategies and settings are replaced as whole immutable snapshots, and every
 * call reads each snapshot once at its start, so a strategy installed or removed, or a configuration changed, while a
 * request runs never fails that request.
 *
 * <p>In OSGi: a registry of every {@link AllocationStrategy} service keyed by its
 * {@value AllocationStrategy#STRATEGY_PROPERTY} property (when two services share an id, the higher service ranking,
 * then the older service, wins), configured by PID {@value AllocationSettings#PID} through {@code @Modified}, so that
 * neither a configuration change nor a strategy coming or going restarts it.
 */
@Component(service = AllocationService.class, configurationPid = AllocationSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AllocationServiceImpl implements AllocationService {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationServiceImpl.class);

    /** The note every plan computed from generated data starts with. */
    public static final String SYNTHETIC_NOTE = "SYNTHETIC DATA: pupils per unit, cases in service, operators and the pilot's "
            + "current assignment are generated (fixed seed, calibrated on the pilot's published figures); they are not real.";

    /** The note of every plan computed while the region's catchments are derived, not published data. */
    public static final String SYNTHETIC_CATCHMENTS_NOTE = "SYNTHETIC CATCHMENTS: the region's catchment list is not among its files; "
            + "its catchments are derived from the units' coordinates (see the region's SOURCES.md), not the published areas.";

    private final PlanStore store;
    private final RegionService regions;
    private final AuditLog audit;
    private final StrategyChoices choices;
    private volatile AllocationSettings settings = AllocationSettings.defaults();
    private volatile Map<String, AllocationStrategy> strategies = Map.of();
    private final Map<String, Pilot> pilots = new ConcurrentHashMap<>();
    private final Object adoption = new Object();

    /** The outbox, for the event of an adopted plan (always there in the platform; absent in unit tests). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Outbox outbox;

    /** The synthetic pilot of a region, for one version of its reference data and staffing. */
    private record Pilot(Instant loadedAt, Staffing staffing, SyntheticPilot.Result data) {
    }

    /** A registered strategy service. */
    private record Registered(String id, int ranking, long serviceId, AllocationStrategy strategy) {
    }

    private final Map<Long, Registered> registered = new ConcurrentHashMap<>();

    /**
     * Without OSGi (tests): plans and strategy choices in the database {@code tx} works on. (Three arguments: SCR picks
     * the activation constructor by its number of arguments, four.)
     */
    public AllocationServiceImpl(Transactions tx, RegionService regions, AuditLog audit) {
        this.store = new PlanStore(tx);
        this.regions = regions;
        this.audit = audit;
        this.choices = new StrategyChoices(tx);
    }

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-allocation)")
    SchemaReady schemaReady;

    @Activate
    public AllocationServiceImpl(@Reference(target = "(osgi.unit.name=safenest-allocation)") JpaTemplate jpa,
            @Reference RegionService regions, @Reference AuditLog audit, Map<String, Object> config) {
        this(Transactions.of(jpa), regions, audit);
        modified(config);
    }


    @Modified
    void modified(Map<String, Object> config) {
        settings(AllocationSettings.of(config));
    }

    @Reference(service = AllocationStrategy.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStrategy(AllocationStrategy strategy, Map<String, Object> properties) {
        Object id = properties.get(AllocationStrategy.STRATEGY_PROPERTY);
        String key = id == null ? strategy.id() : String.valueOf(id);
        if (id == null) {
            LOG.warn("Strategy service {} has no property {}; using its id '{}'", strategy.getClass().getName(),
                    AllocationStrategy.STRATEGY_PROPERTY, key);
        }
        Object ranking = properties.get("service.ranking");
        long serviceId = properties.get("service.id") instanceof Long l ? l : System.identityHashCode(strategy);
        registered.put(serviceId, new Registered(key, ranking instanceof Integer r ? r : 0, serviceId, strategy));
        publish();
        LOG.info("Allocation strategy '{}' installed", key);
    }

    void removeStrategy(AllocationStrategy strategy, Map<String, Object> properties) {
        registered.values().removeIf(r -> r.strategy() == strategy);
        publish();
        LOG.info("Allocation strategy '{}' removed", properties.get(AllocationStrategy.STRATEGY_PROPERTY));
    }

    private synchronized void publish() {
        Map<String, Registered> best = new TreeMap<>();
        for (Registered r : registered.values()) {
            Registered other = best.get(r.id());
            if (other == null || r.ranking() > other.ranking() || (r.ranking() == other.ranking() && r.serviceId() < other.serviceId())) {
                best.put(r.id(), r);
            }
        }
        Map<String, AllocationStrategy> snapshot = new TreeMap<>();
        best.forEach((id, r) -> snapshot.put(id, r.strategy()));
        strategies(snapshot);
    }

    /** Replaces the settings (a Config Admin update). */
    public void settings(AllocationSettings newSettings) {
        this.settings = newSettings;
    }

    public AllocationSettings settings() {
        return settings;
    }

    /** Replaces the installed strategies by id (a strategy service registered or removed). */
    public void strategies(Map<String, AllocationStrategy> installed) {
        this.strategies = Collections.unmodifiableMap(new TreeMap<>(installed));
    }

    /** The installed strategies by id, as of now. */
    public Map<String, AllocationStrategy> installed() {
        return strategies;
    }

    @Override
    public List<StrategyDescription> strategies() {
        List<StrategyDescription> result = new ArrayList<>();
        for (AllocationStrategy s : strategies.values()) {
            result.add(describe(s));
        }
        return result;
    }

    static StrategyDescription describe(AllocationStrategy s) {
        return new StrategyDescription(s.id(), s.name(), s.description(), s.parameters());
    }

    @Override
    public String activeStrategy(String region) {
        regions.require(region);
        return active(region, settings);
    }

    /** The region's active strategy: the one an administrator chose (in the database, the same on every node), else the configured one. */
    private String active(String region, AllocationSettings s) {
        return choices.chosen(region).orElseGet(() -> s.activeStrategy(region));
    }

    @Override
    public void selectStrategy(Caller caller, String region, String strategyId) {
        caller.requireRegion(region);
        caller.requireAny(Role.ADMIN);
        regions.require(region);
        if (strategyId == null || strategyId.isBlank()) {
            throw new InvalidInputException("strategy", "required", "Name the strategy to make active");
        }
        if (!strategies.containsKey(strategyId)) {
            throw new InvalidInputException("strategy", "not-installed", "Strategy '" + strategyId + "' is not installed (installed: "
                    + String.join(", ", strategies.keySet()) + ")");
        }
        String configured = settings.activeStrategy(region);
        // stored in the database with its audit record, in one transaction: every node runs it from its next request
        choices.choose(region, strategyId, caller.name(), before -> audit.recordWithChange(AuditRecord.of(caller.name(),
                "allocation.select-strategy", region, "active-strategy", AuditOutcome.SUCCESS, before.orElse(configured) + " -> " + strategyId)));
    }

    @Override
    public AllocationInput input(String region) {
        Region r = regions.require(region);
        return input(r, settings);
    }

    private AllocationInput input(Region region, AllocationSettings s) {
        String code = region.code();
        Staffing staffing = s.staffing(code);
        SyntheticPilot.Result pilot = pilot(region, staffing);
        List<Team> current = store.adopted(code).map(p -> p.plan().teams()).orElse(pilot.teams());
        List<Operator> operators = new ArrayList<>(pilot.operators());
        Set<String> known = new LinkedHashSet<>();
        pilot.operators().forEach(o -> known.add(o.id()));
        for (Team t : current) {
            for (String o : t.operators()) {
                if (known.add(o)) {
                    operators.add(new Operator(o, o.equals(Teams.TENDER)
                            ? "New team, operator to be chosen by tender" : o, true));
                }
            }
        }
        // a catchment file configured for the region (older deployments) wins over the region's own catchment data
        String file = s.catchmentFile(code);
        Map<String, String> catchments;
        boolean catchmentsSynthetic = false;
        if (file != null) {
            catchments = CatchmentFile.read(Path.of(file), pilot.units());
        } else {
            catchments = new TreeMap<>();
            for (Catchment c : regions.catchments(code)) {
                catchments.put(c.unit(), c.catchment());
                catchmentsSynthetic |= c.synthetic();
            }
        }
        return new AllocationInput(code, pilot.units(), operators, current, staffing, regions.indicators(code, null), catchments,
                true, catchmentsSynthetic);
    }

    private SyntheticPilot.Result pilot(Region region, Staffing staffing) {
        Pilot cached = pilots.get(region.code());
        if (cached != null && cached.loadedAt().equals(region.loadedAt()) && cached.staffing().equals(staffing)) {
            return cached.data();
        }
        SyntheticPilot.Result data = SyntheticPilot.generate(regions.preschools(region.code(), null), staffing,
                SyntheticPilot.Figures.HONG_KONG_PILOT);
        pilots.put(region.code(), new Pilot(region.loadedAt(), staffing, data));
        return data;
    }

    @Override
    public StoredPlan computePlan(Caller caller, String region, String strategyId, Map<String, String> parameters) {
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR, Role.ANALYST);
        AllocationSettings s = settings;
        Map<String, AllocationStrategy> installed = strategies;
        Region r = regions.require(region);
        List<String> notes = new ArrayList<>();
        AllocationStrategy strategy = resolve(region, strategyId, s, installed, notes);
        AllocationInput input = requireUnits(input(r, s));
        AllocationPlan plan = run(strategy, input, parameters, notes);
        return store.save(region, plan, caller.name());
    }

    private static AllocationInput requireUnits(AllocationInput input) {
        if (input.units().isEmpty()) {
            throw new ConflictException("Region '" + input.region() + "' has no pre-primary units to allocate");
        }
        return input;
    }

    /** The strategy named, or the region's active one, or the fallback; notes say when the fallback ran. */
    private AllocationStrategy resolve(String region, String strategyId, AllocationSettings s,
            Map<String, AllocationStrategy> installed, List<String> notes) {
        if (strategyId != null && !strategyId.isBlank()) {
            AllocationStrategy named = installed.get(strategyId);
            if (named == null) {
                throw new NotFoundException("strategy", strategyId);
            }
            return named;
        }
        String active = active(region, s);
        AllocationStrategy chosen = installed.get(active);
        if (chosen != null) {
            return chosen;
        }
        AllocationStrategy fallback = installed.get(s.fallback());
        if (fallback == null) {
            throw new ConflictException("Region '" + region + "' has active strategy '" + active + "' and fallback '" + s.fallback()
                    + "', and neither is installed (installed: " + (installed.isEmpty() ? "none" : String.join(", ", installed.keySet()))
                    + "); install one or select an installed strategy");
        }
        notes.add("The region's active strategy '" + active + "' is not installed: the fallback '" + s.fallback() + "' ran.");
        return fallback;
    }

    /** Runs a strategy and measures its plan. */
    static AllocationPlan run(AllocationStrategy strategy, AllocationInput input, Map<String, String> parameters, List<String> notes) {
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        AllocationPlan raw = strategy.plan(input, given);
        if (raw == null) {
            throw new IllegalStateException("Strategy '" + strategy.id() + "' returned no plan");
        }
        List<String> allNotes = new ArrayList<>();
        if (input.synthetic()) {
            allNotes.add(SYNTHETIC_NOTE);
        }
        if (input.catchmentsSynthetic()) {
            allNotes.add(SYNTHETIC_CATCHMENTS_NOTE);
        }
        allNotes.addAll(notes);
        allNotes.addAll(raw.notes());
        AllocationPlan named = new AllocationPlan(strategy.id(), given, raw.teams(), raw.unservedUnits(), null,
                raw.synthetic() || input.synthetic(), allNotes, raw.computedAt() == null ? Instant.now() : raw.computedAt(),
                raw.unservedReasons());
        AllocationPlan measured = PlanMeasures.measure(input, named);
        List<String> withCoverage = new ArrayList<>(measured.notes());
        withCoverage.add(input.synthetic() ? 1 : 0, PlanMeasures.coverageNote(input, measured.metrics()));
        return new AllocationPlan(measured.strategy(), measured.parameters(), measured.teams(), measured.unservedUnits(),
                measured.metrics(), measured.synthetic(), withCoverage, measured.computedAt(), measured.unservedReasons());
    }

    @Override
    public List<StoredPlan> plans(String region) {
        regions.require(region);
        return store.list(region);
    }

    @Override
    public Optional<StoredPlan> plan(String region, String planId) {
        regions.require(region);
        return store.find(region, planId);
    }

    @Override
    public Optional<StoredPlan> current(String region) {
        regions.require(region);
        return store.adopted(region);
    }

    @Override
    public StoredPlan adopt(Caller caller, String region, String planId) {
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR);
        regions.require(region);
        PlanStore.Adoption done;
        synchronized (adoption) {
            // the audit record and the event are written in the adoption's transaction
            done = store.adopt(region, planId, caller.name(), adopted -> {
                AllocationPlan p = adopted.adopted().plan();
                String detail = "strategy " + p.strategy() + (adopted.superseded() == null
                        ? ", replaces the initial (synthetic pilot) assignment" : ", supersedes plan " + adopted.superseded())
                        + (p.metrics() == null ? "" : ", " + p.metrics().unitsChangingOperator() + " units change operator, "
                                + p.metrics().casesAffected() + " cases affected");
                audit.recordWithChange(AuditRecord.of(caller.name(), "allocation.adopt", region, "plan " + planId, AuditOutcome.SUCCESS,
                        detail));
                Outbox o = outbox;
                if (o != null) {
                    Map<String, Object> props = new HashMap<>();
                    props.put("region", region);
                    props.put("planId", planId);
                    props.put("strategy", p.strategy());
                    props.put("actor", caller.name());
                    if (adopted.superseded() != null) {
                        props.put("supersededPlan", adopted.superseded());
                    }
                    o.append(UUID.randomUUID().toString(), AllocationService.PLAN_ADOPTED, region, "plan " + planId, props);
                }
            });
        }
        return done.adopted();
    }

    @Override
    public CasesToInform casesToInform(Caller caller, String region, String planId) {
        caller.requireRegion(region);
        caller.requireAny(Role.SUPERVISOR);
        Region r = regions.require(region);
        StoredPlan plan = "current".equals(planId)
                ? store.adopted(region).orElseThrow(() -> new NotFoundException("adopted plan of region", region))
                : store.find(region, planId).orElseThrow(() -> new NotFoundException("plan", planId));
        if (plan.adoptedAt() == null) {
            throw new ConflictException("Plan " + plan.id() + " of region '" + region + "' was never adopted: the cases to inform are "
                    + "those of an adopted plan (its metrics list the units that would change operator)");
        }
        SyntheticPilot.Result pilot = pilot(r, settings.staffing(region));
        Optional<StoredPlan> replaced = store.replacedBy(plan);
        List<Team> before = replaced.map(p -> p.plan().teams()).orElse(pilot.teams());
        boolean synthetic = plan.plan().synthetic() || replaced.map(p -> p.plan().synthetic()).orElse(true)
                || pilot.units().stream().anyMatch(AllocationUnit::synthetic);
        return CasesToInformList.compute(pilot.units(), before, replaced.map(p -> "plan " + p.id()).orElse("synthetic pilot"), plan,
                synthetic);
    }

    @Override
    public PlanComparison compare(String region, List<StrategyRun> runs) {
        AllocationSettings s = settings;
        Map<String, AllocationStrategy> installed = strategies;
        Region r = regions.require(region);
        List<StrategyRun> asked = runs == null || runs.isEmpty()
                ? installed.keySet().stream().map(id -> new StrategyRun(id, Map.of())).toList()
                : runs;
        List<AllocationStrategy> chosen = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            StrategyRun run = asked.get(i);
            if (run == null || run.strategy() == null || run.strategy().isBlank()) {
                throw new InvalidInputException("runs[" + i + "].strategy", "required", "Each run names a strategy");
            }
            AllocationStrategy st = installed.get(run.strategy());
            if (st == null) {
                throw new NotFoundException("strategy", run.strategy());
            }
            chosen.add(st);
        }
        AllocationInput input = requireUnits(input(r, s));
        List<AllocationPlan> plans = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            plans.add(run(chosen.get(i), input, asked.get(i).parameters(), List.of()));
        }
        return new PlanComparison(region, plans, input.synthetic(), Instant.now());
    }

    @Override
    public PhaseInPlan phaseIn(String region, String name, List<PhaseInStage> stages) {
        AllocationSettings s = settings;
        Map<String, AllocationStrategy> installed = strategies;
        Region r = regions.require(region);
        AllocationInput input = requireUnits(input(r, s));
        return PhaseIns.compute(input, name == null || name.isBlank() ? "phase-in" : name, stages, installed, List.of());
    }

    @Override
    public Frontier frontier(String region, List<Double> balanceWeights) {
        AllocationSettings s = settings;
        Map<String, AllocationStrategy> installed = strategies;
        Region r = regions.require(region);
        AllocationStrategy optimal = installed.get(Frontiers.OPTIMAL);
        if (optimal == null) {
            throw new NotFoundException("strategy", Frontiers.OPTIMAL);
        }
        List<AllocationStrategy> others = installed.values().stream().filter(x -> x != optimal).toList();
        AllocationInput input = requireUnits(input(r, s));
        return Frontiers.frontier(input, Frontiers.compute(input, optimal, others, balanceWeights));
    }

    @Override
    public PhaseInPlan hkcssPhaseIn(String region) {
        AllocationSettings s = settings;
        Map<String, AllocationStrategy> installed = strategies;
        Region r = regions.require(region);
        AllocationInput input = requireUnits(input(r, s));
        List<PhaseInStage> stages = PhaseIns.hkcssStages(input);
        return PhaseIns.compute(input, "HKCSS phasing", stages, installed, PhaseIns.hkcssNotes(stages, input.units().size()));
    }
}
