package org.safenest.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    static SecurityConfiguration config(Map<String, Object> values) {
        return (SecurityConfiguration) Proxy.newProxyInstance(SecurityConfiguration.class.getClassLoader(),
                new Class<?>[] {SecurityConfiguration.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    private LoginThrottle throttle(Map<String, Object> values) {
        return new LoginThrottle(config(values), now::get);
    }

    @Test
    void aUserNameSlowsDownAfterTheFreeFailuresThenLocks() {
        LoginThrottle t = throttle(Map.of());
        for (int i = 1; i <= 5; i++) {
            assertEquals(0, t.retryAfter("Ghost", "10.0.0.1"));
            assertEquals(0, t.failed("ghost", "10.0.0.1"), "failure " + i);
        }
        assertEquals(1, t.failed("ghost", "10.0.0.2"));
        assertEquals(1, t.retryAfter("GHOST", "10.0.0.3"), "the user name counts, whatever the case and address");
        now.addAndGet(SECOND);
        assertEquals(0, t.retryAfter("ghost", "10.0.0.3"));
        assertEquals(2, t.failed("ghost", "10.0.0.3"));
        now.addAndGet(2 * SECOND);
        assertEquals(4, t.failed("ghost", "10.0.0.3"));
        now.addAndGet(4 * SECOND);
        assertEquals(8, t.failed("ghost", "10.0.0.3"));
        now.addAndGet(8 * SECOND);
        assertEquals(900, t.failed("ghost", "10.0.0.3"), "the tenth failure locks for the lock time");
        now.addAndGet(600 * SECOND);
        assertEquals(300, t.retryAfter("ghost", "10.0.0.4"));
        assertEquals(Map.of("user ghost", 300L), t.locked());
        now.addAndGet(300 * SECOND);
        assertEquals(0, t.retryAfter("ghost", "10.0.0.4"));
        assertEquals(0, t.retryAfter("someone-else", "10.0.0.9"));
    }

    @Test
    void anAddressLocksAcrossUserNamesAndASuccessForgetsTheUserOnly() {
        LoginThrottle t = throttle(Map.of("login_address_free_failures", 3, "login_address_lock_failures", 4,
                "login_lock_seconds", 60));
        t.failed("a", "10.0.0.1");
        t.failed("b", "10.0.0.1");
        t.failed("a", "10.0.0.1");
        t.succeeded("a");
        assertEquals(60, t.failed("c", "10.0.0.1"));
        assertEquals(60, t.retryAfter("admin", "10.0.0.1"), "every user name from the locked address waits");
        assertEquals(0, t.retryAfter("admin", "10.0.0.2"), "the same user from elsewhere does not");
        assertTrue(t.unlock("10.0.0.1"));
        assertEquals(0, t.retryAfter("admin", "10.0.0.1"));
    }

    @Test
    void failuresAreForgottenAfterAWhile() {
        LoginThrottle t = throttle(Map.of("login_forget_seconds", 100));
        for (int i = 0; i < 5; i++) {
            t.failed("u", "a");
        }
        now.addAndGet(101 * SECOND);
        assertEquals(0, t.failed("u", "a"), "older failures no longer count");
    }

    @Test
    void theFirstWaitIsConfigurable() {
        LoginThrottle t = throttle(Map.of("login_user_free_failures", 1, "login_delay_seconds", 600));
        t.failed("u", "a");
        assertEquals(600, t.failed("u", "a"));
        now.addAndGet(599 * SECOND);
        assertEquals(1, t.retryAfter("u", "b"));
    }
}
