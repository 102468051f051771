package org.safenest.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.CaseType;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;

/**
 * The published rule sets of every region, kept in memory, and the decisions they make. Independent of OSGi:
 * the component wires it to the database, the region service and the audit log.
 * <p>
 * A region's versions are read from the database the first time the region is asked for and again whenever
 * a version is published (here or, noticed by {@link #refresh}, by another node); a decision reads only memory.
 * Publishing is serialised.
 */
public final class RuleBook {

    /** The actor of decisions by the rules and of versions published from files. */
    public static final String SYSTEM = "system";
    /** The audit action of a publication. */
    public static final String AUDIT_PUBLISH = "dispatch.publish";

    /** A region's reference snapshot and its published versions, ready for dispatch. */
    record RegionState(RegionRefs refs, List<DispatchRuleSet> versions, CompiledRuleSet[] byEffective, long[] effectiveDays) {

        static RegionState of(RegionRefs refs, List<DispatchRuleSet> versions) {
            List<DispatchRuleSet> byNumber = new ArrayList<>(versions);
            byNumber.sort(Comparator.comparingInt(DispatchRuleSet::version));
            List<DispatchRuleSet> byDate = new ArrayList<>(byNumber);
            byDate.sort(Comparator.comparing(DispatchRuleSet::effectiveFrom).thenComparingInt(DispatchRuleSet::version));
            CompiledRuleSet[] compiled = new CompiledRuleSet[byDate.size()];
            long[] days = new long[byDate.size()];
            for (int i = 0; i < compiled.length; i++) {
                compiled[i] = new CompiledRuleSet(byDate.get(i));
                days[i] = byDate.get(i).effectiveFrom().toEpochDay();
            }
            return new RegionState(refs, List.copyOf(byNumber), compiled, days);
        }

        RegionState withRefs(RegionRefs newRefs) {
            return new RegionState(newRefs, versions, byEffective, effectiveDays);
        }

        /** The version in force on the date: the latest effective date on or before it, then the highest number. */
        CompiledRuleSet inForce(LocalDate date) {
            long day = date.toEpochDay();
            int i = Arrays.binarySearch(effectiveDays, day);
            if (i >= 0) {
                while (i + 1 < effectiveDays.length && effectiveDays[i + 1] == day) {
                    i++;
                }
            } else {
                i = -i - 2;
            }
            return i < 0 ? null : byEffective[i];
        }

        Optional<DispatchRuleSet> version(int number) {
            return versions.stream().filter(v -> v.version() == number).findFirst();
        }
    }

    private record Plan(List<DispatchRuleSet> fresh, List<Integer> unchanged, List<RuleFileError> conflicts) {
    }

    private final DispatchStore store;
    private final Function<String, RegionRefs> refsLoader;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, RegionState> states = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile java.util.function.Consumer<String> firstUse = region -> {
    };

    /**
     * @param refsLoader reads a region's reference snapshot; throws
     *                   {@link org.safenest.api.error.NotFoundException} for an unknown region
     */
    public RuleBook(DispatchStore store, Function<String, RegionRefs> refsLoader, AuditLog audit, Clock clock) {
        this.store = store;
        this.refsLoader = refsLoader;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sets what runs the first time a region is asked for, before its versions are read: the component publishes
     * the region's rule files not yet published, so that a report arriving right after start is not dispatched
     * before the shipped rules are in. Not called while the book's lock is held.
     */
    public void onFirstUse(java.util.function.Consumer<String> action) {
        this.firstUse = action;
    }

    RegionState state(String region) {
        RegionState s = states.get(region);
        if (s != null) {
            return s;
        }
        firstUse.accept(region);
        synchronized (lock) {
            s = states.get(region);
            if (s == null) {
                RegionRefs refs = refsLoader.apply(region);
                s = RegionState.of(refs, store.load(region));
                states.put(region, s);
            }
            return s;
        }
    }

    /** The cached regions (for refreshing). */
    public List<String> cachedRegions() {
        return List.copyOf(states.keySet());
    }

    // ------------------------------------------------------------------ decisions

    public DispatchDecision dispatch(String region, String caseType, String district, String part, Instant receivedAt) {
        RegionState s = state(region);
        return decide(s.refs(), s::inForce, caseType, district, part, receivedAt, clock.instant());
    }

    /**
     * The decision for a report by the version {@code rules} gives for its received date (null when none is in
     * force): the one way reports are dispatched, live and when a draft is replayed ({@link Draft#decide}).
     */
    static DispatchDecision decide(RegionRefs refs, Function<LocalDate, CompiledRuleSet> rules, String caseType, String district,
            String part, Instant receivedAt, Instant now) {
        String region = refs.region();
        List<FieldError> wrong = new ArrayList<>(2);
        CaseType type = null;
        if (caseType == null || caseType.isBlank()) {
            wrong.add(new FieldError("caseType", "required", "The case type is required"));
        } else if ((type = refs.caseTypes().get(caseType)) == null) {
            wrong.add(new FieldError("caseType", "unknown", "Region '" + region + "' has no case type '" + caseType + "'"));
        }
        District d = null;
        if (district == null || district.isBlank()) {
            wrong.add(new FieldError("district", "required", "The district is required"));
        } else if ((d = refs.district(district)) == null) {
            wrong.add(new FieldError("district", "unknown", "Region '" + region + "' has no district '" + district + "'"));
        }
        String partCode = part == null || part.isBlank() ? null : part;
        DistrictPart districtPart = null;
        if (d != null && partCode != null && (districtPart = RegionRefs.part(d, partCode)) == null) {
            wrong.add(new FieldError("part", "unknown", d.parts().isEmpty()
                    ? "District '" + d.code() + "' is not split into parts"
                    : "District '" + d.code() + "' has no part '" + partCode + "'"));
        }
        if (receivedAt == null) {
            wrong.add(new FieldError("receivedAt", "required", "The received time is required"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        LocalDate date = LocalDate.ofInstant(receivedAt, refs.zone());
        String subject = type.nameEn() + (type.nameEn().toLowerCase(java.util.Locale.ROOT).endsWith("report") ? "" : " report")
                + " from " + refs.districtName(d.code())
                + (districtPart == null ? "" : " (" + districtPart.code() + ": " + districtPart.description() + ")");
        CompiledRuleSet set = rules.apply(date);
        if (set == null) {
            return new DispatchDecision(null, true, 0, null, DecisionBasis.NO_RULE, subject + ": no dispatch rule set of region "
                    + region + " is in force on " + date + ", so the case goes to the manual dispatch queue for a dispatcher to decide.",
                    now, SYSTEM);
        }
        DispatchRuleSet rs = set.ruleSet();
        String versionText = "version " + rs.version() + ", in force since " + rs.effectiveFrom();
        CompiledRuleSet.Match m = set.match(type.code(), type.serviceLine(), d.code(), partCode, refs);
        if (m == null) {
            String hint = partCode == null && !d.parts().isEmpty()
                    ? " The district is split between offices and the report names no part." : "";
            return new DispatchDecision(null, true, rs.version(), null, DecisionBasis.NO_RULE, subject
                    + " matches no rule of " + versionText + ", so the case goes to the manual dispatch queue for a dispatcher to decide."
                    + hint, now, SYSTEM);
        }
        DispatchRule r = m.rule();
        String why = r.explanation() == null || r.explanation().isBlank() ? "" : " " + r.explanation();
        String office = m.office();
        String route = OfficeRoutes.isRoute(r.office())
                ? " (the " + OfficeRoutes.typeName(OfficeRoutes.servingType(r.office())).replace('-', ' ') + " that serves "
                        + refs.districtName(d.code()) + (partCode == null ? "" : " " + partCode) + ")"
                : "";
        String text = m.basis() == DecisionBasis.RULE
                ? subject + " goes to " + refs.officeName(office) + route + ": rule " + r.id() + " of " + versionText + "." + why
                : subject + " matches no ordinary rule of " + versionText + "; fallback rule " + r.id() + " sends it to "
                        + refs.officeName(office) + route + "." + why;
        return new DispatchDecision(office, false, rs.version(), r.id(), m.basis(), text, now, SYSTEM);
    }

    // ------------------------------------------------------------------ reading

    public List<RuleSetVersion> versions(String region) {
        return state(region).versions().stream().map(DispatchRuleSet::summary).toList();
    }

    public Optional<DispatchRuleSet> ruleSet(String region, int version) {
        return state(region).version(version);
    }

    public Optional<DispatchRuleSet> inForce(String region, LocalDate date) {
        CompiledRuleSet c = state(region).inForce(date);
        return c == null ? Optional.empty() : Optional.of(c.ruleSet());
    }

    /** The region's time zone (from its reference data). */
    public java.time.ZoneId zone(String region) {
        return state(region).refs().zone();
    }

    // ------------------------------------------------------------------ validating and publishing

    /**
     * Checks a source (a versions.csv and its rule files, or single rule files): the files, and the versions
     * against those already published. Writes nothing.
     */
    public List<RuleFileError> validate(String region, RuleFiles files) {
        RegionState s = fresh(region);
        RuleFileParser.Result r = RuleFileParser.read(s.refs(), files);
        return r.ok() ? plan(s, r).conflicts() : r.errors();
    }

    /** Checks a single rule file (with its {@code #} header), and its version against those already published. */
    public List<RuleFileError> validate(String region, String source, String content) {
        RegionState s = fresh(region);
        RuleFileParser.Result r = RuleFileParser.readSingle(s.refs(), source, content);
        return r.ok() ? plan(s, r).conflicts() : r.errors();
    }

    /**
     * Publishes the versions of a source (a versions.csv and its rule files, or single rule files) that are not
     * published yet, all or none.
     * {@link InvalidInputException} (one field per error, named {@code file:line}) when a file is invalid;
     * {@link RuleSetConflict} (a {@link org.safenest.api.error.ConflictException}) when a version is published
     * already with other content, or a new version's number or effective date is below the latest published one.
     */
    public PublishResult publish(String actor, String region, RuleFiles files) {
        return publish(actor, region, files, null);
    }

    /**
     * As {@link #publish(String, String, RuleFiles)}, the one new version of the files taking effect on
     * {@code effectiveFrom} instead of its file's date when given (see {@link #withEffectiveFrom}).
     */
    public PublishResult publish(String actor, String region, RuleFiles files, LocalDate effectiveFrom) {
        synchronized (lock) {
            RegionState s = fresh(region);
            RuleFileParser.Result r = withEffectiveFrom(s, RuleFileParser.read(s.refs(), files), effectiveFrom);
            return publish(actor, s, r, false);
        }
    }

    /**
     * A draft: the newest version of the files that is not published yet, checked as publishing would check it
     * (the same exceptions) and ready to decide past reports as if it had been in force when they came in. Writes
     * nothing.
     */
    public Draft draft(String region, RuleFiles files, LocalDate effectiveFrom) {
        RegionState s = fresh(region);
        RuleFileParser.Result r = withEffectiveFrom(s, RuleFileParser.read(s.refs(), files), effectiveFrom);
        Plan plan = checked(s, r, false);
        if (plan.fresh().isEmpty()) {
            throw new InvalidInputException("files", "no-new-version", "The files hold no version that is not published yet (versions "
                    + plan.unchanged() + " are published with the same content): give the draft a new version number");
        }
        return new Draft(s.refs(), plan.fresh().get(plan.fresh().size() - 1), clock.instant());
    }

    /** A version not yet published, deciding reports by the same code as the live dispatch ({@link #decide}). */
    public static final class Draft {
        private final RegionRefs refs;
        private final CompiledRuleSet compiled;
        private final Instant now;

        Draft(RegionRefs refs, DispatchRuleSet version, Instant now) {
            this.refs = refs;
            this.compiled = new CompiledRuleSet(version);
            this.now = now;
        }

        public DispatchRuleSet version() {
            return compiled.ruleSet();
        }

        public RegionRefs refs() {
            return refs;
        }

        /** The decision the draft makes for a report, whatever its received date. */
        public DispatchDecision decide(String caseType, String district, String part, Instant receivedAt) {
            return RuleBook.decide(refs, date -> compiled, caseType, district, part, receivedAt, now);
        }
    }

    /**
     * The files read, with the effective date of their one new version replaced by {@code effectiveFrom} (null: as
     * read). Field errors {@code effectiveFrom} when the files hold no or several new versions, or when the date is
     * before the version's adoption or before the effective date of the latest published version.
     */
    private static RuleFileParser.Result withEffectiveFrom(RegionState s, RuleFileParser.Result r, LocalDate effectiveFrom) {
        if (effectiveFrom == null || !r.ok()) {
            return r;
        }
        java.util.Set<Integer> stored = new java.util.HashSet<>();
        s.versions().forEach(v -> stored.add(v.version()));
        List<DispatchRuleSet> fresh = r.versions().stream().filter(v -> !stored.contains(v.version())).toList();
        if (fresh.size() != 1) {
            throw new InvalidInputException("effectiveFrom", "not-one-version", "An effective date can be given to one new version;"
                    + " the files hold " + fresh.size());
        }
        DispatchRuleSet v = fresh.get(0);
        if (effectiveFrom.isBefore(v.adoptedOn())) {
            throw new InvalidInputException("effectiveFrom", "before-adoption", "The effective date cannot be before the adoption date "
                    + v.adoptedOn() + " of version " + v.version());
        }
        DispatchRuleSet latest = s.versions().isEmpty() ? null : s.versions().get(s.versions().size() - 1);
        if (latest != null && effectiveFrom.isBefore(latest.effectiveFrom())) {
            throw new InvalidInputException("effectiveFrom", "before-latest", "The effective date cannot be before "
                    + latest.effectiveFrom() + ", the effective date of version " + latest.version());
        }
        DispatchRuleSet changed = new DispatchRuleSet(v.region(), v.version(), v.adoptedOn(), effectiveFrom, v.note(), v.source(),
                v.publishedAt(), v.publishedBy(), v.rules());
        List<DispatchRuleSet> versions = r.versions().stream().map(x -> x == v ? changed : x).toList();
        return new RuleFileParser.Result(versions, r.errors(), r.origins());
    }

    /** Publishes a single rule file (with its {@code #} header); errors as for a folder, fields named {@code line N}. */
    public PublishResult publish(String actor, String region, String source, String content) {
        synchronized (lock) {
            RegionState s = fresh(region);
            RuleFileParser.Result r = RuleFileParser.readSingle(s.refs(), source, content);
            return publish(actor, s, r, true);
        }
    }

    private PublishResult publish(String actor, RegionState s, RuleFileParser.Result r, boolean single) {
        String region = s.refs().region();
        Plan plan = checked(s, r, single);
        List<RuleSetVersion> published = new ArrayList<>();
        if (!plan.fresh().isEmpty()) {
            Instant now = clock.instant();
            List<DispatchRuleSet> stamped = plan.fresh().stream().map(v -> new DispatchRuleSet(v.region(), v.version(),
                    v.adoptedOn(), v.effectiveFrom(), v.note(), v.source(), now, actor, v.rules())).toList();
            store.insert(stamped);
            RegionState updated = RegionState.of(s.refs(), store.load(region));
            states.put(region, updated);
            for (DispatchRuleSet v : stamped) {
                RuleSetVersion summary = updated.version(v.version()).map(DispatchRuleSet::summary).orElse(v.summary());
                published.add(summary);
                audit.record(AuditRecord.of(actor, AUDIT_PUBLISH, region, "version " + v.version(), AuditOutcome.SUCCESS,
                        truncate(v.rules().size() + " rules, adopted " + v.adoptedOn() + ", effective from " + v.effectiveFrom()
                                + ", from " + v.source(), 500)));
            }
        }
        return new PublishResult(region, published, plan.unchanged());
    }

    /** The plan of a source read; {@link InvalidInputException} when a file is invalid, {@link RuleSetConflict} on a conflict. */
    private static Plan checked(RegionState s, RuleFileParser.Result r, boolean single) {
        if (!r.ok()) {
            throw new InvalidInputException(r.errors().stream().map(e -> new FieldError(
                    single ? (e.line() == 0 ? "file" : "line " + e.line()) : fileName(e.source()) + ":" + e.line(),
                    "invalid-rule-file", e.message())).toList());
        }
        Plan plan = plan(s, r);
        if (!plan.conflicts().isEmpty()) {
            StringBuilder m = new StringBuilder("Not published (nothing changed): ");
            for (int i = 0; i < plan.conflicts().size(); i++) {
                RuleFileError e = plan.conflicts().get(i);
                m.append(i == 0 ? "" : "; ").append(fileName(e.source())).append(':').append(e.line()).append(": ").append(e.message());
            }
            throw new RuleSetConflict(m.toString(), plan.conflicts());
        }
        return plan;
    }

    /**
     * The region's state with a fresh reference snapshot and the versions as stored now, for checking and
     * publishing. Not put in the cache: decisions keep using the cached state until a publication completes.
     */
    private RegionState fresh(String region) {
        return RegionState.of(refsLoader.apply(region), store.load(region));
    }

    /** Sorts the versions read into new ones, unchanged ones and conflicts with what is published. */
    private static Plan plan(RegionState s, RuleFileParser.Result r) {
        Map<Integer, DispatchRuleSet> stored = new HashMap<>();
        s.versions().forEach(v -> stored.put(v.version(), v));
        DispatchRuleSet latest = s.versions().isEmpty() ? null : s.versions().get(s.versions().size() - 1);
        int latestStored = latest == null ? 0 : latest.version();
        List<DispatchRuleSet> fresh = new ArrayList<>();
        List<Integer> unchanged = new ArrayList<>();
        List<RuleFileError> conflicts = new ArrayList<>();
        List<DispatchRuleSet> candidates = new ArrayList<>(r.versions());
        candidates.sort(Comparator.comparingInt(DispatchRuleSet::version));
        for (DispatchRuleSet c : candidates) {
            RuleFileParser.Origin o = r.origin(c.version());
            DispatchRuleSet old = stored.get(c.version());
            if (old != null) {
                if (Fingerprint.of(old).equals(Fingerprint.of(c))) {
                    unchanged.add(c.version());
                } else {
                    conflicts.add(new RuleFileError(o.source(), o.line(), "version " + c.version() + " is already published (on "
                            + old.publishedAt() + " by " + old.publishedBy() + ") with other content (" + difference(old, c)
                            + "): a published version never changes; give the new rules a new version number above " + latestStored));
                }
            } else if (latest != null && c.version() < latest.version()) {
                conflicts.add(new RuleFileError(o.source(), o.line(), "version " + c.version() + " is new but below version "
                        + latest.version() + ", the latest published: a new version must get a number above " + latest.version()));
            } else if (latest != null && c.effectiveFrom().isBefore(latest.effectiveFrom())) {
                conflicts.add(new RuleFileError(o.source(), o.line(), "effective_from " + c.effectiveFrom() + " is earlier than "
                        + latest.effectiveFrom() + ", the effective date of version " + latest.version()
                        + ": a new version cannot take effect before the one it follows"));
            } else {
                fresh.add(c);
                latest = c;
            }
        }
        return new Plan(fresh, unchanged, conflicts);
    }

    /** What differs between a published version and a new definition of it, briefly. */
    static String difference(DispatchRuleSet old, DispatchRuleSet c) {
        if (!old.adoptedOn().equals(c.adoptedOn())) {
            return "adopted_on " + c.adoptedOn() + " instead of " + old.adoptedOn();
        }
        if (!old.effectiveFrom().equals(c.effectiveFrom())) {
            return "effective_from " + c.effectiveFrom() + " instead of " + old.effectiveFrom();
        }
        int n = Math.min(old.rules().size(), c.rules().size());
        for (int i = 0; i < n; i++) {
            DispatchRule a = old.rules().get(i);
            DispatchRule b = c.rules().get(i);
            if (!same(a, b)) {
                return "rule " + (i + 1) + " (" + b.id() + ", line " + b.line() + ") differs from the published rule " + a.id();
            }
        }
        if (old.rules().size() != c.rules().size()) {
            return c.rules().size() + " rules instead of " + old.rules().size();
        }
        return "the note differs";
    }

    private static boolean same(DispatchRule a, DispatchRule b) {
        return new DispatchRule(a.id(), a.caseType(), a.serviceLine(), a.district(), a.part(), a.office(), a.fallback(),
                a.explanation(), 0).equals(new DispatchRule(b.id(), b.caseType(), b.serviceLine(), b.district(), b.part(),
                        b.office(), b.fallback(), b.explanation(), 0));
    }

    // ------------------------------------------------------------------ keeping the cache current

    /**
     * Brings the cache up to date: a region whose reference data was reloaded gets a new snapshot; a region whose
     * count of stored versions differs (published by another node) is read again.
     *
     * @param loadedAt     when each region's reference data was loaded, as the region service says now
     * @param storedCounts how many versions each region has stored
     */
    public void refresh(Map<String, Instant> loadedAt, Map<String, Long> storedCounts) {
        for (String region : cachedRegions()) {
            RegionState s = states.get(region);
            if (s == null) {
                continue;
            }
            Instant loaded = loadedAt.get(region);
            boolean refsStale = loaded == null || !loaded.equals(s.refs().loadedAt());
            boolean versionsStale = storedCounts.getOrDefault(region, 0L) != s.versions().size();
            if (refsStale || versionsStale) {
                synchronized (lock) {
                    if (loaded == null) {
                        states.remove(region); // the region is gone; asked again, it is looked up again
                    } else {
                        RegionRefs refs = refsStale ? refsLoader.apply(region) : s.refs();
                        states.put(region, versionsStale ? RegionState.of(refs, store.load(region)) : s.withRefs(refs));
                    }
                }
            }
        }
    }

    /** Forgets every reference snapshot (the case-type catalogue changed); versions are kept. */
    public void refreshRefs() {
        synchronized (lock) {
            for (String region : cachedRegions()) {
                RegionState s = states.get(region);
                try {
                    states.put(region, s.withRefs(refsLoader.apply(region)));
                } catch (RuntimeException e) {
                    states.remove(region);
                }
            }
        }
    }

    static String fileName(String source) {
        if (source == null) {
            return "";
        }
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 ? source : source.substring(slash + 1);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
