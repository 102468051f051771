package org.safenest.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.IntakeEvents;
import org.safenest.api.outbox.OutboxEvent;
import org.safenest.api.region.District;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionData;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.reporting.internal.facts.FactConsumer;
import org.safenest.reporting.internal.facts.Transactions;
import org.safenest.reporting.internal.reports.AggregateReport;
import org.safenest.reporting.internal.reports.Names;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryOutbox;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * The reporting unit outside OSGi: {@code safenest-reporting} switched to RESOURCE_LOCAL on a fresh in-memory Derby,
 * a small synthetic region ({@code kh}, Asia/Taipei, three districts, three offices), a fixed clock, and helpers
 * that post intake events as intake would. All data is synthetic.
 */
final class TestSupport implements AutoCloseable {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    /** 2026-03-15 12:00 in Taipei. */
    static final Instant NOW = LocalDateTime.of(2026, 3, 15, 12, 0).atZone(TAIPEI).toInstant();
    static final String REGION = "kh";

    static final Caller ANALYST = caller("analyst", Role.ANALYST);
    static final Caller SUPERVISOR = caller("supervisor", Role.SUPERVISOR);
    static final Caller WORKER = caller("worker", Role.SOCIAL_WORKER);
    static final Caller ADMIN = caller("admin", Role.ADMIN);

    final UnitDatabase db;
    final Transactions tx;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MemoryRegions regions = regions();
    final CaseTypeCatalogue catalogue = new FakeCatalogue();
    final Names names = new Names(regions, catalogue);
    final MemoryAudit auditLog = new MemoryAudit();
    final MemoryOutbox outbox = new MemoryOutbox();
    final FactConsumer facts;
    private int reports;
    private int events;

    TestSupport() {
        db = new UnitDatabase("safenest-reporting", "jdbc:derby:memory:reporting-" + UUID.randomUUID(),
                Map.of("eclipselink.logging.level", "SEVERE"));
        tx = db::required;
        facts = FactConsumer.of(tx, r -> TAIPEI, outbox);
    }

    /** A fact report on this database, region data and clock. */
    AggregateReport report(AggregateReport.Definition definition) {
        return new AggregateReport(tx, regions, names, clock, definition);
    }

    static Caller caller(String name, Role role, String... regions) {
        return new Caller(name, Set.of(role), Set.of(regions));
    }

    /** Epoch millis of a local time in Taipei, as "2026-03-02T10:00". */
    static long at(String local) {
        return LocalDateTime.parse(local).atZone(TAIPEI).toInstant().toEpochMilli();
    }

    /** Posts the events intake posts for an accepted report; returns its case number. */
    String receive(String caseNumber, String received, String caseType, String serviceLine, String district, String office,
            String mergeRule) {
        Map<String, Object> p = base(caseNumber, caseType, serviceLine, district, office);
        p.put(IntakeEvents.REPORT_ID, "r-" + (++reports));
        p.put(IntakeEvents.RECEIVED_AT, at(received));
        p.put(IntakeEvents.MERGE_RULE, mergeRule);
        p.put(IntakeEvents.OCCURRED_AT, at(received) + 60_000);
        deliver(IntakeEvents.CASE_RECEIVED, p);
        if ("NEW_CASE".equals(mergeRule)) {
            Map<String, Object> d = base(caseNumber, caseType, serviceLine, district, office);
            d.put(IntakeEvents.MANUAL_QUEUE, office == null);
            d.put(IntakeEvents.DECISION_BASIS, office == null ? "NO_RULE" : "RULE");
            d.put(IntakeEvents.RULE_SET_VERSION, 8);
            d.put(IntakeEvents.DECIDED_AT, at(received) + 60_000);
            d.put(IntakeEvents.RECEIVED_AT, at(received));
            deliver(IntakeEvents.CASE_DISPATCHED, d);
        } else {
            deliver(IntakeEvents.CASE_MERGED, new HashMap<>(p));
        }
        return caseNumber;
    }

    /** A new child-protection case in Qianzhen served by station S1. */
    String newCase(String caseNumber, String received) {
        return receive(caseNumber, received, "child-protection", "CHILD_PROTECTION", "qianzhen", "S1", "NEW_CASE");
    }

    void post(String topic, String caseNumber, String caseType, String serviceLine, String district, String office,
            Map<String, Object> extra) {
        Map<String, Object> p = base(caseNumber, caseType, serviceLine, district, office);
        p.putAll(extra);
        deliver(topic, p);
    }

    /** Delivers an event to reporting as the outbox does (its own id, in its own transaction); returns the event. */
    OutboxEvent deliver(String topic, Map<String, Object> properties) {
        outbox.append("event-" + (++events), topic, (String) properties.get(IntakeEvents.REGION),
                (String) properties.get(IntakeEvents.CASE_NUMBER), properties);
        List<OutboxEvent> all = outbox.events();
        OutboxEvent e = all.get(all.size() - 1);
        facts.apply(e);
        return e;
    }

    private static Map<String, Object> base(String caseNumber, String caseType, String serviceLine, String district, String office) {
        Map<String, Object> p = new HashMap<>();
        p.put(IntakeEvents.REGION, REGION);
        p.put(IntakeEvents.CASE_NUMBER, caseNumber);
        p.put(IntakeEvents.ACTOR, "intake");
        p.put(IntakeEvents.CASE_TYPE, caseType);
        p.put(IntakeEvents.SERVICE_LINE, serviceLine);
        p.put(IntakeEvents.DISTRICT, district);
        if (office != null) {
            p.put(IntakeEvents.OFFICE, office);
        }
        return p;
    }

    /** Events are applied as they are delivered: nothing waits (kept so that tests read as before). */
    void flush() {
    }

    @Override
    public void close() {
        db.close();
    }

    /**
     * Region {@code kh} (three districts, two centres, one station) and {@code hk} (the same districts and offices,
     * and ten kindergartens, which make it a region for allocation reports).
     */
    static MemoryRegions regions() {
        List<District> districts = List.of(new District("qianzhen", "前鎮區", "Qianzhen", List.of()),
                new District("fengshan", "鳳山區", "Fengshan", List.of()), new District("cijin", "旗津區", "Cijin", List.of()));
        List<Office> offices = List.of(
                new Office("C1", "前鎮社福中心", "Qianzhen centre", OfficeType.WELFARE_SERVICE_CENTRE, null, null, null, List.of()),
                new Office("C2", "鳳山社福中心", "Fengshan centre", OfficeType.WELFARE_SERVICE_CENTRE, null, null, null, List.of()),
                new Office("S1", "保護服務站", "Protection station", OfficeType.PROTECTION_STATION, null, null, null, List.of()));
        List<Preschool> kindergartens = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            kindergartens.add(new Preschool("k" + i, "Kindergarten " + i, "幼稚園" + i, "qianzhen", "synthetic", Set.of(), null));
        }
        return new MemoryRegions(MemoryRegions.region(REGION, "Test city", "測試市", "Asia/Taipei", districts, offices),
                new RegionData("hk", "Test SAR", "測試區", "Asia/Hong_Kong", "synthetic test data", "synthetic", districts, offices,
                        kindergartens, List.of()));
    }

    static final class FakeCatalogue implements CaseTypeCatalogue {
        @Override
        public List<CaseType> caseTypes(String region) {
            return CaseType.DEFAULTS;
        }

        @Override
        public Optional<CaseType> caseType(String region, String code) {
            return CaseType.DEFAULTS.stream().filter(t -> t.code().equals(code)).findFirst();
        }
    }
}
