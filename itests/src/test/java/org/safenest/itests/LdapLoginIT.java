package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Directory login against a real LDAP server that the test starts (UnboundID's in-memory server, in the test's own
 * JVM, which outlives the container's run): users and groups in the directory, and {@code etc/org.safenest.ldap.cfg}
 * mapping groups to Safenest roles and region roles. Local users of etc/users.properties keep working.
 * All accounts are SYNTHETIC.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LdapLoginIT {

    private static final String PORT = "safenest.itest.http.port";
    private static final String CFG = "etc/org.safenest.ldap.cfg";
    private static final String BASE = "dc=example,dc=org";
    /** SYNTHETIC test password of the directory's users. */
    private static final String PASSWORD = "Synthetic-ldap-Passw0rd";

    @Configuration
    public Option[] config() throws Exception {
        int http = SafenestTestSupport.freePort();
        int ldap = TestDirectory.start(BASE, PASSWORD);

        List<Option> options = new ArrayList<>(List.of(SafenestTestSupport.options(http)));
        options.add(systemProperty(PORT).value(Integer.toString(http)));
        Map<String, String> ldapConfig = Map.ofEntries(
                Map.entry("connection.url", "ldap://localhost:" + ldap),
                Map.entry("connection.username", "cn=Directory Manager"),
                Map.entry("connection.password", "synthetic-manager-password"),
                Map.entry("authentication", "simple"),
                Map.entry("user.base.dn", "ou=people," + BASE),
                Map.entry("user.filter", "(uid=%u)"),
                Map.entry("user.search.subtree", "true"),
                Map.entry("role.base.dn", "ou=groups," + BASE),
                Map.entry("role.filter", "(member=%fqdn)"),
                Map.entry("role.name.attribute", "cn"),
                Map.entry("role.search.subtree", "true"),
                Map.entry("role.mapping", "sn-social-workers=social-worker;sn-intake-kaohsiung=intake,region-kaohsiung"));
        ldapConfig.forEach((k, v) -> options.add(editConfigurationFilePut(CFG, k, v)));
        return options.toArray(new Option[0]);
    }

    private static Api.Answer session(Api api, String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.request("POST", "/api/session", null, Map.of("Authorization", basic));
    }

    @Test
    public void directoryUsersLogInWithTheirGroupsMappedToRolesAndRegions() throws Exception {
        Api api = new Api(Integer.getInteger(PORT));
        api.awaitUp(2, Duration.ofSeconds(180));

        // A directory group maps to a role; no region role: every region.
        Api.Answer worker = session(api, "ldap.worker", PASSWORD);
        assertEquals(worker.raw(), 200, worker.status());
        assertEquals("[\"social-worker\"]", worker.body().path("roles").toString());
        assertEquals("[]", worker.body().path("regions").toString());
        assertEquals(2, api.get("/api/regions", "ldap.worker", PASSWORD).body().size());

        // A group that maps to a role and a region.
        Api.Answer intake = session(api, "ldap.intake", PASSWORD);
        assertEquals(intake.raw(), 200, intake.status());
        assertEquals("[\"intake\"]", intake.body().path("roles").toString());
        assertEquals("[\"kaohsiung\"]", intake.body().path("regions").toString());
        JsonNode regions = api.get("/api/regions", "ldap.intake", PASSWORD).body();
        assertEquals(1, regions.size());
        assertEquals("kaohsiung", regions.get(0).path("code").asText());
        assertEquals(403, api.get("/api/regions/hong-kong/districts", "ldap.intake", PASSWORD).status());

        // A directory user in no mapped group has no Safenest role; a wrong password logs nobody in.
        Api.Answer nobody = session(api, "ldap.nobody", PASSWORD);
        assertEquals(200, nobody.status());
        assertEquals("[]", nobody.body().path("roles").toString());
        assertEquals(403, api.get("/api/audit", "ldap.nobody", PASSWORD).status());
        assertEquals(401, api.get("/api/regions", "ldap.worker", "wrong-password").status());
        assertEquals(401, api.get("/api/regions", "ldap.unknown", PASSWORD).status());

        // The local users of etc/users.properties still log in (the directory comes first, then the file).
        assertEquals(200, api.get("/api/regions", "admin", "admin").status());
        assertEquals(200, api.get("/api/audit?limit=1", "admin", "admin").status());
        // The users page is told that users come from the directory (its editing is for local accounts only)
        Api.Answer store = api.get("/api/users", "admin", "admin");
        assertEquals(store.raw(), 200, store.status());
        assertTrue(store.raw(), store.body().path("directory").asText().startsWith("ldap://"));
    }
}
