package org.safenest.intake.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which offices workers and supervisors belong to, from the configuration {@code org.safenest.intake.staff}
 * ({@code etc/org.safenest.intake.staff.cfg}): a line per user,
 *
 * <pre>
 * worker.&lt;user&gt;     = &lt;region&gt;/&lt;office&gt;[, &lt;region&gt;/&lt;office&gt; ...]
 * supervisor.&lt;user&gt; = &lt;region&gt;/&lt;office&gt;[, ...]
 * </pre>
 *
 * A case of an office is assigned by a supervisor of that office to a worker of that office. A change of the file
 * applies at once (no restart). Whether a user may log in, and their roles and regions, stays with the user directory.
 */
@Component(service = StaffDirectory.class, configurationPid = StaffDirectory.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class StaffDirectory {

    public static final String PID = "org.safenest.intake.staff";
    private static final Logger LOG = LoggerFactory.getLogger(StaffDirectory.class);

    /** A user's membership of an office. */
    record Member(String user, String region, String office) {
    }

    private volatile List<Member> workers = List.of();
    private volatile List<Member> supervisors = List.of();

    public StaffDirectory() {
    }

    /** Outside OSGi (tests): the configuration's properties. */
    public StaffDirectory(Map<String, ?> properties) {
        configure(properties);
    }

    @Activate
    @Modified
    void configure(Map<String, ?> properties) {
        List<Member> w = new ArrayList<>();
        List<Member> s = new ArrayList<>();
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(properties == null ? Map.of() : properties).entrySet()) {
            String key = e.getKey();
            List<Member> target = key.startsWith("worker.") ? w : key.startsWith("supervisor.") ? s : null;
            if (target == null || !(e.getValue() instanceof String value)) {
                continue;
            }
            String user = key.substring(key.indexOf('.') + 1).trim();
            for (String item : value.split(",")) {
                String[] parts = item.trim().split("/", 2);
                if (user.isEmpty() || parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    LOG.warn("{}: '{}' ignored: give <region>/<office>[, ...]", PID, key);
                    continue;
                }
                target.add(new Member(user, parts[0].trim().toLowerCase(Locale.ROOT), parts[1].trim()));
            }
        }
        workers = List.copyOf(w);
        supervisors = List.copyOf(s);
    }

    /** Whether the user is a worker of the office. */
    public boolean isWorker(String user, String region, String office) {
        return workers.stream().anyMatch(m -> m.user().equals(user) && m.region().equals(region) && m.office().equals(office));
    }

    /** Whether the user supervises the office. */
    public boolean supervises(String user, String region, String office) {
        return supervisors.stream().anyMatch(m -> m.user().equals(user) && m.region().equals(region) && m.office().equals(office));
    }

    /** The workers of an office, by name. */
    public List<String> workers(String region, String office) {
        Set<String> names = new TreeSet<>();
        workers.stream().filter(m -> m.region().equals(region) && m.office().equals(office)).forEach(m -> names.add(m.user()));
        return List.copyOf(names);
    }

    /** The offices the user supervises in the region. */
    public Set<String> supervisedOffices(String user, String region) {
        Set<String> offices = new TreeSet<>();
        supervisors.stream().filter(m -> m.user().equals(user) && m.region().equals(region)).forEach(m -> offices.add(m.office()));
        return Collections.unmodifiableSet(offices);
    }

    /** Every office of the region that has configured workers. */
    public Set<String> officesWithWorkers(String region) {
        Set<String> offices = new TreeSet<>();
        workers.stream().filter(m -> m.region().equals(region)).forEach(m -> offices.add(m.office()));
        return Collections.unmodifiableSet(offices);
    }

    /** Whether a supervisor of one of the worker's offices: may see the worker's caseload. */
    public boolean supervisesWorker(String supervisor, String region, String worker) {
        return workers.stream().anyMatch(m -> m.user().equals(worker) && m.region().equals(region)
                && supervises(supervisor, region, m.office()));
    }
}
