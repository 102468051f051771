package org.safenest.api.allocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.safenest.api.security.Caller;

/**
 * Runs strategies on a region's data, stores and adopts plans. Methods taking a region code throw
 * {@link org.safenest.api.error.NotFoundException} for an unknown region; changes are audited.
 */
@ProviderType
public interface AllocationService {

    /**
     * The outbox topic of an adopted plan (written in the adoption's transaction); properties {@code region},
     * {@code planId}, {@code strategy}, {@code actor} and, when one was replaced, {@code supersededPlan}.
     */
    String PLAN_ADOPTED = "org/safenest/allocation/PLAN_ADOPTED";

    /** The strategies installed now. */
    List<StrategyDescription> strategies();

    /** The id of the region's active strategy, from its configuration (Config Admin). */
    String activeStrategy(String region);

    /** Makes a strategy the region's active one (writes the configuration); role {@code admin}. */
    void selectStrategy(Caller caller, String region, String strategyId);

    /** The data strategies run on, as of now. */
    AllocationInput input(String region);

    /**
     * Runs a strategy, measures the plan and stores it as {@link PlanStatus#PROPOSED}.
     * {@link org.safenest.api.error.NotFoundException} for a strategy not installed; with {@code strategyId}
     * null the active strategy runs, or the configured fallback when the active one is not installed
     * ({@link org.safenest.api.error.ConflictException} naming both when neither is).
     */
    StoredPlan computePlan(Caller caller, String region, String strategyId, Map<String, String> parameters);

    /** The region's stored plans, newest first. */
    List<StoredPlan> plans(String region);

    /** One stored plan. */
    Optional<StoredPlan> plan(String region, String planId);

    /** The adopted plan (the current assignment), if any. */
    Optional<StoredPlan> current(String region);

    /**
     * Adopts a plan as the region's current assignment; the previous one becomes {@link PlanStatus#SUPERSEDED}
     * and is kept. Role {@code supervisor}.
     */
    StoredPlan adopt(Caller caller, String region, String planId);

    /** Runs the strategies on the same input and answers their plans with metrics side by side. */
    PlanComparison compare(String region, List<StrategyRun> runs);

    /**
     * Computes a phase-in plan: each stage's strategy runs on the stage's units with the stage's staffing and the
     * previous stage's teams as the current assignment; each stage is measured against the region's current assignment
     * and the move from the previous stage is costed. Nothing is stored. Since 1.2.
     */
    PhaseInPlan phaseIn(String region, String name, List<PhaseInStage> stages);

    /**
     * The HKCSS phasing as a phase-in plan: first the regularised units (about 780) with half teams, then every unit
     * (1,040 in Hong Kong, about 300 of them non-subsidised) with half teams grown into full teams. Since 1.2.
     */
    PhaseInPlan hkcssPhaseIn(String region);

    /**
     * The continuity-balance frontier: the {@code optimal} strategy run with continuity weight 1 and each of the balance
     * weights given (empty: a default grid), and every other installed strategy with its defaults as points beside them.
     * {@link org.safenest.api.error.NotFoundException} when {@code optimal} is not installed. Since 1.2.
     */
    Frontier frontier(String region, List<Double> balanceWeights);

    /**
     * The cases to inform for an adopted plan ({@code planId}, or {@code current} for the adopted one): the units served
     * before its adoption whose operator it changed, each with its cases, against the assignment it replaced (the plan
     * adopted before it, or the initial pilot assignment). Role {@code supervisor}; {@link
     * org.safenest.api.error.NotFoundException} for an unknown plan, {@link org.safenest.api.error.ConflictException} for a
     * plan never adopted. Since 1.3.
     */
    CasesToInform casesToInform(Caller caller, String region, String planId);
}
