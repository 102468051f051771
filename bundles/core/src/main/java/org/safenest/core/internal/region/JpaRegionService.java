package org.safenest.core.internal.region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.safenest.api.schema.SchemaReady;
import org.safenest.core.internal.jpa.Transactions;
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
import org.osgi.util.tracker.BundleTracker;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.Catchment;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.Office;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.RegionService;
import org.safenest.api.region.RegionCounts;
import org.safenest.api.region.RegionUsage;
import org.safenest.api.error.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regions of this installation. Region bundles (header {@code Safenest-Region}) are picked up as they
 * start; their data is loaded in the background when it is new or its files changed, so a restart with the
 * same files keeps the stored data as it is.
 */
@Component(service = {RegionService.class, RegionLoading.class, RegionAdministration.class, RegionCaseTypes.class})
public class JpaRegionService implements RegionService, RegionLoading, RegionAdministration, RegionCaseTypes {

    static final String HEADER = "Safenest-Region";
    private static final Logger LOG = LoggerFactory.getLogger(JpaRegionService.class);

    private final RegionStore store;
    private final AuditLog audit;
    private final Map<String, Bundle> regionBundles = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Map<Long, String> pending = new ConcurrentHashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> new Thread(r, "safenest-region-loader"));
    private final BundleTracker<String> tracker;

    /** Capabilities that keep records of regions: a region they keep records of is not removed. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<RegionUsage> usages = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The unit's tables exist and are at the newest version (core migrated them): required before any database work. */
    @Reference(target = "(unit=safenest-core)")
    SchemaReady schemaReady;

    @Activate
    public JpaRegionService(@Reference(target = "(osgi.unit.name=safenest-core)") JpaTemplate jpa,
            @Reference AuditLog audit, BundleContext context) {
        this.store = new RegionStore(new Transactions() {
            @Override
            public <R> R required(java.util.function.Function<javax.persistence.EntityManager, R> work) {
                return jpa.txExpr(TransactionType.Required, work::apply);
            }
        });
        this.audit = audit;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getHeaders().get(HEADER) == null) {
                    return null;
                }
                try {
                    // Known at once, so that a reload right after the bundle starts finds it.
                    regionBundles.put(RegionDataReader.code(RegionSource.of(bundle)), bundle);
                } catch (RegionDataException e) {
                    LOG.error("Region bundle {} is invalid: {}", bundle.getSymbolicName(), e.getMessage());
                    problems.put(bundle.getSymbolicName(), e.getMessage());
                    return bundle.getSymbolicName();
                }
                pending.put(bundle.getBundleId(), bundle.getSymbolicName());
                loader.submit(() -> loadFromBundle(bundle));
                return bundle.getSymbolicName();
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String name) {
                regionBundles.values().removeIf(b -> b.getBundleId() == bundle.getBundleId());
                // A bundle that is gone is no longer a problem of this installation (the health checks read these).
                problems.remove(name);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        loader.shutdownNow();
        loader.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void loadFromBundle(Bundle bundle) {
        String name = bundle.getSymbolicName();
        try {
            RegionDataReader.RegionFiles files = RegionDataReader.readAll(RegionSource.of(bundle));
            RegionData data = files.data();
            RegionStore.BundleLoad outcome = loadOnce(files, name);
            switch (outcome) {
                case KEPT_FOLDER_DATA -> LOG.info("Region {} keeps the data loaded from a folder; 'safenest:region-reload {}' goes back to {}",
                        data.code(), data.code(), name);
                case UP_TO_DATE -> LOG.info("Region {} is up to date ({})", data.code(), name);
                case LOADED -> {
                    Region region = store.require(data.code());
                    LOG.info("Region {} loaded from {}: {}", region.code(), name, region.counts());
                    audit.record(AuditRecord.of("system", "region.load", region.code(), name, AuditOutcome.SUCCESS,
                            region.counts().toString()));
                }
            }
            problems.remove(name);
        } catch (RegionDataException e) {
            LOG.error("Region data in bundle {} is invalid: {}", name, e.getMessage());
            problems.put(name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Region data in bundle {} could not be stored", name, e);
            problems.put(name, "could not be stored: " + e);
        } finally {
            pending.remove(bundle.getBundleId());
        }
    }

    @Override
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public boolean loading() {
        return !pending.isEmpty();
    }

    @Override
    public List<Region> regions() {
        return store.regions();
    }

    @Override
    public Optional<Region> region(String code) {
        return store.region(code);
    }

    @Override
    public Region require(String code) {
        return store.require(code);
    }

    @Override
    public List<District> districts(String region) {
        return store.districts(region);
    }

    @Override
    public Optional<District> district(String region, String codeOrName) {
        List<District> all = store.districts(region);
        RegionDataReader.DistrictIndex index = new RegionDataReader.DistrictIndex(all);
        return Optional.ofNullable(index.find(codeOrName));
    }

    @Override
    public List<Office> offices(String region) {
        return store.offices(region);
    }

    @Override
    public Optional<Office> office(String region, String code) {
        return store.offices(region).stream().filter(o -> o.code().equals(code)).findFirst();
    }

    @Override
    public List<Preschool> preschools(String region, String district) {
        return store.preschools(region, district);
    }

    @Override
    public List<DistrictIndicator> indicators(String region, String indicator) {
        return store.indicators(region, indicator);
    }

    /**
     * Stores a bundle's region data once on this database. Another node starting at the same time may create the same
     * new region in the same moment: one of the two inserts fails on the region's key, and the loser looks again (and
     * finds the region up to date).
     */
    private RegionStore.BundleLoad loadOnce(RegionDataReader.RegionFiles files, String bundleName) {
        RegionData data = files.data();
        for (int attempt = 1;; attempt++) {
            try {
                return store.loadFromBundle(data, files.caseTypes());
            } catch (RuntimeException e) {
                if (attempt >= 3) {
                    throw e;
                }
                LOG.info("Region {} from {}: storing failed ({}); another node may be storing it at the same time, looking again",
                        data.code(), bundleName, e.getClass().getSimpleName());
                try {
                    Thread.sleep(250L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public List<org.safenest.api.intake.CaseType> caseTypes(String region) {
        return store.caseTypes(region);
    }

    @Override
    public List<Catchment> catchments(String region) {
        return store.catchments(region);
    }

    @Override
    public Region reload(String region, Path folder) {
        RegionSource source;
        if (folder == null) {
            Bundle bundle = regionBundles.get(region);
            if (bundle == null) {
                store.require(region);
                throw new InvalidInputException("folder", "required",
                        "Region '" + region + "' has no region bundle installed: give a folder to load it from");
            }
            source = RegionSource.of(bundle);
        } else {
            if (!Files.isDirectory(folder)) {
                throw new InvalidInputException("folder", "not-a-folder", "'" + folder + "' is not a folder");
            }
            source = RegionSource.of(folder);
        }
        RegionData data;
        RegionDataReader.RegionFiles files;
        try {
            files = RegionDataReader.readAll(source);
            data = files.data();
        } catch (RegionDataException e) {
            // every problem found, each under its file and line
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new org.safenest.api.error.FieldError(p.file() + (p.line() > 0 ? ":" + p.line() : ""), "invalid-region-data",
                            p.toString()))
                    .toList());
        }
        if (!data.code().equals(region)) {
            throw new InvalidInputException("region.properties", "region-mismatch",
                    "The files describe region '" + data.code() + "', not '" + region + "'");
        }
        if (store.region(region).isEmpty() && folder == null) {
            throw new NotFoundException("region", region);
        }
        // All writes of reference data go through the loader thread, one at a time.
        try {
            return loader.submit(() -> store.replace(data, files.caseTypes())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reloading region " + region, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    // ------------------------------------------------------------------ administration: archives and removal

    @Override
    public UploadResult upload(String expected, byte[] zip, boolean dryRun, String actor) {
        List<Problem> problems = new java.util.ArrayList<>();
        String code = null;
        RegionData data = null;
        List<org.safenest.api.intake.CaseType> caseTypes = List.of();
        try {
            RegionArchive archive = RegionArchive.read(zip, "archive uploaded by " + actor + " at " + java.time.Instant.now());
            try {
                code = RegionDataReader.code(archive);
            } catch (RegionDataException e) {
                // reported again, with the others, by read
            }
            RegionDataReader.RegionFiles files = RegionDataReader.readAll(archive);
            data = files.data();
            caseTypes = files.caseTypes();
        } catch (RegionDataException e) {
            e.problems().forEach(p -> problems.add(new Problem(p.file(), p.line(), p.message())));
        }
        if (expected != null && code != null && !code.equals(expected)) {
            problems.add(0, new Problem(RegionDataReader.DESCRIPTOR, 0, "the files describe region '" + code + "', not '" + expected
                    + "': the code in " + RegionDataReader.DESCRIPTOR + " names the region"));
        }
        boolean exists = code != null && store.exists(code);
        if (expected == null && exists) {
            problems.add(0, new Problem(RegionDataReader.DESCRIPTOR, 0, "region '" + code + "' exists already: replace it with PUT /api/regions/"
                    + code));
        }
        if (!problems.isEmpty() || data == null) {
            if (!dryRun) {
                audit.record(AuditRecord.of(actor, exists ? "region.replace" : "region.create", code, null, AuditOutcome.REJECTED,
                        problems.size() + " problem(s) in the files"));
            }
            return new UploadResult(code, dryRun, false, !exists, List.copyOf(problems), null, null);
        }
        RegionCounts counts = new RegionCounts(data.districts().size(), data.offices().size(), data.preschools().size(),
                data.indicators().size());
        if (dryRun) {
            return new UploadResult(code, true, true, !exists, List.of(), counts, null);
        }
        RegionData stored = data;
        List<org.safenest.api.intake.CaseType> storedTypes = caseTypes;
        Region region;
        try {
            // All writes of reference data go through the loader thread, one at a time.
            region = loader.submit(() -> store.replace(stored, storedTypes)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing region " + code, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        LOG.info("Region {} {} from an uploaded archive: {}", code, exists ? "replaced" : "created", region.counts());
        audit.record(AuditRecord.of(actor, exists ? "region.replace" : "region.create", code, null, AuditOutcome.SUCCESS,
                region.counts().toString()));
        return new UploadResult(code, false, true, !exists, List.of(), region.counts(), region);
    }

    @Override
    public void remove(String code, String actor) {
        if (!store.exists(code)) {
            throw new NotFoundException("region", code);
        }
        Bundle bundle = regionBundles.get(code);
        if (bundle != null) {
            refuse(code, actor, "Region '" + code + "' is provided by the installed region bundle " + bundle.getSymbolicName()
                    + ", which would load it again: uninstall the bundle's feature first");
        }
        List<String> records = new java.util.ArrayList<>();
        for (RegionUsage usage : usages) {
            usage.records(code).ifPresent(records::add);
        }
        if (!records.isEmpty()) {
            refuse(code, actor, "Region '" + code + "' is not removed: it holds " + String.join(" and ", records)
                    + ", which are kept. Replace its files instead (PUT /api/regions/" + code + ")");
        }
        boolean removed;
        try {
            removed = loader.submit(() -> store.remove(code)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing region " + code, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        if (!removed) {
            throw new NotFoundException("region", code);
        }
        LOG.info("Region {} removed", code);
        audit.record(AuditRecord.of(actor, "region.remove", code, null, AuditOutcome.SUCCESS, "removed with its reference data"));
    }

    private void refuse(String code, String actor, String message) {
        audit.record(AuditRecord.of(actor, "region.remove", code, null, AuditOutcome.REJECTED, message));
        throw new ConflictException(message);
    }
}
