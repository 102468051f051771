package org.safenest.core.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the embedded Derby database with Derby's own procedure, {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}:
 * the database keeps serving while it is copied, and the copy is consistent (Derby copies the data files and the log
 * written meanwhile). Each backup goes into its own folder, {@code safenest-yyyyMMdd-HHmmss} (UTC), which holds the
 * database folder {@code safenest}; restoring is copying that folder back to {@code data/derby/safenest} while
 * Safenest is stopped (README, "Backup and restore"). One backup runs at a time.
 */
@Component(service = DatabaseBackup.class, configurationPid = DatabaseBackup.PID)
@Designate(ocd = BackupConfiguration.class)
public class DatabaseBackup {

    public static final String PID = "org.safenest.backup";
    static final String PREFIX = "safenest-";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);

    /** One backup: its folder, the bytes it holds, and how long it took. */
    public record Backup(String name, Path folder, long bytes, Duration took) {
    }

    /** How far a running backup has got: bytes copied so far of about {@code total}. */
    public record Progress(long copied, long total) {
    }

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "safenest-backup");
        t.setDaemon(true);
        return t;
    });
    private volatile BackupConfiguration config;
    private volatile ScheduledFuture<?> next;

    @Activate
    public DatabaseBackup(@Reference(target = "(osgi.jndi.service.name=safenest)") DataSource dataSource,
            @Reference AuditLog audit, BackupConfiguration config) {
        this(dataSource, audit, config, Clock.systemDefaultZone());
    }

    DatabaseBackup(DataSource dataSource, AuditLog audit, BackupConfiguration config, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(BackupConfiguration config) {
        LocalTime at = dailyAt(config);
        this.config = config;
        ScheduledFuture<?> previous = next;
        if (previous != null) {
            previous.cancel(false);
        }
        next = null;
        if (at != null) {
            schedule(at);
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    /** The configured folder, resolved against Karaf's home folder when relative. */
    public Path folder() {
        Path p = Path.of(config.folder());
        return p.isAbsolute() ? p : Path.of(System.getProperty("karaf.home", ".")).resolve(p).normalize();
    }

    /** Backs up into the configured folder and then keeps only the configured number of backups. */
    public Backup backupAndPrune(String actor, Consumer<Progress> progress) {
        Backup b = backup(folder(), actor, progress);
        prune(folder(), config.keep());
        return b;
    }

    /**
     * Backs the database up into a new sub-folder of {@code parent} (created if needed), reporting progress about once
     * a second. Fails with a conflict while another backup runs, and with invalid input when the database is not
     * Derby (use the database's own tools, for PostgreSQL {@code pg_dump}).
     */
    public Backup backup(Path parent, String actor, Consumer<Progress> progress) {
        if (!running.tryLock()) {
            throw new ConflictException("A backup is already running; try again when it has finished");
        }
        long started = System.nanoTime();
        String name = PREFIX + LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(NAME);
        Path target = parent.toAbsolutePath().normalize().resolve(name);
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            if (!meta.getDatabaseProductName().contains("Derby")) {
                throw new InvalidInputException("database", "not-derby", "Online backup is for the embedded Derby database; this is "
                        + meta.getDatabaseProductName() + ": use its own tools (for PostgreSQL pg_dump or point-in-time recovery)");
            }
            if (Files.exists(target)) {
                throw new ConflictException("The backup folder " + target + " exists already; try again in a second");
            }
            Files.createDirectories(parent);
            long total = size(databaseFolder(meta.getURL()));
            ScheduledFuture<?> reporter = scheduler.scheduleAtFixedRate(() -> progress.accept(new Progress(size(target), total)),
                    1, 1, TimeUnit.SECONDS);
            try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toString());
                call.execute();
            } finally {
                reporter.cancel(false);
            }
            Backup b = new Backup(name, target, size(target), Duration.ofNanos(System.nanoTime() - started));
            progress.accept(new Progress(b.bytes(), b.bytes()));
            LOG.info("Database backed up to {}: {} bytes in {} ms", target, b.bytes(), b.took().toMillis());
            audit.record(AuditRecord.of(actor, "database.backup", null, name, AuditOutcome.SUCCESS,
                    b.bytes() + " bytes in " + b.took().toMillis() + " ms"));
            return b;
        } catch (SQLException e) {
            LOG.error("Database backup to {} failed: SQLState {}, {}", target, e.getSQLState(), e.getMessage());
            audit.record(AuditRecord.of(actor, "database.backup", null, name, AuditOutcome.FAILED, "SQLState " + e.getSQLState()));
            throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup folder " + parent + " cannot be created", e);
        } finally {
            running.unlock();
        }
    }

    /** The backups in {@code parent}, oldest first. */
    public List<Backup> list(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(PREFIX))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new Backup(p.getFileName().toString(), p, size(p), null)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the oldest backups in {@code parent} so that {@code keep} stay ({@code keep} 0 or less keeps all). */
    public List<String> prune(Path parent, int keep) {
        List<Backup> all = list(parent);
        List<String> deleted = new ArrayList<>();
        if (keep <= 0) {
            return deleted;
        }
        for (Backup b : all.subList(0, Math.max(0, all.size() - keep))) {
            deleteTree(b.folder());
            deleted.add(b.name());
            LOG.info("Old backup {} deleted (keep = {})", b.name(), keep);
        }
        return deleted;
    }

    /** The moment of the next scheduled backup after {@code now}, or null without a schedule. */
    static LocalDateTime nextRun(LocalDateTime now, LocalTime at) {
        LocalDateTime today = now.toLocalDate().atTime(at);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    private void schedule(LocalTime at) {
        LocalDateTime now = LocalDateTime.now(clock);
        long delay = Duration.between(now, nextRun(now, at)).toMillis();
        next = scheduler.schedule(() -> {
            try {
                Backup b = backupAndPrune("system", p -> { });
                LOG.info("Scheduled backup {} done", b.name());
            } catch (RuntimeException e) {
                LOG.error("Scheduled backup failed: {}", e.getMessage());
            } finally {
                if (!scheduler.isShutdown()) {
                    schedule(at);
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    static LocalTime dailyAt(BackupConfiguration config) {
        String v = config.daily_at() == null ? "" : config.daily_at().trim();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("daily.at in etc/org.safenest.backup.cfg must be HH:mm, not '" + v + "'");
        }
    }

    /** The database folder of a Derby URL such as {@code jdbc:derby:/opt/safenest/data/derby/safenest;create=true}. */
    static Path databaseFolder(String url) {
        String rest = url.startsWith("jdbc:derby:") ? url.substring("jdbc:derby:".length()) : url;
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            rest = rest.substring(0, semi);
        }
        if (rest.startsWith("directory:")) {
            rest = rest.substring("directory:".length());
        }
        return Path.of(rest);
    }

    static long size(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0; // a file that went while counting
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the old backup " + root, e);
        }
    }
}
