package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution in production mode, set up as the README's "Deploying for real" says: {@code mode = production}
 * in {@code etc/org.safenest.security.cfg}, a keystore made by {@code bin/safenest-tls-selfsigned}. Before an
 * administrator password is set every page and API call answers 503; the demo users are gone, passwords are hashed,
 * SSH listens on 127.0.0.1. After {@code safenest:admin-password} Safenest serves over HTTPS with HSTS, and plain
 * HTTP only redirects. A user created over {@code /api/users} is stored only as a hash.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProductionModeIT {

    private static final String HTTP = "safenest.itest.http.port";
    private static final String HTTPS = "safenest.itest.https.port";
    private static final String KEYSTORE = "safenest.itest.keystore";
    private static final String KEYSTORE_PASSWORD = "safenest.itest.keystore.password";
    /** SYNTHETIC test password. */
    private static final String NEW_PASSWORD = "Synthetic-test-Passw0rd";
    /** SYNTHETIC password of a user created over REST. */
    private static final String USER_PASSWORD = "Synthetic-analyst-2026";

    @Configuration
    public Option[] config() throws Exception {
        int http = SafenestTestSupport.freePort();
        int https = SafenestTestSupport.freePort();
        // bin/safenest-tls-selfsigned as an operator runs it, on a scratch copy of bin/ and etc/.
        Path home = Path.of("target", "production-it-tls").toAbsolutePath();
        Distribution.deleteTree(home);
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        Path bin = Path.of("..", "karaf-assembly", "src", "main", "resources", "assembly", "bin");
        Files.copy(bin.resolve("safenest-tls-selfsigned"), home.resolve("bin/safenest-tls-selfsigned"));
        Files.copy(bin.resolve("setenv"), home.resolve("bin/setenv"));
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port.secure = " + https + "\n");
        Process p = new ProcessBuilder("sh", "bin/safenest-tls-selfsigned", "localhost").directory(home.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("bin/safenest-tls-selfsigned failed: " + out);
        }
        Properties web = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("etc/org.ops4j.pax.web.cfg"))) {
            web.load(in);
        }
        List<Option> options = new ArrayList<>(List.of(SafenestTestSupport.options(http)));
        for (String key : web.stringPropertyNames()) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", key, web.getProperty(key)));
        }
        Path keystore = home.resolve("etc/safenest-keystore.p12");
        options.add(replaceConfigurationFile("etc/safenest-keystore.p12", keystore.toFile()));
        options.add(editConfigurationFilePut("etc/org.safenest.security.cfg", "mode", "production"));
        options.add(systemProperty(HTTP).value(Integer.toString(http)));
        options.add(systemProperty(HTTPS).value(Integer.toString(https)));
        options.add(systemProperty(KEYSTORE).value(keystore.toString()));
        options.add(systemProperty(KEYSTORE_PASSWORD).value(web.getProperty("org.ops4j.pax.web.ssl.keystore.password")));
        return OptionUtils.combine(options.toArray(new Option[0]));
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(ProductionModeIT.class).getBundleContext();
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = context();
        for (int i = 0; i < 240; i++) {
            ServiceReference<T> ref = ctx.getServiceReference(type);
            if (ref != null) {
                return ctx.getService(ref);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type.getName() + " service");
    }

    /** Trusts the self-signed certificate of the keystore the script made, and nothing else. */
    private static SSLContext trustKeystore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty(KEYSTORE)))) {
            ks.load(in, System.getProperty(KEYSTORE_PASSWORD).toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    private static Api.Answer await(Api api, String path, String user, String password, int status) throws InterruptedException {
        Api.Answer last = null;
        long end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < end) {
            last = api.get(path, user, password);
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("expected " + status + " from " + path + "; last answer " + (last == null ? "none" : last.status() + " " + last.raw()));
    }

    private static String execute(String command, String input) throws Exception {
        return SafenestTestSupport.execute(context(), command, input);
    }

    private static Properties users() throws Exception {
        Properties users = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "users.properties"))) {
            users.load(in);
        }
        return users;
    }

    @Test
    public void refusesEverythingUntilAnAdministratorPasswordIsSetThenServesOnlyHttps() throws Exception {
        Api http = new Api(Integer.getInteger(HTTP));
        Api https = new Api("https://localhost:" + Integer.getInteger(HTTPS), trustKeystore());

        // Not set up: 503 on every page and API call, on HTTP and HTTPS, with what to do.
        Api.Answer refused = await(http, "/api/health", "admin", "admin", 503);
        assertEquals(refused.raw(), "not-set-up", refused.body().path("error").asText());
        assertTrue(refused.raw(), refused.body().path("message").asText().contains("safenest:admin-password"));
        assertEquals("60", refused.header("Retry-After"));
        Api.Answer page = http.get("/", null, null);
        assertEquals(503, page.status());
        assertTrue(page.raw(), page.raw().contains("safenest:admin-password"));
        assertEquals(503, await(https, "/api/regions", "admin", "admin", 503).status());

        // The demo users are gone (within a few seconds of the start: the JAAS realm takes its new settings first),
        // passwords are hashed (bcrypt), SSH listens on 127.0.0.1 only.
        Properties users = users();
        for (int i = 0; i < 120 && users.containsKey("intake"); i++) {
            Thread.sleep(500);
            users = users();
        }
        for (String demo : List.of("admin", "intake", "dispatcher", "worker", "supervisor", "chair", "analyst", "hkworker")) {
            assertFalse(demo + " is still in users.properties", users.containsKey(demo));
        }
        ConfigurationAdmin configs = service(ConfigurationAdmin.class);
        Dictionary<String, Object> jaas = configs.getConfiguration("org.apache.karaf.jaas", null).getProperties();
        assertEquals("true", String.valueOf(jaas.get("encryption.enabled")));
        assertEquals("spring-security-crypto", jaas.get("encryption.name"));
        assertEquals("bcrypt", jaas.get("encryption.algorithm"));
        assertEquals("127.0.0.1", configs.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshHost"));
        String status = execute("safenest:status", "");
        assertTrue(status, status.contains("PRODUCTION mode, REFUSING every request (503)"));

        // The documented command: a weak password is refused, a good one is stored only as a hash.
        String weak = execute("safenest:admin-password --password-stdin", "short\n");
        assertTrue(weak, weak.contains("at least 12 characters"));
        assertFalse(users().containsKey("admin"));
        String set = execute("safenest:admin-password --password-stdin", NEW_PASSWORD + "\n");
        assertTrue(set, set.contains("Safenest serves now"));
        String stored = users().getProperty("admin");
        assertNotNull(stored);
        assertTrue(stored, stored.startsWith("{CRYPT}"));
        assertFalse(stored.contains(NEW_PASSWORD));
        assertTrue(stored, stored.contains(",admin") || stored.contains(", admin"));

        // Serving: HTTPS with HSTS, the admin's new password, the security section for administrators.
        Api.Answer health = await(https, "/api/health", "admin", NEW_PASSWORD, 200);
        assertTrue(health.header("Strict-Transport-Security"), health.header("Strict-Transport-Security").startsWith("max-age=31536000"));
        JsonNode security = health.body().path("security");
        assertEquals(health.raw(), "production", security.path("mode").asText());
        assertTrue(health.raw(), security.path("serving").asBoolean());
        assertTrue(health.raw(), security.path("passwordHashing").asText().contains("bcrypt"));
        assertTrue(health.raw(), security.path("https").asBoolean());
        assertEquals(0, security.path("demoUsers").size());
        assertEquals("127.0.0.1", security.path("sshHost").asText());
        assertEquals(401, https.get("/api/health", "admin", "admin").status());
        assertEquals(401, https.get("/api/regions", "intake", "intake").status());
        Api.Answer shell = https.get("/", null, null);
        assertEquals(200, shell.status());
        assertTrue(shell.raw().contains("data-mode=\"production\""));
        assertNotNull(shell.header("Strict-Transport-Security"));

        // Plain HTTP only redirects to HTTPS (308 keeps the method of a POST).
        Api.Answer redirect = http.get("/api/regions?x=1", "admin", NEW_PASSWORD);
        assertEquals(308, redirect.status());
        assertEquals("https://localhost:" + Integer.getInteger(HTTPS) + "/api/regions?x=1", redirect.header("Location"));
        assertNull(redirect.header("Strict-Transport-Security"));
        // The web's session cookie is Secure under HTTPS.
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + NEW_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Api.Answer session = https.request("POST", "/api/session", null, java.util.Map.of("Authorization", basic));
        assertEquals(200, session.status());
        assertTrue(session.header("Set-Cookie"), session.header("Set-Cookie").contains("; Secure"));
        String after = execute("safenest:status", "");
        assertTrue(after, after.contains("PRODUCTION mode; passwords hashed"));

        // A user created on the users page's REST API is stored only as a hash too, and logs in
        Api.Answer created = https.post("/api/users", "{\"name\":\"prod-analyst\",\"password\":\"" + USER_PASSWORD
                + "\",\"roles\":[\"analyst\"],\"regions\":[\"kaohsiung\"]}", "admin", NEW_PASSWORD);
        assertEquals(created.raw(), 201, created.status());
        String analyst = users().getProperty("prod-analyst");
        assertTrue(analyst, analyst.startsWith("{CRYPT}") && !analyst.contains(USER_PASSWORD));
        assertEquals(200, https.get("/api/regions/kaohsiung", "prod-analyst", USER_PASSWORD).status());
        assertTrue(https.get("/api/users", "admin", NEW_PASSWORD).raw().contains("bcrypt"));
    }
}
