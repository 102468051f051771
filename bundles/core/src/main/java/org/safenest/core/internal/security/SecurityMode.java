package org.safenest.core.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo or production mode, one setting: {@code mode} in {@code etc/org.safenest.security.cfg}.
 * <p>
 * <b>Demo</b> (the default) changes nothing: the demo users of {@code etc/users.properties}, plain HTTP, the SSH
 * console on every address. It says so on the console at start and in its {@link #status() status}.
 * <p>
 * <b>Production</b> enforces, at every start and whenever its setting changes: password hashing in Karaf's JAAS
 * realm (the {@code spring-security-crypto} encryption service, bcrypt by default: {@code etc/org.apache.karaf.jaas.cfg}),
 * the SSH console on {@code 127.0.0.1} ({@code etc/org.apache.karaf.shell.cfg}), and the removal of every demo
 * account that still logs in with its demo password. Until an administrator password is set
 * ({@code safenest:admin-password}) and HTTPS is configured with a keystore ({@code etc/org.ops4j.pax.web.cfg}),
 * the {@link ProductionGate} answers every request 503 with what is missing; afterwards plain HTTP only redirects
 * to HTTPS, and HTTPS answers carry HSTS.
 */
@Component(service = SecurityMode.class, configurationPid = SecurityMode.PID, immediate = true)
@Designate(ocd = SecurityConfiguration.class)
public class SecurityMode {

    public static final String PID = "org.safenest.security";
    public static final String DEMO = "demo";
    public static final String PRODUCTION = "production";
    /** The role of administrators. */
    public static final String ADMIN_ROLE = "admin";
    /** Karaf's group that lets a user into the console (SSH, web console). */
    static final String ADMIN_GROUP = "admingroup";
    /** The synthetic demo accounts shipped in etc/users.properties and their passwords (the user name). */
    static final Map<String, String> DEMO_USERS;
    static {
        Map<String, String> demo = new LinkedHashMap<>();
        for (String u : List.of("admin", "intake", "dispatcher", "worker", "supervisor", "chair", "analyst", "hkworker")) {
            demo.put(u, u);
        }
        DEMO_USERS = Map.copyOf(demo);
    }
    /** The status is computed again when older than this (while production mode refuses service: every 2 s). */
    private static final long MAX_AGE_NANOS = 30_000_000_000L;
    private static final long NOT_SERVING_MAX_AGE_NANOS = 2_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(SecurityMode.class);

    private final BundleContext context;
    private final ConfigurationAdmin configs;
    private final RealmUsers realmUsers;
    private volatile SecurityConfiguration config;
    private volatile SecurityStatus status;
    private volatile long checkedAt;
    /** In production mode, checks again every 5 s while not serving: the JAAS realm takes its new settings a moment later. */
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "safenest-security-checks");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public SecurityMode(BundleContext context, @Reference ConfigurationAdmin configs, SecurityConfiguration config) {
        this.context = context;
        this.configs = configs;
        this.realmUsers = new RealmUsers(context);
        modified(config);
        checks.scheduleWithFixedDelay(() -> {
            try {
                if (production() && !status.serving()) {
                    refresh();
                }
            } catch (RuntimeException e) {
                LOG.warn("Security check failed", e);
            }
        }, 5, 5, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        checks.shutdownNow();
    }

    @Modified
    void modified(SecurityConfiguration config) {
        String mode = config.mode() == null ? DEMO : config.mode().trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals(DEMO) && !mode.equals(PRODUCTION)) {
            LOG.error("etc/org.safenest.security.cfg: mode = {} is neither demo nor production; production mode applies", mode);
        }
        this.config = config;
        if (production()) {
            enforce();
        }
        announce(refresh());
    }

    public boolean production() {
        String mode = config.mode() == null ? DEMO : config.mode().trim().toLowerCase(java.util.Locale.ROOT);
        return !mode.equals(DEMO);
    }

    /** The JAAS realm whose users Safenest checks and the users page changes. */
    public String realm() {
        return config.jaas_realm();
    }

    public long hstsMaxAge() {
        return config.hsts_max_age();
    }

    /** The status, computed again when older than 30 s. */
    public SecurityStatus status() {
        SecurityStatus s = status;
        if (s == null || System.nanoTime() - checkedAt > (s.serving() ? MAX_AGE_NANOS : NOT_SERVING_MAX_AGE_NANOS)) {
            s = refresh();
        }
        return s;
    }

    /** Checks everything again (and, in production mode, removes demo accounts that still have their demo password). */
    public synchronized SecurityStatus refresh() {
        boolean production = production();
        String realm = config.jaas_realm();
        AppConfigurationEntry entry = realmUsers.propertiesEntry(realm);
        boolean hashing = entry != null && RealmUsers.hashing(entry);
        List<String> demo = new ArrayList<>();
        List<String> admins = new ArrayList<>();
        List<String> plain = List.of();
        if (entry != null) {
            BackingEngine engine = realmUsers.engine(entry);
            for (String user : RealmUsers.users(engine)) {
                String demoPassword = DEMO_USERS.get(user);
                if (demoPassword != null && JaasLogin.login(realm, user, demoPassword) != null) {
                    demo.add(user);
                }
            }
            if (production && !demo.isEmpty()) {
                BackingEngine fresh = realmUsers.engine(entry);
                for (String user : demo) {
                    fresh.deleteUser(user);
                }
                LOG.warn("Production mode: removed the demo accounts {} (they still had their demo passwords)", demo);
                demo.clear();
            }
            BackingEngine current = realmUsers.engine(entry);
            for (String user : RealmUsers.users(current)) {
                if (RealmUsers.hasRole(current, user, ADMIN_ROLE) && !demo.contains(user)) {
                    admins.add(user);
                }
            }
            plain = RealmUsers.plainPasswords(entry);
        }
        Map<String, Object> web = properties("org.ops4j.pax.web");
        boolean secureEnabled = Boolean.parseBoolean(String.valueOf(web.getOrDefault("org.osgi.service.http.secure.enabled", "false")));
        Object keystore = web.get("org.ops4j.pax.web.ssl.keystore");
        boolean https = secureEnabled && keystore != null && Files.isReadable(Path.of(keystore.toString()));
        int httpsPort = Integer.parseInt(String.valueOf(web.getOrDefault("org.osgi.service.http.port.secure", "8443")).trim());
        boolean httpEnabled = Boolean.parseBoolean(String.valueOf(web.getOrDefault("org.osgi.service.http.enabled", "true")));
        String sshHost = sshHost();

        List<String> warnings = new ArrayList<>();
        if (!production) {
            warnings.add("Demo mode: demo users and synthetic data only; for real use set mode = production in etc/org.safenest.security.cfg");
        }
        if (!demo.isEmpty()) {
            warnings.add("Demo users log in with their demo passwords (default passwords): " + String.join(", ", demo));
        }
        if (entry == null) {
            warnings.add("The JAAS realm " + realm + " has no users file Safenest can check");
        } else if (!hashing) {
            warnings.add("Passwords are stored in plain text (etc/org.apache.karaf.jaas.cfg: encryption.enabled = false)");
        } else if (!plain.isEmpty()) {
            warnings.add("Passwords stored in plain text until their next login: " + String.join(", ", plain));
        }
        if (!https) {
            warnings.add("Plain HTTP only: passwords and case data travel unencrypted (no HTTPS keystore in etc/org.ops4j.pax.web.cfg)");
        } else if (httpEnabled && !production) {
            warnings.add("Plain HTTP serves pages besides HTTPS");
        }
        if (!"off".equals(sshHost) && !sshHost.equals("127.0.0.1") && !sshHost.equals("localhost") && !sshHost.equals("::1")) {
            warnings.add("The SSH console listens on " + sshHost + ", not only on 127.0.0.1 (etc/org.apache.karaf.shell.cfg sshHost)");
        }
        List<String> blockers = new ArrayList<>();
        if (production) {
            if (!hashing) {
                blockers.add("Password hashing is not active yet (etc/org.apache.karaf.jaas.cfg)");
            }
            if (admins.isEmpty()) {
                blockers.add("No administrator password is set: run safenest:admin-password at the console (bin/karaf)");
            }
            if (!https) {
                blockers.add("HTTPS is not configured: name your keystore in etc/org.ops4j.pax.web.cfg, or run "
                        + "bin/safenest-tls-selfsigned to make a self-signed one for a trial");
            }
        }
        String hashingName = entry != null && hashing ? RealmUsers.hashingName(entry) : "none";
        SecurityStatus s = new SecurityStatus(production ? PRODUCTION : DEMO, blockers.isEmpty(), List.copyOf(blockers),
                List.copyOf(warnings), hashingName, plain, List.copyOf(demo), https, httpsPort, httpEnabled, sshHost);
        status = s;
        checkedAt = System.nanoTime();
        return s;
    }

    /**
     * Sets the password of an administrator, creating the account (roles {@code admin}, Karaf group
     * {@code admingroup}) when it does not exist. In production mode the password is stored only hashed.
     */
    public synchronized void setAdministratorPassword(String user, String password) {
        AppConfigurationEntry entry = realmUsers.propertiesEntry(config.jaas_realm());
        if (entry == null) {
            throw new IllegalStateException("The JAAS realm " + config.jaas_realm() + " has no users file");
        }
        if (production() && !RealmUsers.hashing(entry)) {
            throw new IllegalStateException("Password hashing is not active yet in the JAAS realm; try again in a few seconds");
        }
        BackingEngine engine = realmUsers.engine(entry);
        boolean exists = RealmUsers.users(engine).contains(user);
        engine.addUser(user, password);
        if (!exists || !RealmUsers.hasRole(engine, user, ADMIN_ROLE)) {
            engine.addRole(user, ADMIN_ROLE);
        }
        boolean inGroup = engine.listGroups(new org.apache.karaf.jaas.boot.principal.UserPrincipal(user)).stream()
                .anyMatch(g -> g.getName().equals(ADMIN_GROUP));
        if (!inGroup) {
            engine.addGroup(user, ADMIN_GROUP);
        }
        LOG.info("Administrator password set for {}", user);
        refresh();
    }

    private void enforce() {
        update("org.apache.karaf.jaas", Map.of("encryption.enabled", "true", "encryption.name", "spring-security-crypto",
                "encryption.algorithm", config.password_algorithm()));
        update("org.apache.karaf.shell", Map.of("sshHost", "127.0.0.1"));
    }

    private void update(String pid, Map<String, String> values) {
        try {
            Configuration c = configs.getConfiguration(pid, null);
            Dictionary<String, Object> props = c.getProperties();
            if (props == null) {
                props = new Hashtable<>();
            }
            boolean changed = false;
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (!e.getValue().equals(String.valueOf(props.get(e.getKey())))) {
                    props.put(e.getKey(), e.getValue());
                    changed = true;
                }
            }
            if (changed) {
                c.update(props);
                LOG.info("Production mode: set {} in configuration {}", values, pid);
            }
        } catch (IOException e) {
            LOG.error("Production mode could not change configuration {}", pid, e);
        }
    }

    private Map<String, Object> properties(String pid) {
        Map<String, Object> map = new LinkedHashMap<>();
        try {
            Configuration[] found = configs.listConfigurations("(service.pid=" + pid + ")");
            if (found != null && found.length > 0 && found[0].getProperties() != null) {
                Dictionary<String, Object> d = found[0].getProperties();
                for (var keys = d.keys(); keys.hasMoreElements();) {
                    String k = keys.nextElement();
                    map.put(k, d.get(k));
                }
            }
        } catch (Exception e) {
            LOG.debug("Cannot read configuration {}", pid, e);
        }
        return map;
    }

    private String sshHost() {
        boolean ssh = false;
        for (Bundle b : context.getBundles()) {
            if ("org.apache.karaf.shell.ssh".equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                ssh = true;
            }
        }
        if (!ssh) {
            return "off";
        }
        return String.valueOf(properties("org.apache.karaf.shell").getOrDefault("sshHost", "0.0.0.0")).trim();
    }

    private static void announce(SecurityStatus s) {
        StringBuilder b = new StringBuilder();
        if (!s.production()) {
            b.append("Safenest runs in DEMO mode: demo users (admin / admin, ...), synthetic data, plain HTTP. ")
                    .append("Not for real case files: set mode = production in etc/org.safenest.security.cfg (README, Deploying for real).");
            LOG.warn(b.toString());
        } else {
            b.append("Safenest runs in PRODUCTION mode.");
            if (!s.serving()) {
                b.append(" It answers every request with 503 until:");
                s.blockers().forEach(x -> b.append(System.lineSeparator()).append("  - ").append(x));
            }
            LOG.info(b.toString());
        }
        System.out.println(b);
    }
}
