package org.safenest.core.internal.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.rest.WebSessions;

/**
 * The users of the built-in user store ({@code etc/users.properties} of this node, the JAAS realm's properties
 * login module) for the administrators' users page: listed with their Safenest roles and {@code region-*} roles,
 * created with a password, their roles changed, a password reset, removed. Every change goes through Karaf's
 * backing engine, as {@code jaas:user-add} does, so that the realm's encryption (production mode: bcrypt) hashes
 * the password before it is written; in production mode a change is refused while hashing is not active. Every
 * change is audited (never the password) and ends the user's web sessions and cached logins.
 */
@Component(service = LocalUsers.class)
public class LocalUsers {

    /** A user name: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MIN_PASSWORD = 12;

    /** A user of the store: its Safenest roles, the regions it is limited to, its Karaf groups (such as admingroup). */
    public record LocalUser(String name, List<String> roles, List<String> regions, List<String> groups) {
    }

    /**
     * The store as the page shows it: the users; the roles and regions that may be given; whether passwords are
     * hashed (the algorithm, or "none"); the directory's address when a directory (LDAP) is configured, else null.
     */
    public record UserStore(List<LocalUser> users, List<String> roles, List<String> regions, String passwordHashing,
            boolean production, String directory) {
    }

    private final RealmUsers realmUsers;
    private final SecurityMode security;
    private final RegionService regions;
    private final AuditLog audit;
    private final WebSessions sessions;

    @Activate
    public LocalUsers(BundleContext context, @Reference SecurityMode security, @Reference RegionService regions,
            @Reference AuditLog audit, @Reference WebSessions sessions) {
        this.realmUsers = new RealmUsers(context);
        this.security = security;
        this.regions = regions;
        this.audit = audit;
        this.sessions = sessions;
    }

    public synchronized UserStore store() {
        AppConfigurationEntry entry = entry();
        BackingEngine engine = realmUsers.engine(entry);
        List<LocalUser> users = new ArrayList<>();
        for (String name : RealmUsers.users(engine)) {
            users.add(user(engine, name));
        }
        users.sort(Comparator.comparing(LocalUser::name));
        List<String> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            roles.add(r.roleName());
        }
        return new UserStore(users, roles, regionCodes(), RealmUsers.hashing(entry) ? RealmUsers.hashingName(entry) : "none",
                security.production(), realmUsers.directory(security.realm()));
    }

    public synchronized LocalUser user(String name) {
        BackingEngine engine = realmUsers.engine(entry());
        requireExists(engine, name);
        return user(engine, name);
    }

    /** Creates a user with a password, roles and region roles; 400 with every problem, 409 when the name is taken. */
    public synchronized LocalUser create(Caller actor, String name, String password, List<String> roles, List<String> regionCodes) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "invalid-name",
                    "The user name must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        String passwordProblem = passwordProblem(name, password);
        if (passwordProblem != null) {
            errors.add(new FieldError("password", "weak-password", passwordProblem));
        }
        checkRoles(roles, regionCodes, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AppConfigurationEntry entry = writableEntry();
        BackingEngine engine = realmUsers.engine(entry);
        if (RealmUsers.users(engine).contains(name) || engine.listUsers().stream().anyMatch(u -> u.getName().equalsIgnoreCase(name))) {
            throw new ConflictException("A user named '" + name + "' exists already");
        }
        engine.addUser(name, password);
        for (String role : wanted(roles, regionCodes)) {
            engine.addRole(name, role);
        }
        LocalUser created = user(realmUsers.engine(entry), name);
        record(actor, "user.create", name, "roles " + created.roles() + ", regions " + created.regions());
        return created;
    }

    /**
     * Sets the user's Safenest roles and region roles to exactly these (other roles and groups stay). Refused when
     * it would leave the store without an administrator, or take the caller's own admin role.
     */
    public synchronized LocalUser update(Caller actor, String name, List<String> roles, List<String> regionCodes) {
        List<FieldError> errors = new ArrayList<>();
        checkRoles(roles, regionCodes, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AppConfigurationEntry entry = writableEntry();
        BackingEngine engine = realmUsers.engine(entry);
        requireExists(engine, name);
        LocalUser before = user(engine, name);
        Set<String> want = wanted(roles, regionCodes);
        if (before.roles().contains(Role.ADMIN.roleName()) && !want.contains(Role.ADMIN.roleName())) {
            if (name.equals(actor.name())) {
                throw new ConflictException("You cannot take your own admin role away; another administrator can");
            }
            requireAnotherAdmin(engine, name);
        }
        Set<String> have = new TreeSet<>(before.roles());
        before.regions().forEach(r -> have.add(Caller.REGION_ROLE_PREFIX + r));
        java.util.Map<String, String> raw = rawRoles(engine, name);
        for (String role : have) {
            if (!want.contains(role)) {
                engine.deleteRole(name, raw.getOrDefault(role, role));
            }
        }
        for (String role : want) {
            if (!have.contains(role)) {
                engine.addRole(name, role);
            }
        }
        LocalUser after = user(realmUsers.engine(entry), name);
        sessions.userChanged(name);
        record(actor, "user.update", name, "roles " + after.roles() + ", regions " + after.regions());
        return after;
    }

    /** Sets a new password (hashed when the realm hashes); the user's web sessions end. */
    public synchronized void resetPassword(Caller actor, String name, String password) {
        String problem = passwordProblem(name, password);
        if (problem != null) {
            throw new InvalidInputException("password", "weak-password", problem);
        }
        BackingEngine engine = realmUsers.engine(writableEntry());
        requireExists(engine, name);
        engine.addUser(name, password);
        sessions.userChanged(name);
        record(actor, "user.password", name, "password reset");
    }

    /** Removes a user; refused for the caller itself and for the last administrator. */
    public synchronized void remove(Caller actor, String name) {
        BackingEngine engine = realmUsers.engine(writableEntry());
        requireExists(engine, name);
        if (name.equals(actor.name())) {
            throw new ConflictException("You cannot remove your own account; another administrator can");
        }
        if (RealmUsers.hasRole(engine, name, Role.ADMIN.roleName())) {
            requireAnotherAdmin(engine, name);
        }
        engine.deleteUser(name);
        sessions.userChanged(name);
        record(actor, "user.remove", name, null);
    }

    /** Why the password is refused, or null: the rules of {@code safenest:admin-password}, in both modes. */
    public static String passwordProblem(String user, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return "The password needs at least " + MIN_PASSWORD + " characters";
        }
        if (password.contains(",") || password.strip().length() != password.length()) {
            return "The password must not contain ',' nor start or end with a space (the users file cannot keep them)";
        }
        if (user != null && !user.isBlank() && password.toLowerCase(Locale.ROOT).contains(user.toLowerCase(Locale.ROOT))) {
            return "The password must not contain the user name";
        }
        return null;
    }

    private void checkRoles(List<String> roles, List<String> regionCodes, List<FieldError> errors) {
        for (String role : roles == null ? List.<String>of() : roles) {
            if (role == null || Role.fromRoleName(role).isEmpty()) {
                errors.add(new FieldError("roles", "unknown-role", "Unknown role '" + role + "'; the roles are "
                        + java.util.Arrays.stream(Role.values()).map(Role::roleName).toList()));
            }
        }
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "no-role", "Give the user at least one role"));
        }
        List<String> known = regionCodes();
        for (String region : regionCodes == null ? List.<String>of() : regionCodes) {
            if (region == null || !known.contains(region)) {
                errors.add(new FieldError("regions", "unknown-region", "Unknown region '" + region + "'; the regions are " + known));
            }
        }
    }

    private static Set<String> wanted(List<String> roles, List<String> regionCodes) {
        Set<String> want = new TreeSet<>(roles == null ? List.of() : roles);
        for (String region : regionCodes == null ? List.<String>of() : regionCodes) {
            want.add(Caller.REGION_ROLE_PREFIX + region);
        }
        return want;
    }

    private List<String> regionCodes() {
        return regions.regions().stream().map(Region::code).sorted().toList();
    }

    private static LocalUser user(BackingEngine engine, String name) {
        Set<String> roles = new TreeSet<>();
        Set<String> regionCodes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String role : rawRoles(engine, name).keySet()) {
            if (role.startsWith(RealmUsers.GROUP_PREFIX)) {
                groups.add(role.substring(RealmUsers.GROUP_PREFIX.length()));
            } else if (role.startsWith(Caller.REGION_ROLE_PREFIX)) {
                regionCodes.add(role.substring(Caller.REGION_ROLE_PREFIX.length()));
            } else if (Role.fromRoleName(role).isPresent()) {
                roles.add(role);
            }
        }
        for (GroupPrincipal g : engine.listGroups(new UserPrincipal(name))) {
            groups.add(g.getName().trim());
        }
        return new LocalUser(name, List.copyOf(roles), List.copyOf(regionCodes), List.copyOf(groups));
    }

    /**
     * The user's roles as the file has them (a hand-written file may have "intake = pw, intake, region-x": Karaf's
     * engine then answers " intake"), by their trimmed names: the engine removes a role only by its written form.
     */
    private static java.util.Map<String, String> rawRoles(BackingEngine engine, String name) {
        java.util.Map<String, String> raw = new java.util.TreeMap<>();
        for (RolePrincipal r : engine.listRoles(new UserPrincipal(name))) {
            raw.putIfAbsent(r.getName().trim(), r.getName());
        }
        return raw;
    }

    private static void requireExists(BackingEngine engine, String name) {
        if (name == null || !RealmUsers.users(engine).contains(name)) {
            throw new NotFoundException("user", String.valueOf(name));
        }
    }

    private static void requireAnotherAdmin(BackingEngine engine, String name) {
        boolean other = RealmUsers.users(engine).stream()
                .anyMatch(u -> !u.equals(name) && RealmUsers.hasRole(engine, u, Role.ADMIN.roleName()));
        if (!other) {
            throw new ConflictException("'" + name + "' is the last administrator of the user store; make another one first");
        }
    }

    private AppConfigurationEntry entry() {
        AppConfigurationEntry entry = realmUsers.propertiesEntry(security.realm());
        if (entry == null) {
            throw new IllegalStateException("The JAAS realm " + security.realm() + " has no users file");
        }
        return entry;
    }

    /** The realm's entry for a change: in production mode only while hashing is active (never a plain password). */
    private AppConfigurationEntry writableEntry() {
        AppConfigurationEntry entry = entry();
        if (security.production() && !RealmUsers.hashing(entry)) {
            throw new ConflictException("Password hashing is not active yet in the JAAS realm; try again in a few seconds");
        }
        return entry;
    }

    private void record(Caller actor, String action, String user, String detail) {
        audit.record(AuditRecord.of(actor.name(), action, null, user, AuditOutcome.SUCCESS, detail));
    }
}
