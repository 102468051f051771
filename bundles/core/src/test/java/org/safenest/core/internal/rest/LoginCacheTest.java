package org.safenest.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

class LoginCacheTest {

    private final Caller alice = new Caller("alice", Set.of(Role.INTAKE), Set.of());

    @Test
    void aSuccessfulLoginIsReusedUntilItExpires() throws Exception {
        LoginCache cache = new LoginCache(Duration.ofMillis(200), 10);
        AtomicInteger logins = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            assertSame(alice, cache.caller("karaf", "alice", "pw", (u, p) -> {
                logins.incrementAndGet();
                return alice;
            }));
        }
        assertEquals(1, logins.get());
        Thread.sleep(300);
        cache.caller("karaf", "alice", "pw", (u, p) -> {
            logins.incrementAndGet();
            return alice;
        });
        assertEquals(2, logins.get());
    }

    @Test
    void anotherPasswordOrRealmIsAnotherLoginAndFailuresAreNotCached() {
        LoginCache cache = new LoginCache(Duration.ofMinutes(1), 10);
        AtomicInteger logins = new AtomicInteger();
        cache.caller("karaf", "alice", "pw", (u, p) -> {
            logins.incrementAndGet();
            return alice;
        });
        assertNull(cache.caller("karaf", "alice", "wrong", (u, p) -> {
            logins.incrementAndGet();
            return null;
        }));
        assertNull(cache.caller("karaf", "alice", "wrong", (u, p) -> {
            logins.incrementAndGet();
            return null;
        }));
        cache.caller("other", "alice", "pw", (u, p) -> {
            logins.incrementAndGet();
            return alice;
        });
        assertEquals(4, logins.get());
    }

    @Test
    void theCacheStaysBounded() {
        LoginCache cache = new LoginCache(Duration.ofMinutes(1), 3);
        AtomicInteger logins = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            cache.caller("karaf", "u" + i, "pw", (u, p) -> {
                logins.incrementAndGet();
                return alice;
            });
        }
        cache.caller("karaf", "u0", "pw", (u, p) -> {
            logins.incrementAndGet();
            return alice;
        });
        assertEquals(11, logins.get());
    }
}
