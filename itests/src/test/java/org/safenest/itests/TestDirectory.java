package org.safenest.itests;

import java.util.List;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

/**
 * An LDAP server in memory (UnboundID) in the test's own JVM, with SYNTHETIC users and groups. Kept out of the test
 * class so that the Pax Exam probe, which runs inside the container, never loads UnboundID's classes.
 */
final class TestDirectory {

    private static InMemoryDirectoryServer server;

    private TestDirectory() {
    }

    /** Starts the directory (once) and answers its port. */
    static synchronized int start(String base, String password) throws Exception {
        if (server != null) {
            return server.getListenPort();
        }
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
        config.addAdditionalBindCredentials("cn=Directory Manager", "synthetic-manager-password");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", SafenestTestSupport.freePort()));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + base, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + base, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + base, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        for (String uid : List.of("ldap.worker", "ldap.intake", "ldap.nobody")) {
            server.add("dn: uid=" + uid + ",ou=people," + base, "objectClass: top", "objectClass: inetOrgPerson",
                    "uid: " + uid, "cn: Synthetic " + uid, "sn: Synthetic", "userPassword: " + password);
        }
        server.add("dn: cn=sn-social-workers,ou=groups," + base, "objectClass: top", "objectClass: groupOfNames",
                "cn: sn-social-workers", "member: uid=ldap.worker,ou=people," + base);
        server.add("dn: cn=sn-intake-kaohsiung,ou=groups," + base, "objectClass: top", "objectClass: groupOfNames",
                "cn: sn-intake-kaohsiung", "member: uid=ldap.intake,ou=people," + base);
        server.add("dn: cn=unrelated,ou=groups," + base, "objectClass: top", "objectClass: groupOfNames",
                "cn: unrelated", "member: uid=ldap.nobody,ou=people," + base);
        server.startListening();
        return server.getListenPort();
    }
}
