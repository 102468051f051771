package org.safenest.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.DistrictLoad;
import org.safenest.api.allocation.Frontier;
import org.safenest.api.allocation.FrontierPoint;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.PlanMetrics;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.StrategyDescription;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.allocation.UnservedReason;
import org.safenest.api.allocation.UnservedUnit;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.referral.FollowUpStatus;
import org.safenest.api.referral.MeetingStatus;
import org.safenest.api.referral.ProposalStatus;
import org.safenest.api.referral.ReferralBoard;
import org.safenest.api.referral.ReferralDecision;
import org.safenest.api.referral.ReferralMeeting;
import org.safenest.api.referral.ReferralOutcome;
import org.safenest.api.referral.ReferralProposal;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.api.security.Caller;
import org.safenest.reporting.internal.reports.AllocationFrontierReport;
import org.safenest.reporting.internal.reports.AllocationPlansReport;
import org.safenest.reporting.internal.reports.ReferralBoardReport;

/** The reports that read other capabilities through their services: the referral board and allocation. */
class PluginReportsTest {

    private final TestSupport t = new TestSupport();

    @AfterEach
    void close() {
        t.close();
    }

    /** A fake of a service interface answering only the methods a test names. */
    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            java.util.function.Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName() + " is not used by these tests");
            }
            return answer.apply(args);
        });
    }

    private static SubmittedProposal proposal(String id, LocalDate meeting, ReferralOutcome outcome, FollowUpStatus followUp) {
        ReferralProposal form = new ReferralProposal("C1", "qianzhen", null, 6, "synthetic summary", "synthetic reason",
                TransferDirection.FF_TO_CP);
        ReferralDecision decision = outcome == null ? null : new ReferralDecision(outcome, ServiceLine.CHILD_PROTECTION, "synthetic",
                false, followUp, null, "chair", Instant.parse("2026-02-26T08:00:00Z"), null, null);
        return new SubmittedProposal(id, "kh", form, Instant.parse("2026-02-10T08:00:00Z"), "worker", meeting,
                outcome == null ? ProposalStatus.ON_AGENDA : ProposalStatus.DECIDED, decision);
    }

    @Test
    void referralBoardCountsProposalsOutcomesAndDecisionsNotCarriedOutPerMeeting() {
        AtomicReference<Caller> reader = new AtomicReference<>();
        LocalDate jan = LocalDate.of(2026, 1, 26);
        LocalDate feb = LocalDate.of(2026, 2, 26);
        ReferralBoard board = fake(ReferralBoard.class, Map.of("meetings", args -> {
            reader.set((Caller) args[0]);
            return List.of(new ReferralMeeting("kh", jan, jan.minusDays(7), MeetingStatus.NOT_HELD, List.of()),
                    new ReferralMeeting("kh", feb, feb.minusDays(7), MeetingStatus.HELD, List.of(
                            proposal("P1", feb, ReferralOutcome.CP_TAKES, FollowUpStatus.PENDING),
                            proposal("P2", feb, ReferralOutcome.CP_TAKES, FollowUpStatus.DONE),
                            proposal("P3", feb, ReferralOutcome.FF_KEEPS, FollowUpStatus.NOT_NEEDED),
                            proposal("P4", feb, null, null))));
        }));
        ReferralBoardReport report = new ReferralBoardReport(board, t.clock);

        ReportTable table = report.compute(new ReportRequest("kh", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), List.of(), 0, Map.of()));

        assertEquals("[2026-01-26, NOT_HELD, 0, 0, 0, 0, 0, 0, 0]", table.rows().get(0).toString());
        assertEquals("[2026-02-26, HELD, 4, 3, 1, 2, 0, 0, 1]", table.rows().get(1).toString());
        assertEquals("未召開（無提案）", table.display("status", "NOT_HELD", "zh"));
        assertEquals(java.util.Set.of("kh"), reader.get().regions()); // reads only the region asked for
        assertThrows(InvalidInputException.class, () -> report.compute(new ReportRequest("kh", jan, feb, List.of("district"), 0, Map.of())));
    }

    private static AllocationPlan plan(String strategy, int changing, int unserved, DistrictLoad... districts) {
        List<UnservedUnit> left = new ArrayList<>();
        for (int i = 0; i < unserved; i++) {
            left.add(new UnservedUnit("u" + i, "qianzhen", i == 0 ? UnservedReason.DISTANCE : UnservedReason.CAPACITY, "test"));
        }
        PlanMetrics m = new PlanMetrics(changing, changing * 10, List.of(), 120.0, 80.0, 40.0, 2, 10, 1, unserved, 3.5, 9.0, List.of(),
                List.of(districts), 88, left);
        return new AllocationPlan(strategy, Map.of(), List.of(), List.of(), m, true, List.of(), Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void allocationPlansSideBySideByPlanAndByDistrict() {
        DistrictLoad hot = new DistrictLoad("qianzhen", 10, 1, 1200, 80, 8.0, 150.0, true);
        DistrictLoad cool = new DistrictLoad("cijin", 5, 0, 300, 30, 4.0, 75.0, false);
        List<StoredPlan> stored = List.of(
                new StoredPlan("p1", "hk", plan("retain", 0, 2, hot, cool), PlanStatus.ADOPTED, "supervisor", null, null),
                new StoredPlan("p2", "hk", plan("optimal", 12, 0, cool), PlanStatus.PROPOSED, "supervisor", null, null));
        List<List<StrategyRun>> compared = new ArrayList<>();
        AllocationService allocation = fake(AllocationService.class, Map.of(
                "plans", args -> stored,
                "plan", args -> stored.stream().filter(p -> p.id().equals(args[1])).findFirst(),
                "strategies", args -> List.of(new StrategyDescription("retain", "Retain operators", "", List.of()),
                        new StrategyDescription("optimal", "Optimal", "", List.of())),
                "compare", args -> {
                    @SuppressWarnings("unchecked") List<StrategyRun> runs = (List<StrategyRun>) args[1];
                    compared.add(runs);
                    return new PlanComparison("hk", runs.stream().map(r -> plan(r.strategy(), 1, 1, cool)).toList(), true, Instant.now());
                }));
        AllocationPlansReport report = new AllocationPlansReport(allocation, t.regions, t.names, t.clock);
        assertTrue(report.appliesTo("hk"));
        assertFalse(report.appliesTo("kh")); // no kindergartens there

        ReportTable byPlan = report.compute(new ReportRequest("hk", null, null, List.of(), 0, Map.of()));
        assertEquals("[p1, retain, ADOPTED, 0, 0, 120.0, 40.0, 2, 1, 2, capacity 1, distance 1, 88, 3.5]", byPlan.rows().get(0).toString());
        assertEquals("[p2, optimal, PROPOSED, 12, 120, 120.0, 40.0, 2, 0, 0, none, 88, 3.5]", byPlan.rows().get(1).toString());
        assertTrue(byPlan.notes().stream().anyMatch(n -> n.code().equals(ReportNote.SYNTHETIC)));
        assertEquals("Retain operators", byPlan.display("strategy", "retain", "en"));

        ReportTable byDistrict = report.compute(new ReportRequest("hk", null, null, List.of("plan", "district"), 0, Map.of("plans", "p1")));
        assertEquals(List.of("[p1, retain, qianzhen, 10, 1, 1200, 8.0, 150.0, yes]", "[p1, retain, cijin, 5, 0, 300, 4.0, 75.0, no]"),
                byDistrict.rows().stream().map(Object::toString).toList());

        ReportTable fresh = report.compute(new ReportRequest("hk", null, null, List.of(), 0, Map.of("strategies", "retain, optimal")));
        assertEquals(List.of("retain", "optimal"), compared.get(0).stream().map(StrategyRun::strategy).toList());
        assertEquals("COMPUTED", fresh.rows().get(0).get(2));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> report.compute(new ReportRequest("hk", null, null, List.of(), 0, Map.of("plans", "p9"))));
        assertEquals("plans", e.errors().get(0).field());
        assertEquals(Optional.empty(), allocation.plan("hk", "p9"));
    }

    @Test
    void theAllocationFrontierOneRowPerPoint() {
        List<List<Double>> asked = new ArrayList<>();
        AllocationService allocation = fake(AllocationService.class, Map.of("frontier", args -> {
            @SuppressWarnings("unchecked") List<Double> w = (List<Double>) args[1];
            asked.add(w);
            return new Frontier("hk", List.of(
                    new FrontierPoint("optimal balance=0", "optimal", Map.of(), true, 1, 0, 3, 40, 120.5, 80.0, 1.2, 0, 544),
                    new FrontierPoint("district", "district", Map.of(), false, Double.NaN, Double.NaN, 300, 6000, 90.25, 60.0, 0.8, 0, 628)),
                    true, List.of(), Instant.now());
        }));
        AllocationFrontierReport report = new AllocationFrontierReport(allocation, t.regions, t.clock);
        ReportTable table = report.compute(new ReportRequest("hk", null, null, List.of(), 0, Map.of("balance", "0, 2.5")));
        assertEquals(List.of(0.0, 2.5), asked.get(0));
        assertEquals("[optimal balance=0, optimised, 40, 120.5, 3, 80.0, 0, 544]", table.rows().get(0).toString());
        assertEquals("[district, strategy, 6000, 90.25, 300, 60.0, 0, 628]", table.rows().get(1).toString());
        assertTrue(table.notes().stream().anyMatch(n -> n.code().equals(ReportNote.SYNTHETIC)));
        assertThrows(InvalidInputException.class, () -> report.compute(new ReportRequest("hk", null, null, List.of(), 0, Map.of("balance", "x"))));
    }
}
