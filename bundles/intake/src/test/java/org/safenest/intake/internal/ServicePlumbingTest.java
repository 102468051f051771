package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.report;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.intake.ServiceLine;
import org.safenest.testsupport.MemoryRegions;

/** The parts around the transaction: audit records written off the request thread, reference data kept briefly. */
class ServicePlumbingTest {

    private TestSupport t;

    @BeforeEach
    void open() {
        t = new TestSupport();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void everyAcknowledgedChangeHasItsAuditRecordAndItsOutboxEventsWhenItAnswers() {
        for (int i = 0; i < 30; i++) {
            t.service.submit(INTAKE, "kaohsiung", report("fx-" + i, "fragile-family", "sanmin", null, null, 4));
        }
        assertThrows(InvalidInputException.class, () -> t.service.submit(INTAKE, "kaohsiung", report("fx-x", "nope", "sanmin", null, null, 4)));
        // nothing waits in a queue: the records and events are there when submit returns
        assertEquals(31, t.audit.byAction("case.report").size());
        assertEquals(30, t.audit.byAction("case.report").stream().filter(r -> r.outcome() == AuditOutcome.SUCCESS).count());
        assertEquals(30, t.outbox.byTopic(IntakeEvents.CASE_RECEIVED).size());
        assertEquals(30, t.outbox.byTopic(IntakeEvents.CASE_DISPATCHED).size());
        assertEquals(60, t.outbox.events().stream().map(e -> e.id()).distinct().count());
        assertEquals(30, t.count("CaseEntity"));
    }

    /**
     * Issue 12: intake keeps every event it writes to the outbox (same id, topic and properties) with its records, so
     * that reporting can build its figures from them after the outbox pruned the events; batches come oldest first.
     */
    @Test
    void everyOutboxEventIsKeptByIntakeWithTheSameIdAndIsHandedBackInOrder() {
        for (int i = 0; i < 7; i++) {
            t.service.submit(INTAKE, "kaohsiung", report("keep-" + i, "fragile-family", "sanmin", null, null, 4));
        }
        CaseEventHistory history = new CaseEventHistory(t.db::required);
        assertEquals(14, history.count("kaohsiung"));
        assertEquals(0, history.count("hong-kong"));
        assertEquals(14, history.count(null));
        List<org.safenest.api.outbox.OutboxEvent> kept = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        history.replay("kaohsiung", 4, batch -> {
            sizes.add(batch.size());
            kept.addAll(batch);
        });
        assertEquals(List.of(4, 4, 4, 2), sizes);
        List<org.safenest.api.outbox.OutboxEvent> written = t.outbox.events();
        assertEquals(written.stream().map(e -> e.id()).toList(), kept.stream().map(e -> e.id()).toList());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(written.get(i).topic(), kept.get(i).topic());
            assertEquals(written.get(i).key(), kept.get(i).key());
            // JSON gives small numbers back as Integer: compared as text, in key order
            assertEquals(new java.util.TreeMap<>(written.get(i).properties()).toString(),
                    new java.util.TreeMap<>(kept.get(i).properties()).toString());
        }
        // a change that rolls back keeps nothing
        assertThrows(RuntimeException.class, () -> t.service.submit(INTAKE, "kaohsiung", report("keep-x", "nope", "sanmin", null, null, 4)));
        assertEquals(14, history.count("kaohsiung"));
    }

    @Test
    void aChangeThatRollsBackLeavesNoEventAndARefusalRecord() {
        t.service.submit(INTAKE, "kaohsiung", report("rb-1", "fragile-family", "sanmin", null, null, 4));
        int before = t.outbox.events().size();
        assertThrows(RuntimeException.class, () -> t.service.submit(INTAKE, "kaohsiung", report("rb-2", "nope", "sanmin", null, null, 4)));
        assertEquals(before, t.outbox.events().size());
        assertEquals(AuditOutcome.REJECTED, t.audit.byAction("case.report").get(1).outcome());
    }

    @Test
    void referenceDataIsReadOnceAndAgainAfterItExpires() {
        AtomicInteger reads = new AtomicInteger();
        MemoryRegions counting = new MemoryRegions(TestSupport.kaohsiung(), TestSupport.hongKong()) {
            @Override
            public List<org.safenest.api.region.District> districts(String region) {
                reads.incrementAndGet();
                return super.districts(region);
            }
        };
        CaseTypeCatalogue extended = new TestSupport.FakeCatalogue() {
            @Override
            public List<CaseType> caseTypes(String region) {
                List<CaseType> all = new java.util.ArrayList<>(super.caseTypes(region));
                if (reads.get() > 1) {
                    all.add(new CaseType("new-type", "新類型", "Configured later (synthetic)", ServiceLine.FRAGILE_FAMILY));
                }
                return all;
            }
        };
        RegionDirectory directory = new RegionDirectory(counting, extended, Duration.ofHours(1));
        directory.get("kaohsiung");
        directory.get("kaohsiung");
        assertEquals(1, reads.get(), "kept");
        assertEquals(false, directory.get("kaohsiung").caseTypes().containsKey("new-type"));
        directory.clear();
        assertEquals(true, directory.get("kaohsiung").caseTypes().containsKey("new-type"), "read again");
        assertEquals(2, reads.get());
        assertThrows(org.safenest.api.error.NotFoundException.class, () -> directory.get("atlantis"));
        assertThrows(org.safenest.api.error.NotFoundException.class, () -> directory.get("atlantis"));
    }
}
