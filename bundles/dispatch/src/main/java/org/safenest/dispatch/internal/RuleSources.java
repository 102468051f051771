package org.safenest.dispatch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule-set sources read without a caller: the {@code safenest-region/dispatch/} folder of region bundles and
 * the drop-in folder ({@code <folder>/<region>/versions.csv}). On each {@link #tick} a source that is new or
 * changed is published (versions not yet stored; all or none); a source that cannot be published is kept as a
 * {@link SourceProblem} until it changes. A dropped-in folder is read once its files have stopped changing
 * for one tick, so a half-copied file is not read. Bundle sources of a region are read before its folder.
 * {@link #tick} and {@link #publishPending} are serialised.
 */
public final class RuleSources {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSources.class);

    /** One source: its region, files and a stamp that changes when the files change. */
    record Source(String key, String region, RuleFiles files, String stamp, boolean bundle) {
    }

    /** The last attempt at a source: its stamp, the region's reference stamp and whether it failed. */
    private record Attempt(String stamp, String refsStamp, boolean failed) {
    }

    private final RuleBook book;
    private final Path dropFolder;
    private final Function<String, String> refsStamp;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Source> bundles = new ConcurrentHashMap<>();
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, SourceProblem> problems = new ConcurrentHashMap<>();

    /**
     * @param dropFolder the folder watched for dropped-in rule sets, or null
     * @param refsStamp  a text that changes when a region's reference data or case types change (so a source
     *                   that failed against them is tried again); null when the region is not loaded
     */
    public RuleSources(RuleBook book, Path dropFolder, Function<String, String> refsStamp, AuditLog audit, Clock clock) {
        this.book = book;
        this.dropFolder = dropFolder;
        this.refsStamp = refsStamp;
        this.audit = audit;
        this.clock = clock;
    }

    public Path dropFolder() {
        return dropFolder;
    }

    /** A region bundle with rule files started. */
    public void addBundle(long bundleId, String region, RuleFiles files, long lastModified) {
        String key = "bundle:" + bundleId;
        bundles.put(key, new Source(key, region, files, files.describe() + "@" + lastModified, true));
    }

    /** The region bundle stopped: its versions stay published; its problem is forgotten. */
    public void removeBundle(long bundleId) {
        String key = "bundle:" + bundleId;
        bundles.remove(key);
        attempts.remove(key);
        problems.remove(key);
    }

    public List<SourceProblem> problems() {
        List<SourceProblem> list = new ArrayList<>(problems.values());
        list.sort(Comparator.comparing(SourceProblem::since).thenComparing(SourceProblem::source));
        return list;
    }

    /** Publishes what is new or changed in the sources of one region, now (folders without waiting). */
    public synchronized void publishPending(String region) {
        List<Source> sources = new ArrayList<>(bundles.values());
        sources.sort(Comparator.comparing(Source::key));
        sources.addAll(folders());
        for (Source s : sources) {
            if (s.region().equals(region)) {
                process(s);
            }
        }
    }

    /** Publishes what is new or changed in every source. */
    public synchronized void tick() {
        List<Source> sources = new ArrayList<>(bundles.values());
        sources.sort(Comparator.comparing(Source::key));
        List<Source> folders = folders();
        for (Source s : sources) {
            process(s);
        }
        for (Source s : folders) {
            // only once the files stopped changing
            String previous = lastSeen.put(s.key(), s.stamp());
            if (s.stamp().equals(previous)) {
                process(s);
            }
        }
        lastSeen.keySet().retainAll(folders.stream().map(Source::key).toList());
        // a folder removed: its versions stay published, its problem is forgotten
        for (String key : List.copyOf(problems.keySet())) {
            if (key.startsWith("folder:") && !lastSeen.containsKey(key)) {
                problems.remove(key);
                attempts.remove(key);
            }
        }
    }

    private void process(Source s) {
        String refs = refsStamp.apply(s.region());
        Attempt last = attempts.get(s.key());
        if (last != null && last.stamp().equals(s.stamp()) && (!last.failed() || Objects.equals(last.refsStamp(), refs))) {
            return;
        }
        String label = s.files().describe();
        if (refs == null) {
            problem(s, List.of("region '" + s.region() + "' is not loaded (yet): its rule sets are published once it is"), false);
            attempts.put(s.key(), new Attempt(s.stamp(), null, true));
            return;
        }
        try {
            PublishResult r = book.publish(RuleBook.SYSTEM, s.region(), s.files());
            if (!r.published().isEmpty()) {
                LOG.info("Dispatch rules of region {} from {}: published version(s) {}; already published: {}", s.region(), label,
                        r.published().stream().map(v -> String.valueOf(v.version())).toList(), r.unchanged());
            } else {
                LOG.info("Dispatch rules of region {} from {} are published already (versions {})", s.region(), label, r.unchanged());
            }
            problems.remove(s.key());
            attempts.put(s.key(), new Attempt(s.stamp(), refs, false));
        } catch (InvalidInputException e) {
            problem(s, e.errors().stream().map(f -> f.field() + ": " + f.message()).toList(), true);
            attempts.put(s.key(), new Attempt(s.stamp(), refs, true));
        } catch (RuleSetConflict e) {
            problem(s, e.conflicts().stream().map(c -> RuleBook.fileName(c.source()) + ":" + c.line() + ": " + c.message()).toList(), true);
            attempts.put(s.key(), new Attempt(s.stamp(), refs, true));
        } catch (ConflictException e) {
            problem(s, List.of(e.getMessage()), true);
            attempts.put(s.key(), new Attempt(s.stamp(), refs, true));
        } catch (NotFoundException e) {
            problem(s, List.of(e.getMessage()), false);
            attempts.put(s.key(), new Attempt(s.stamp(), null, true));
        } catch (RuntimeException e) {
            // the database may be unavailable for a moment: try again on the next tick
            if (problem(s, List.of("could not be published: " + e), false)) {
                LOG.error("Dispatch rules of region {} from {} could not be published", s.region(), label, e);
            }
            attempts.remove(s.key());
        }
    }

    /** Records a problem; logs and audits it when it is new. Returns whether it is new. */
    private boolean problem(Source s, List<String> messages, boolean audited) {
        SourceProblem old = problems.get(s.key());
        if (old != null && old.messages().equals(messages)) {
            return false;
        }
        problems.put(s.key(), new SourceProblem(s.region(), s.files().describe(), clock.instant(), messages));
        if (audited) {
            LOG.error("Dispatch rules of region {} from {} not published (nothing changed): {}", s.region(), s.files().describe(),
                    String.join(" | ", messages));
        } else {
            LOG.warn("Dispatch rules of region {} from {} not published yet: {}", s.region(), s.files().describe(),
                    String.join("; ", messages));
        }
        if (audited) {
            String detail = messages.size() + " problem(s); " + messages.get(0);
            audit.record(AuditRecord.of(RuleBook.SYSTEM, RuleBook.AUDIT_PUBLISH, s.region(), truncate(s.files().describe(), 200),
                    AuditOutcome.REJECTED, truncate(detail, 500)));
        }
        return true;
    }

    /** The region folders under the drop-in folder that hold a versions.csv, with a stamp of their files. */
    private List<Source> folders() {
        if (dropFolder == null || !Files.isDirectory(dropFolder)) {
            return List.of();
        }
        List<Source> found = new ArrayList<>();
        try (Stream<Path> regions = Files.list(dropFolder)) {
            for (Path dir : regions.sorted().toList()) {
                if (Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(RuleFiles.VERSIONS))) {
                    String region = dir.getFileName().toString();
                    found.add(new Source("folder:" + dir.toAbsolutePath(), region, RuleFiles.of(dir), stamp(dir), false));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the dispatch rules folder {}: {}", dropFolder, e.toString());
        }
        return found;
    }

    /** Names, sizes and modification times of the files in a folder (and its sub-folders). */
    private static String stamp(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(f).toString(), Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return files.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
