package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Login throttling against the distribution (demo mode, thresholds lowered in etc/org.safenest.security.cfg and a
 * first wait of 10 minutes, so that no assertion depends on how fast the machine is): repeated failures for one user
 * name slow down, then lock, with the same answers whether the user exists or not; an address locks across user
 * names; failed logins are audited with the user name tried and the address; {@code safenest:login-unlock} lifts a lock.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoginThrottleIT {

    private static final String PORT = "safenest.itest.http.port";
    private static final String CFG = "etc/org.safenest.security.cfg";

    @Configuration
    public Option[] config() {
        int port = SafenestTestSupport.freePort();
        return OptionUtils.combine(SafenestTestSupport.options(port), systemProperty(PORT).value(Integer.toString(port)),
                editConfigurationFilePut(CFG, "login.user.free.failures", "2"),
                editConfigurationFilePut(CFG, "login.user.lock.failures", "4"),
                editConfigurationFilePut(CFG, "login.address.free.failures", "20"),
                editConfigurationFilePut(CFG, "login.address.lock.failures", "24"),
                editConfigurationFilePut(CFG, "login.delay.seconds", "600"),
                editConfigurationFilePut(CFG, "login.lock.seconds", "3600"));
    }

    private static String execute(String command) throws Exception {
        return SafenestTestSupport.execute(FrameworkUtil.getBundle(LoginThrottleIT.class).getBundleContext(), command, "");
    }

    /** The statuses of {@code n} wrong logins for {@code user}, each with "wait" when it has a Retry-After of 1 to 600 s. */
    private static List<String> wrongLogins(Api api, String user, int n) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Api.Answer a = api.get("/api/regions", user, "wrong-password");
            String retry = a.header("Retry-After");
            if (retry != null) {
                long seconds = Long.parseLong(retry);
                assertTrue(retry, seconds >= 1 && seconds <= 600);
            }
            answers.add(a.status() + (retry == null ? "" : " wait"));
        }
        return answers;
    }

    @Test
    public void failedLoginsSlowDownThenLockWithoutRevealingWhoExistsAndAreAudited() throws Exception {
        Api api = new Api(Integer.getInteger(PORT));
        api.awaitUp(2, Duration.ofSeconds(180));

        // 2 free failures, a wait of 600 s after the third, the fourth attempt refused with 429 before the login is tried.
        List<String> existing = wrongLogins(api, "worker", 4);
        List<String> unknown = wrongLogins(api, "nobody-synthetic", 4);
        assertEquals(List.of("401", "401", "401 wait", "429 wait"), existing);
        assertEquals("an unknown user name is answered exactly like an existing one", existing, unknown);
        Api.Answer slowed = api.get("/api/regions", "worker", "worker");
        assertEquals("even the right password waits", 429, slowed.status());
        assertEquals("too-many-attempts", slowed.body().path("error").asText());
        // Other users are not affected.
        assertEquals(200, api.get("/api/regions", "admin", "admin").status());

        // After the wait, the fourth failure locks the name for an hour.
        execute("safenest:login-unlock worker");
        List<String> locking = wrongLogins(api, "worker", 3);
        assertEquals(List.of("401", "401", "401 wait"), locking);
        BundleContext ctx = FrameworkUtil.getBundle(LoginThrottleIT.class).getBundleContext();
        ConfigurationAdmin configs = ctx.getService(ctx.getServiceReference(ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration security = configs.getConfiguration("org.safenest.security", null);
        java.util.Dictionary<String, Object> props = security.getProperties();
        props.put("login.delay.seconds", "1");
        security.update(props);
        String locks = "";
        // the changed wait applies at once to the next check; a fourth failure then locks for the lock time
        for (int i = 0; i < 60 && !locks.contains("user worker"); i++) {
            Thread.sleep(1000);
            api.get("/api/regions", "worker", "wrong-password");
            locks = execute("safenest:login-unlock");
        }
        assertTrue(locks, locks.contains("user worker"));
        Api.Answer locked = api.get("/api/regions", "worker", "worker");
        assertEquals(429, locked.status());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue("Retry-After " + retryAfter, retryAfter > 3000 && retryAfter <= 3600);

        // The console lifts the lock.
        assertTrue(execute("safenest:login-unlock worker").contains("Unlocked worker"));
        assertEquals(200, api.get("/api/regions", "worker", "worker").status());

        // Failed logins are in the audit log with the name tried and the address, never the password.
        JsonNode audit = api.get("/api/audit?limit=1000", "admin", "admin").body();
        int failed = 0;
        int throttled = 0;
        for (JsonNode r : audit.path("records")) {
            String target = r.path("target").asText();
            String detail = r.path("detail").asText();
            assertFalse(r.toString(), r.toString().contains("wrong-password"));
            if (target.equals("user nobody-synthetic") && detail.startsWith("HTTP 401 (login failed) from ")) {
                assertEquals("DENIED", r.path("outcome").asText());
                assertTrue(detail, detail.endsWith("127.0.0.1") || detail.contains(":"));
                failed++;
            }
            if (target.equals("user nobody-synthetic") && detail.startsWith("HTTP 429 (login throttled) from ")) {
                throttled++;
            }
        }
        assertEquals(3, failed);
        assertEquals(1, throttled);
    }
}
