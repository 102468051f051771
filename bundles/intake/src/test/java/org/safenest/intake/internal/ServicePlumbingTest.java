package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.report;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
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
    void auditRecordsWrittenInTheBackgroundAreAllThereAfterAStop() {
        CaseService service = new CaseService(t.db::required, t.regions, t.catalogue, t.dispatch, t.audit,
                t.events, t.clock, Duration.ZERO, Executors.newFixedThreadPool(2));
        for (int i = 0; i < 30; i++) {
            service.submit(INTAKE, "kaohsiung", report("bg-" + i, "fragile-family", "sanmin", null, null, 4));
        }
        assertThrows(InvalidInputException.class, () -> service.submit(INTAKE, "kaohsiung", report("bg-x", "nope", "sanmin", null, null, 4)));
        service.deactivate();
        assertEquals(31, t.audit.byAction("case.report").size());
        assertEquals(30, t.count("CaseEntity"));
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
