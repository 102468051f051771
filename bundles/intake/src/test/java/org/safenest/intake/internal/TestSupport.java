package org.safenest.intake.internal;

import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.privacy.internal.TextPersonalDataGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.ReportedChild;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.ServedArea;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryOutbox;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * The intake service outside OSGi: the production persistence unit {@code safenest-intake} (JTA there) switched
 * to RESOURCE_LOCAL on a fresh in-memory Derby database, with small fakes of the region service, the case-type
 * catalogue, dispatch, the audit log and EventAdmin, and a clock the test moves. All data is synthetic.
 */
final class TestSupport implements AutoCloseable {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    /** 2026-03-02 10:00 in Taipei. */
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    static final Caller ADMIN = caller("admin", Role.ADMIN);
    static final Caller INTAKE = caller("intake", Role.INTAKE);
    static final Caller DISPATCHER = caller("dispatcher", Role.DISPATCHER);
    static final Caller WORKER = caller("worker", Role.SOCIAL_WORKER);
    static final Caller SUPERVISOR = caller("supervisor", Role.SUPERVISOR);
    static final Caller ANALYST = caller("analyst", Role.ANALYST);

    final UnitDatabase db;
    final EntityManagerFactory emf;
    final MovableClock clock = new MovableClock(NOW);
    final MemoryRegions regions = regions();
    final FakeCatalogue catalogue = new FakeCatalogue();
    final FakeDispatch dispatch = new FakeDispatch();
    final MemoryAudit audit = new MemoryAudit();
    final MemoryOutbox outbox = new MemoryOutbox();
    final FakeEvents events = new FakeEvents();
    final CaseService service;
    /** The platform's personal-data guard itself (safenest-privacy), as intake gets it in OSGi; loaded once. */
    static final PersonalDataGuard GUARD = new TextPersonalDataGuard();

    TestSupport() {
        // the losers of concurrent submits of one reportId hit the unique constraint, as they should
        db = new UnitDatabase("safenest-intake", "jdbc:derby:memory:intake-" + UUID.randomUUID(),
                Map.of("eclipselink.logging.level", "SEVERE", "eclipselink.connection-pool.default.max", "16"));
        emf = db.emf();
        service = new CaseService(db::required, regions, catalogue, dispatch, audit, outbox, events, GUARD, clock, Duration.ZERO);
    }

    static Caller caller(String name, Role role, String... regions) {
        return new Caller(name, Set.of(role), Set.of(regions));
    }

    /** How many rows a table of the intake unit holds. */
    long count(String entity) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    long rows() {
        long n = 0;
        for (String e : List.of("CaseEntity", "ReportEntity", "DecisionEntity", "HistoryEntity", "DispositionEntity",
                "TransferEntity", "DisputeEntity")) {
            n += count(e);
        }
        return n;
    }

    @Override
    public void close() {
        db.close();
    }

    // ------------------------------------------------------------------ reports

    static IntakeReport report(String id, String caseType, String district, String part, String household, Integer... ages) {
        List<ReportedChild> children = new ArrayList<>();
        for (Integer age : ages) {
            children.add(new ReportedChild(age, null));
        }
        return new IntakeReport(id, NOW.minusSeconds(3600), caseType, district, part, children, household,
                "Synthetic report for a test, no personal data.", "school");
    }

    static IntakeReport childReport(String id, String caseType, String district, String household, String childRef, int age) {
        return new IntakeReport(id, NOW.minusSeconds(3600), caseType, district, null, List.of(new ReportedChild(age, childRef)),
                household, "Synthetic report for a test, no personal data.", "school");
    }

    // ------------------------------------------------------------------ fakes

    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        LocalDate today() {
            return LocalDate.ofInstant(now.get(), TAIPEI);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Kaohsiung (a few districts, Fengshan split in two, the offices serving them) and Hong Kong (two districts). */
    static MemoryRegions regions() {
        return new MemoryRegions(kaohsiung(), hongKong());
    }

    static RegionData kaohsiung() {
        return MemoryRegions.region("kaohsiung", "Kaohsiung City", "高雄市", "Asia/Taipei", List.of(
                new District("sanmin", "三民區", "Sanmin", List.of()),
                new District("lingya", "苓雅區", "Lingya", List.of()),
                new District("zuoying", "左營區", "Zuoying", List.of()),
                new District("meinong", "美濃區", "Meinong", List.of()),
                new District("namaxia", "那瑪夏區", "Namaxia", List.of()),
                new District("fengshan", "鳳山區", "Fengshan", List.of(new DistrictPart("north", "國泰路以北"),
                        new DistrictPart("south", "國泰路以南")))), List.of(
                newOffice("swc-sanmin", "sanmin"), newOffice("swc-lingya", "lingya"), newOffice("swc-zuoying", "zuoying"),
                newOffice("swc-qishan", "meinong"), newOffice("swc-jiaxian", "namaxia"), newOffice("swc-fengshan", "fengshan"),
                newOffice("swc-fengshan-wujia", "fengshan"), newOffice("pc-hq", null), newOffice("pc-qishan", null),
                newOffice("pc-fengshan", null)));
    }

    static RegionData hongKong() {
        return MemoryRegions.region("hong-kong", "Hong Kong", "香港", "Asia/Hong_Kong", List.of(
                new District("islands", "離島區", "Islands", List.of()),
                new District("kowloon-city", "九龍城區", "Kowloon City", List.of())), List.of(
                newOffice("ifsc-islands", "islands"), newOffice("ifsc-kowloon-city", "kowloon-city")));
    }

    private static Office newOffice(String code, String district) {
        // the kind of unit as in the regions' data: welfare service centres (swc-), protection stations (pc-),
        // Hong Kong's integrated family service centres (ifsc-)
        OfficeType type = code.startsWith("pc-") ? OfficeType.PROTECTION_STATION
                : code.startsWith("ifsc-") ? OfficeType.FAMILY_SERVICE_CENTRE : OfficeType.WELFARE_SERVICE_CENTRE;
        return new Office(code, code, code, type, null, null, null,
                district == null ? List.of() : List.of(new ServedArea(district, null)));
    }

    /** The defaults everywhere, and a region-configured child-protection type in Kaohsiung. */
    static class FakeCatalogue implements CaseTypeCatalogue {
        static final CaseType CHILD_DRUG = new CaseType("child-drug", "兒少毒品", "Child and youth drug-related", ServiceLine.CHILD_PROTECTION);

        @Override
        public List<CaseType> caseTypes(String region) {
            List<CaseType> all = new ArrayList<>(CaseType.DEFAULTS);
            if (region.equals("kaohsiung")) {
                all.add(CHILD_DRUG);
            }
            return all;
        }

        @Override
        public Optional<CaseType> caseType(String region, String code) {
            return caseTypes(region).stream().filter(t -> t.code().equals(code)).findFirst();
        }
    }

    /**
     * Kaohsiung-like rules: fragile families to the district's welfare centre, protection cases to the station of
     * its area; Fengshan without a part and Namaxia have no rule (manual queue). Records every call.
     */
    static final class FakeDispatch implements DispatchService {
        record Call(String region, String caseType, String district, String part, Instant receivedAt) {
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        final Map<String, String> welfareCentres = new HashMap<>(Map.of("sanmin", "swc-sanmin", "lingya", "swc-lingya",
                "zuoying", "swc-zuoying", "meinong", "swc-qishan", "fengshan:north", "swc-fengshan",
                "fengshan:south", "swc-fengshan-wujia", "islands", "ifsc-islands", "kowloon-city", "ifsc-kowloon-city"));
        final Map<String, String> stations = new HashMap<>(Map.of("sanmin", "pc-hq", "lingya", "pc-hq", "zuoying", "pc-hq",
                "meinong", "pc-qishan", "fengshan:north", "pc-fengshan", "fengshan:south", "pc-fengshan",
                "islands", "ifsc-islands", "kowloon-city", "ifsc-kowloon-city"));

        @Override
        public DispatchDecision dispatch(String region, String caseType, String district, String part, Instant receivedAt) {
            calls.add(new Call(region, caseType, district, part, receivedAt));
            String key = part == null ? district : district + ":" + part;
            boolean ff = caseType.equals("fragile-family");
            String office = (ff ? welfareCentres : stations).get(key);
            if (office == null) {
                return new DispatchDecision(null, true, 8, null, DecisionBasis.NO_RULE,
                        "no rule for " + caseType + " in " + key + ": manual dispatch queue", NOW, "system");
            }
            String rule = (ff ? "FF-" : "P-") + key;
            return new DispatchDecision(office, false, 8, rule, DecisionBasis.RULE,
                    caseType + " from " + key + " goes to " + office + ": rule " + rule + " of version 8", NOW, "system");
        }

        @Override
        public List<RuleSetVersion> versions(String region) {
            return List.of();
        }

        @Override
        public Optional<DispatchRuleSet> ruleSet(String region, int version) {
            return Optional.empty();
        }

        @Override
        public Optional<DispatchRuleSet> inForce(String region, LocalDate date) {
            return Optional.empty();
        }

        @Override
        public List<RuleFileError> validate(String region, String source, String content) {
            return List.of();
        }

        @Override
        public RuleSetVersion publish(Caller caller, String region, String source, String content) {
            throw new UnsupportedOperationException();
        }
    }

    static final class FakeEvents implements EventAdmin {
        final List<Event> posted = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }

        List<Event> of(String topic) {
            return posted.stream().filter(e -> e.getTopic().equals(topic)).toList();
        }
    }
}
