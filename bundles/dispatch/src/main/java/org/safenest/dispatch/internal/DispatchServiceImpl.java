package org.safenest.dispatch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.api.schema.SchemaReady;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.dispatch.internal.jpa.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch service. Rule sets come from region bundles ({@code safenest-region/dispatch/versions.csv}), from
 * the drop-in folder ({@code ${karaf.etc}/safenest/dispatch/<region>/versions.csv}, looked at every few seconds)
 * and from the API; published versions are stored in the {@code safenest-dispatch} unit and kept in memory for
 * decisions.
 */
@Component(service = {DispatchService.class, DispatchAdmin.class}, configurationPid = DispatchServiceImpl.PID)
@Designate(ocd = DispatchServiceImpl.Config.class)
public class DispatchServiceImpl implements DispatchService, DispatchAdmin {

    public static final String PID = "org.safenest.dispatch";
    static final String REGION_HEADER = "Safenest-Region";
    private static final Logger LOG = LoggerFactory.getLogger(DispatchServiceImpl.class);

    @ObjectClassDefinition(name = "Safenest dispatch rules", description = "Where dispatch rule sets are dropped in at run time")
    public @interface Config {
        @AttributeDefinition(description = "Folder watched for rule sets dropped in, one sub-folder per region holding versions.csv "
                + "and its rule files; empty means ${karaf.etc}/safenest/dispatch")
        String folder() default "";

        @AttributeDefinition(description = "Seconds between two looks at the folder (and at versions published by other nodes)")
        int poll_seconds() default 5;
    }

    private final RegionService regions;
    private final DispatchStore store;
    private final RuleBook book;
    private final RuleSources sources;
    private final ScheduledExecutorService worker;
    private final BundleTracker<String> tracker;
    private final AtomicLong catalogueGeneration = new AtomicLong();
    private volatile CaseTypeCatalogue catalogue;

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-dispatch)")
    SchemaReady schemaReady;

    @Activate
    public DispatchServiceImpl(@Reference(target = "(osgi.unit.name=safenest-dispatch)") JpaTemplate jpa,
            @Reference RegionService regions, @Reference AuditLog audit, BundleContext context, Config config) {
        this.regions = regions;
        this.store = new DispatchStore(new Transactions() {
            @Override
            public <R> R required(java.util.function.Function<javax.persistence.EntityManager, R> work) {
                return jpa.txExpr(TransactionType.Required, work::apply);
            }
        });
        Clock clock = Clock.systemUTC();
        this.book = new RuleBook(store, this::refs, audit, clock);
        this.sources = new RuleSources(book, dropFolder(config), this::refsStamp, audit, clock);
        book.onFirstUse(region -> {
            try {
                sources.publishPending(region);
            } catch (RuntimeException e) {
                LOG.warn("Dispatch rules of region {} could not be published before first use: {}", region, e.toString());
            }
        });
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "safenest-dispatch-rules"));
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders().get(REGION_HEADER);
                if (header == null || bundle.getEntry(RuleFiles.BUNDLE_FOLDER + RuleFiles.VERSIONS) == null) {
                    return null;
                }
                String region = regionCode(bundle, header.trim());
                if (region == null) {
                    return null;
                }
                sources.addBundle(bundle.getBundleId(), region, RuleFiles.of(bundle), bundle.getLastModified());
                worker.execute(DispatchServiceImpl.this::tick);
                return region;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String region) {
                worker.execute(() -> sources.removeBundle(bundle.getBundleId()));
            }
        };
        tracker.open();
        int seconds = Math.max(1, config.poll_seconds());
        worker.scheduleWithFixedDelay(this::tick, 1, seconds, TimeUnit.SECONDS);
        LOG.info("Dispatch rules: watching {} every {} s", sources.dropFolder(), seconds);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindCatalogue(CaseTypeCatalogue c) {
        catalogue = c;
        catalogueChanged();
    }

    void unbindCatalogue(CaseTypeCatalogue c) {
        if (catalogue == c) {
            catalogue = null;
            catalogueChanged();
        }
    }

    private void catalogueChanged() {
        catalogueGeneration.incrementAndGet();
        try {
            worker.execute(book::refreshRefs);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Path dropFolder(Config config) {
        if (config.folder() != null && !config.folder().isBlank()) {
            return Path.of(config.folder().trim());
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Path.of(etc, "safenest", "dispatch");
    }

    /** The region code of a region bundle, from the {@code code} of its region.properties. */
    private static String regionCode(Bundle bundle, String descriptor) {
        URL url = bundle.getEntry(descriptor);
        if (url == null) {
            LOG.error("Region bundle {} names {} but has no such entry: its dispatch rules are ignored", bundle.getSymbolicName(), descriptor);
            return null;
        }
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            String code = p.getProperty("code");
            if (code == null || code.isBlank()) {
                LOG.error("Region bundle {}: {} has no 'code': its dispatch rules are ignored", bundle.getSymbolicName(), descriptor);
                return null;
            }
            return code.trim();
        } catch (IOException e) {
            LOG.error("Region bundle {}: cannot read {}: {}", bundle.getSymbolicName(), descriptor, e.toString());
            return null;
        }
    }

    /** One look at every source, and at what other nodes published; runs on the worker thread. */
    private void tick() {
        try {
            Map<String, Instant> loaded = new HashMap<>();
            for (Region r : regions.regions()) {
                loaded.put(r.code(), r.loadedAt());
            }
            book.refresh(loaded, store.counts());
            sources.tick();
        } catch (RuntimeException e) {
            LOG.warn("Dispatch rules: look at the sources failed, trying again: {}", e.toString());
        }
    }

    private RegionRefs refs(String region) {
        Region r = regions.require(region);
        return RegionRefs.of(r, regions.districts(region), regions.offices(region), caseTypes(region));
    }

    private List<CaseType> caseTypes(String region) {
        CaseTypeCatalogue c = catalogue;
        if (c != null) {
            try {
                return c.caseTypes(region);
            } catch (RuntimeException e) {
                LOG.debug("Case-type catalogue has no types for {}: {}", region, e.toString());
            }
        }
        return CaseType.DEFAULTS;
    }

    private String refsStamp(String region) {
        return regions.region(region).map(r -> r.loadedAt() + "#" + catalogueGeneration.get()).orElse(null);
    }

    // ------------------------------------------------------------------ DispatchService

    @Override
    public DispatchDecision dispatch(String region, String caseType, String district, String part, Instant receivedAt) {
        return book.dispatch(region, caseType, district, part, receivedAt);
    }

    @Override
    public List<RuleSetVersion> versions(String region) {
        return book.versions(region);
    }

    @Override
    public Optional<DispatchRuleSet> ruleSet(String region, int version) {
        return book.ruleSet(region, version);
    }

    @Override
    public Optional<DispatchRuleSet> inForce(String region, LocalDate date) {
        return book.inForce(region, date);
    }

    @Override
    public List<RuleFileError> validate(String region, String source, String content) {
        return book.validate(region, source, content);
    }

    @Override
    public RuleSetVersion publish(Caller caller, String region, String source, String content) {
        caller.requireAny(Role.ADMIN);
        caller.requireRegion(region);
        PublishResult r = book.publish(caller.name(), region, source, content);
        if (!r.published().isEmpty()) {
            return r.published().get(0);
        }
        return book.ruleSet(region, r.unchanged().get(0)).orElseThrow().summary();
    }

    // ------------------------------------------------------------------ DispatchAdmin

    @Override
    public List<RuleFileError> validate(String region, RuleFiles files) {
        return book.validate(region, files);
    }

    @Override
    public PublishResult publish(Caller caller, String region, RuleFiles files) {
        caller.requireAny(Role.ADMIN);
        caller.requireRegion(region);
        return book.publish(caller.name(), region, files);
    }

    @Override
    public PublishResult publish(Caller caller, String region, RuleFiles files, LocalDate effectiveFrom) {
        caller.requireAny(Role.ADMIN, Role.SUPERVISOR);
        caller.requireRegion(region);
        return book.publish(caller.name(), region, files, effectiveFrom);
    }

    @Override
    public RuleBook.Draft draft(String region, RuleFiles files, LocalDate effectiveFrom) {
        return book.draft(region, files, effectiveFrom);
    }

    @Override
    public List<SourceProblem> problems() {
        return sources.problems();
    }

    @Override
    public Path dropFolder() {
        return sources.dropFolder();
    }

    @Override
    public ZoneId zone(String region) {
        return book.zone(region);
    }
}
