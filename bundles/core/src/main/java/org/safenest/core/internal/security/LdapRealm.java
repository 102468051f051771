package org.safenest.core.internal.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directory login (LDAP, Active Directory) with Karaf's JAAS {@code LDAPLoginModule}, configured in one file,
 * {@code etc/org.safenest.ldap.cfg} (the distribution ships {@code etc/org.safenest.ldap.cfg.example}): the server, how
 * users and their groups are found, and {@code role.mapping} from directory groups to Safenest roles and
 * {@code region-*} roles. While that file exists (and does not say {@code enabled = false}) it takes the place
 * of Karaf's {@code karaf} realm (a higher rank): a login is tried against the directory first, then against
 * {@code etc/users.properties} (so a local administrator keeps working when the directory is down), for the web,
 * the REST API and the SSH console alike.
 */
@Component(service = JaasRealm.class, configurationPid = LdapRealm.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"service.ranking:Integer=100", "org.apache.karaf.jaas.realm.name=karaf"})
public class LdapRealm implements JaasRealm {

    public static final String PID = "org.safenest.ldap";
    static final String LDAP_MODULE = "org.apache.karaf.jaas.modules.ldap.LDAPLoginModule";
    /** Keys of the configuration passed on to the LDAP login module. */
    static final List<String> OPTIONS = List.of("connection.url", "connection.username", "connection.password", "user.base.dn",
            "user.filter", "user.search.subtree", "role.base.dn", "role.filter", "role.name.attribute", "role.search.subtree",
            "role.mapping", "authentication", "ssl", "ssl.truststore", "ssl.protocol", "usernames.trim", "disableCache",
            "ignorePartialResultException", "initial.context.factory");
    private static final Logger LOG = LoggerFactory.getLogger(LdapRealm.class);

    private final BundleContext context;
    private final String name;
    private final int rank;
    private final AppConfigurationEntry ldap;

    @Activate
    public LdapRealm(BundleContext context, Map<String, Object> config) {
        this.context = context;
        this.name = String.valueOf(config.getOrDefault("realm", "karaf"));
        this.rank = Integer.parseInt(String.valueOf(config.getOrDefault("rank", "100")));
        if (!Boolean.parseBoolean(String.valueOf(config.getOrDefault("enabled", "true")))) {
            this.ldap = null;
            LOG.info("Directory login is off (etc/org.safenest.ldap.cfg enabled = false)");
            return;
        }
        Bundle modules = FrameworkUtil.getBundle(BackingEngine.class);
        Map<String, Object> options = new HashMap<>();
        for (String key : OPTIONS) {
            Object v = config.get(key);
            if (v != null && !v.toString().isBlank()) {
                options.put(key, v.toString().trim());
            }
        }
        options.put(ProxyLoginModule.PROPERTY_MODULE, LDAP_MODULE);
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(modules.getBundleId()));
        options.put(BundleContext.class.getName(), modules.getBundleContext());
        this.ldap = new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT, options);
        LOG.info("Directory login on for realm {}: {}", name, options.get("connection.url"));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getRank() {
        return rank;
    }

    /** The directory first, then the entries of the realm of the same name this one hides (Karaf's own). */
    @Override
    public AppConfigurationEntry[] getEntries() {
        List<AppConfigurationEntry> entries = new ArrayList<>();
        if (ldap != null) {
            entries.add(ldap);
        }
        JaasRealm hidden = null;
        try {
            Collection<ServiceReference<JaasRealm>> refs = context.getServiceReferences(JaasRealm.class, null);
            for (ServiceReference<JaasRealm> ref : refs) {
                JaasRealm r = context.getService(ref);
                if (r != null && r != this && name.equals(r.getName()) && r.getRank() < rank
                        && (hidden == null || r.getRank() > hidden.getRank())) {
                    hidden = r;
                }
                context.ungetService(ref);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (hidden != null) {
            entries.addAll(List.of(hidden.getEntries()));
        }
        return entries.toArray(new AppConfigurationEntry[0]);
    }
}
