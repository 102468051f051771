package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/users} against the distribution (demo mode): an administrator lists the built-in user store, creates a
 * user for one region (every invalid field named at once), the user logs in and sees only that region, a change of
 * region roles and a password reset hold from the next request on, the user is removed; the administrator cannot
 * remove itself; every change is audited without the password, found by the audit's filters and exported as CSV; only
 * administrators may do any of it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UsersIT {

    private static final String PORT_PROPERTY = "safenest.itest.http.port";
    /** SYNTHETIC test passwords. */
    private static final String PASSWORD = "Synthetic-Pass-2026";
    private static final String NEW_PASSWORD = "Another-Synthetic-2027";

    @Configuration
    public Option[] config() {
        int port = SafenestTestSupport.freePort();
        return OptionUtils.combine(SafenestTestSupport.options(port), systemProperty(PORT_PROPERTY).value(Integer.toString(port)));
    }

    private static Properties usersFile() throws Exception {
        Properties users = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "users.properties"))) {
            users.load(in);
        }
        return users;
    }

    private static List<String> regionCodes(Api.Answer regions) {
        List<String> codes = new ArrayList<>();
        regions.body().forEach(r -> codes.add(r.path("code").asText()));
        return codes;
    }

    @Test
    public void administratorManagesTheBuiltInUserStore() throws Exception {
        Api api = new Api(Integer.getInteger(PORT_PROPERTY));
        api.awaitUp(2, Duration.ofSeconds(120));

        // The store: the demo users with their roles and region roles; plain passwords in demo mode; no directory
        Api.Answer store = api.get("/api/users", "admin", "admin");
        assertEquals(store.raw(), 200, store.status());
        assertEquals("none", store.body().path("passwordHashing").asText());
        assertTrue(store.body().path("directory").isNull());
        JsonNode intake = null;
        for (JsonNode u : store.body().path("users")) {
            if (u.path("name").asText().equals("intake")) {
                intake = u;
            }
            assertFalse(store.raw(), u.path("name").asText().startsWith("_g_"));
        }
        assertEquals(store.raw(), "[\"intake\"]", intake.path("roles").toString());
        assertEquals("[\"kaohsiung\"]", intake.path("regions").toString());
        assertTrue(store.body().path("roles").toString().contains("board-chair"));
        assertEquals("[\"hong-kong\",\"kaohsiung\"]", store.body().path("regions").toString());
        assertEquals(403, api.get("/api/users", "dispatcher", "dispatcher").status());
        assertEquals(403, api.post("/api/users", "{\"name\":\"x1\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"admin\"]}",
                "dispatcher", "dispatcher").status());

        // Every invalid field at once, nothing created
        Api.Answer bad = api.post("/api/users", "{\"name\":\"bad name\",\"password\":\"short\",\"roles\":[\"wizard\"],\"regions\":[\"atlantis\"]}",
                "admin", "admin");
        assertEquals(bad.raw(), 400, bad.status());
        List<String> fields = new ArrayList<>();
        bad.body().path("fields").forEach(f -> fields.add(f.path("field").asText() + ":" + f.path("code").asText()));
        assertEquals(bad.raw(), List.of("name:invalid-name", "password:weak-password", "roles:unknown-role", "regions:unknown-region"), fields);
        Api.Answer nameInPassword = api.post("/api/users", "{\"name\":\"kh-analyst\",\"password\":\"kh-analyst-2026!\",\"roles\":[\"analyst\"]}",
                "admin", "admin");
        assertEquals(400, nameInPassword.status());
        assertTrue(nameInPassword.raw(), nameInPassword.raw().contains("must not contain the user name"));
        assertFalse(usersFile().containsKey("kh-analyst"));

        // Created for one region: the user logs in and sees that region only
        Api.Answer created = api.post("/api/users", "{\"name\":\"kh-analyst\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"analyst\"],\"regions\":[\"kaohsiung\"]}", "admin", "admin");
        assertEquals(created.raw(), 201, created.status());
        assertEquals("[\"analyst\"]", created.body().path("roles").toString());
        assertEquals(409, api.post("/api/users", "{\"name\":\"kh-analyst\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"analyst\"]}",
                "admin", "admin").status());
        assertEquals(List.of("kaohsiung"), regionCodes(api.get("/api/regions", "kh-analyst", PASSWORD)));
        assertEquals(403, api.get("/api/regions/hong-kong", "kh-analyst", PASSWORD).status());
        assertEquals(403, api.get("/api/users", "kh-analyst", PASSWORD).status());

        // Region roles changed: the next request already sees the other region (no remembered login)
        Api.Answer moved = api.put("/api/users/kh-analyst", "{\"roles\":[\"analyst\",\"supervisor\"],\"regions\":[\"hong-kong\"]}", "admin", "admin");
        assertEquals(moved.raw(), 200, moved.status());
        assertEquals("[\"hong-kong\"]", moved.body().path("regions").toString());
        assertEquals(List.of("hong-kong"), regionCodes(api.get("/api/regions", "kh-analyst", PASSWORD)));
        assertEquals(400, api.put("/api/users/kh-analyst", "{\"roles\":[],\"regions\":[]}", "admin", "admin").status());
        assertEquals(404, api.put("/api/users/nobody", "{\"roles\":[\"analyst\"],\"regions\":[]}", "admin", "admin").status());

        // Password reset: the old one stops working at once
        assertEquals(400, api.put("/api/users/kh-analyst/password", "{\"password\":\"short\"}", "admin", "admin").status());
        Api.Answer reset = api.put("/api/users/kh-analyst/password", "{\"password\":\"" + NEW_PASSWORD + "\"}", "admin", "admin");
        assertEquals(reset.raw(), 204, reset.status());
        assertEquals(401, api.get("/api/regions", "kh-analyst", PASSWORD).status());
        assertEquals(200, api.get("/api/regions", "kh-analyst", NEW_PASSWORD).status());

        // The administrator cannot remove itself nor take its own admin role; the user is removed
        assertEquals(409, api.send("DELETE", "/api/users/admin", null, null, "admin", "admin").status());
        assertEquals(409, api.put("/api/users/admin", "{\"roles\":[\"analyst\"],\"regions\":[]}", "admin", "admin").status());
        assertEquals(204, api.send("DELETE", "/api/users/kh-analyst", null, null, "admin", "admin").status());
        assertEquals(401, api.get("/api/regions", "kh-analyst", NEW_PASSWORD).status());
        assertFalse(usersFile().containsKey("kh-analyst"));

        // Audited, without any password
        Api.Answer audit = api.get("/api/audit?actor=admin&limit=200", "admin", "admin");
        List<String> actions = new ArrayList<>();
        for (JsonNode r : audit.body().path("records")) {
            if ("kh-analyst".equals(r.path("target").asText())) {
                actions.add(r.path("action").asText());
            }
        }
        assertEquals(audit.raw(), List.of("user.remove", "user.password", "user.update", "user.create"), actions);
        assertFalse(audit.raw().contains(PASSWORD));
        assertFalse(audit.raw().contains(NEW_PASSWORD));
        // The audit filters by action (contained), target and outcome, with the total; the same filter as CSV
        Api.Answer filtered = api.get("/api/audit?action=user.&target=kh-analyst&outcome=SUCCESS&limit=2", "admin", "admin");
        assertEquals(filtered.raw(), 4, filtered.body().path("total").asInt());
        assertEquals(2, filtered.body().path("records").size());
        assertEquals(400, api.get("/api/audit?outcome=MAYBE", "admin", "admin").status());
        Api.Answer csv = api.get("/api/audit/audit.csv?action=user.&target=kh-analyst", "admin", "admin");
        assertEquals(csv.raw(), 200, csv.status());
        assertTrue(csv.header("Content-Type"), csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.raw(), csv.raw().startsWith("\uFEFFid,at,actor,action,region,target,outcome,detail\r\n"));
        assertEquals(csv.raw(), 5, csv.raw().split("\r\n").length);
        assertEquals(403, api.get("/api/audit/audit.csv", "dispatcher", "dispatcher").status());
    }
}
