package org.safenest.core.internal.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The users of a Karaf JAAS realm's properties login module ({@code etc/users.properties} in Karaf's own realm),
 * read and changed through Karaf's backing engine, the way {@code jaas:user-add} does: a password written through
 * it is hashed by the realm's encryption service when encryption is enabled.
 */
final class RealmUsers {

    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    private static final String MODULE_OPTION = "org.apache.karaf.jaas.module";
    static final String GROUP_PREFIX = "_g_:";

    private final BundleContext context;

    RealmUsers(BundleContext context) {
        this.context = context;
    }

    /** The properties login module of the realm with the highest rank of that name, or null. */
    AppConfigurationEntry propertiesEntry(String realm) {
        return module(realm, PROPERTIES_MODULE);
    }

    /**
     * The address of the directory (LDAP) the realm of that name logs in against first, or null when the realm
     * has no directory login module.
     */
    String directory(String realm) {
        AppConfigurationEntry ldap = module(realm, LdapRealm.LDAP_MODULE);
        return ldap == null ? null : String.valueOf(ldap.getOptions().get("connection.url"));
    }

    /** The login module of that class in the realm of that name with the highest rank that has one, or null. */
    private AppConfigurationEntry module(String realm, String moduleClass) {
        List<ServiceReference<JaasRealm>> refs = references(JaasRealm.class);
        refs.sort(Comparator.reverseOrder());
        for (ServiceReference<JaasRealm> ref : refs) {
            JaasRealm r = context.getService(ref);
            try {
                if (r != null && realm.equals(r.getName())) {
                    for (AppConfigurationEntry e : r.getEntries()) {
                        if (moduleClass.equals(e.getOptions().get(MODULE_OPTION))) {
                            return e;
                        }
                    }
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return null;
    }

    /** A backing engine over the users file of the entry, read afresh. */
    BackingEngine engine(AppConfigurationEntry entry) {
        for (ServiceReference<BackingEngineFactory> ref : references(BackingEngineFactory.class)) {
            BackingEngineFactory f = context.getService(ref);
            try {
                if (f != null && PROPERTIES_MODULE.equals(f.getModuleClass())) {
                    return f.build(entry.getOptions());
                }
            } finally {
                context.ungetService(ref);
            }
        }
        throw new IllegalStateException("Karaf's JAAS properties backing engine is not available");
    }

    static boolean hashing(AppConfigurationEntry entry) {
        return Boolean.parseBoolean(String.valueOf(entry.getOptions().get("encryption.enabled")));
    }

    static String hashingName(AppConfigurationEntry entry) {
        Map<String, ?> o = entry.getOptions();
        return o.get("encryption.name") + " " + o.get("encryption.algorithm");
    }

    /** User names (no groups) of the engine. */
    static List<String> users(BackingEngine engine) {
        List<String> names = new ArrayList<>();
        for (UserPrincipal u : engine.listUsers()) {
            if (!u.getName().startsWith(GROUP_PREFIX)) {
                names.add(u.getName());
            }
        }
        return names;
    }

    static boolean hasRole(BackingEngine engine, String user, String role) {
        for (RolePrincipal r : engine.listRoles(new UserPrincipal(user))) {
            if (role.equals(r.getName().trim())) { // a hand-written "user = pw, role" gives " role"
                return true;
            }
        }
        return false;
    }

    /**
     * Users whose password the file holds in plain text: all of them when encryption is off, else those whose
     * password lacks the encryption prefix (Karaf hashes such a password at the user's next login).
     */
    static List<String> plainPasswords(AppConfigurationEntry entry) {
        Object file = entry.getOptions().get("users");
        List<String> plain = new ArrayList<>();
        if (file == null || !Files.isReadable(Path.of(file.toString()))) {
            return plain;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file.toString()))) {
            p.load(in);
        } catch (IOException e) {
            return plain;
        }
        boolean hashing = hashing(entry);
        Object prefixOption = entry.getOptions().get("encryption.prefix");
        String prefix = prefixOption == null ? "{CRYPT}" : prefixOption.toString();
        for (String user : p.stringPropertyNames()) {
            if (user.startsWith(GROUP_PREFIX)) {
                continue;
            }
            String password = p.getProperty(user).split(",", 2)[0].trim();
            if (!hashing || !password.startsWith(prefix)) {
                plain.add(user);
            }
        }
        plain.sort(null);
        return plain;
    }

    private <T> List<ServiceReference<T>> references(Class<T> type) {
        try {
            return new ArrayList<>(context.getServiceReferences(type, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
