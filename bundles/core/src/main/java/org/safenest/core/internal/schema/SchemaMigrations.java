package org.safenest.core.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.safenest.api.schema.SchemaReady;
import org.safenest.core.internal.schema.SchemaChangelog.AppliedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.resource.OSGiResourceAccessor;

/**
 * Applies the schema migrations of every bundle that declares a persistence unit's changelog in its manifest
 * ({@code Safenest-Schema: safenest-intake;changelog=db/changelog/safenest-intake.xml}) when the bundle starts, one
 * unit after another on a thread of its own, and then registers a {@link SchemaReady} for the unit, which the unit's
 * components require. EclipseLink creates no tables: a unit's components start only on a migrated schema. A unit
 * whose migration fails gets no {@code SchemaReady} (its capability stays down, the log says why) and is tried again
 * when its bundle starts again; the other units are not affected.
 */
@Component(service = SchemaMigrations.class, immediate = true)
public class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** A unit's state as the console shows it. */
    public record UnitState(String unit, String bundle, String changelog, String status, String version, String error) {
    }

    record Declared(String unit, String changelog) {
    }

    /** How often a unit's migration is tried before it counts as failed. */
    static final int ATTEMPTS = 4;

    private final DataSource dataSource;
    private final BundleContext context;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "safenest-schema-migrations"));
    private final Map<String, UnitState> states = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<SchemaReady>> ready = new ConcurrentHashMap<>();
    private final BundleTracker<List<Declared>> tracker;

    @Activate
    public SchemaMigrations(@Reference(target = "(osgi.jndi.service.name=safenest)") DataSource dataSource, BundleContext context) {
        this.dataSource = dataSource;
        this.context = context;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public List<Declared> addingBundle(Bundle bundle, BundleEvent event) {
                List<Declared> units = declared(bundle);
                if (units.isEmpty()) {
                    return null;
                }
                for (Declared d : units) {
                    states.put(d.unit(), new UnitState(d.unit(), bundle.getSymbolicName(), d.changelog(), "waiting", null, null));
                    worker.execute(() -> migrate(bundle, d));
                }
                return units;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, List<Declared> units) {
                // STARTING -> ACTIVE: nothing to do
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, List<Declared> units) {
                for (Declared d : units) {
                    withdraw(d.unit());
                    states.remove(d.unit());
                }
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
        for (String unit : List.copyOf(ready.keySet())) {
            withdraw(unit);
        }
    }

    /** The units of the started bundles, by name. */
    public List<UnitState> units() {
        List<UnitState> all = new ArrayList<>(states.values());
        all.sort(Comparator.comparing(UnitState::unit));
        return all;
    }

    /** The changes applied to a unit's schema, oldest first (empty when the unit was never migrated). */
    public List<AppliedChange> history(String unit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SchemaChangelog.history(c, unit);
        }
    }

    /** The units and changelogs a bundle declares in its {@code Safenest-Schema} header. */
    static List<Declared> declared(Bundle bundle) {
        String header = bundle.getHeaders("").get(SchemaReady.HEADER);
        return header == null ? List.of() : parse(header, bundle.getSymbolicName());
    }

    static List<Declared> parse(String header, String bundle) {
        List<Declared> units = new ArrayList<>();
        for (String clause : header.split(",")) {
            String[] parts = clause.trim().split(";");
            String unit = parts[0].trim();
            String changelog = null;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals("changelog")) {
                    changelog = kv[1].trim().replace("\"", "");
                }
            }
            if (unit.isEmpty() || changelog == null || changelog.isEmpty()) {
                LOG.error("Bundle {}: header {} must read <unit>;changelog=<path in the bundle>, not '{}'", bundle, SchemaReady.HEADER,
                        clause.trim());
                continue;
            }
            units.add(new Declared(unit, changelog));
        }
        return units;
    }

    private void migrate(Bundle bundle, Declared d) {
        if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0 || Thread.currentThread().isInterrupted()) {
            LOG.info("Schema of {} not migrated: bundle {} stopped meanwhile", d.unit(), bundle.getSymbolicName());
            return;
        }
        states.computeIfPresent(d.unit(), (u, s) -> new UnitState(u, s.bundle(), s.changelog(), "migrating", null, null));
        LOG.info("Schema of {}: applying {} of bundle {}", d.unit(), d.changelog(), bundle.getSymbolicName());
        long started = System.nanoTime();
        try {
            List<AppliedChange> before;
            List<AppliedChange> after;
            String mark = SchemaChangelog.mark(changelogBytes(bundle, d));
            boolean upToDate;
            try (Connection c = dataSource.getConnection()) {
                upToDate = SchemaChangelog.upToDate(c, d.unit(), mark);
                before = SchemaChangelog.history(c, d.unit());
            }
            if (upToDate) {
                after = before;
            } else {
                after = migrateRetrying(bundle, d);
                try (Connection c = dataSource.getConnection()) {
                    SchemaChangelog.markUpToDate(c, d.unit(), mark);
                }
            }
            List<AppliedChange> recorded = after.subList(before.size(), after.size());
            long found = recorded.stream().filter(a -> "MARK_RAN".equals(a.type())).count();
            String version = after.isEmpty() ? "" : after.get(after.size() - 1).id();
            if (upToDate) {
                LOG.info("Schema of {} at version {}: up to date with its changelog, {} changes ({} ms)", d.unit(), version,
                        after.size(), (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.info("Schema of {} at version {}: {} change(s) run now, {} found already made, {} in all ({} ms)", d.unit(), version,
                        recorded.size() - found, found, after.size(), (System.nanoTime() - started) / 1_000_000);
            }
            if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                return;
            }
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(SchemaReady.UNIT, d.unit());
            props.put(SchemaReady.VERSION, version);
            ServiceRegistration<SchemaReady> registration = context.registerService(SchemaReady.class, new Ready(d.unit(), version), props);
            ServiceRegistration<SchemaReady> previous = ready.put(d.unit(), registration);
            if (previous != null) {
                unregister(previous);
            }
            // after the registration: by now the unit's components have started, so health says UP only then
            states.computeIfPresent(d.unit(), (u, s) -> new UnitState(u, s.bundle(), s.changelog(), "ready", version, null));
        } catch (Exception | LinkageError e) {
            LOG.error("Schema migration of {} (bundle {}, {}) failed; its components stay stopped until the bundle starts again",
                    d.unit(), bundle.getSymbolicName(), d.changelog(), e);
            states.computeIfPresent(d.unit(), (u, s) -> new UnitState(u, s.bundle(), s.changelog(), "failed", null, rootMessage(e)));
        }
    }

    /** The changelog file as the bundle holds it. */
    private static byte[] changelogBytes(Bundle bundle, Declared d) throws java.io.IOException {
        java.net.URL entry = bundle.getEntry(d.changelog());
        if (entry == null) {
            entry = bundle.getResource(d.changelog());
        }
        if (entry == null) {
            throw new java.io.FileNotFoundException("bundle " + bundle.getSymbolicName() + " has no " + d.changelog());
        }
        try (java.io.InputStream in = entry.openStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * Runs the unit's changelog, and again after a pause when that fails, up to {@value #ATTEMPTS} times. Nodes that
     * start together on an empty database race to create Liquibase's history table before its lock protects anything
     * (one of two nodes failed in two of three tries on PostgreSQL); on the next attempt the table exists, the lock
     * serialises the nodes and the loser finds the work done.
     */
    private List<AppliedChange> migrateRetrying(Bundle bundle, Declared d) throws Exception {
        for (int attempt = 1;; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return SchemaChangelog.migrate(c, new OSGiResourceAccessor(bundle), d.unit(), d.changelog());
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || (bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                    throw e;
                }
                LOG.warn("Schema migration of {}, attempt {} of {}, failed ({}); trying again in {} s", d.unit(), attempt, ATTEMPTS,
                        rootMessage(e), attempt * 2);
                Thread.sleep(attempt * 2000L);
            }
        }
    }

    private void withdraw(String unit) {
        ServiceRegistration<SchemaReady> registration = ready.remove(unit);
        if (registration != null) {
            unregister(registration);
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // core is stopping
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private record Ready(String unit, String version) implements SchemaReady {
    }
}
