package org.safenest.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.security.SecurityConfiguration;

class WebSessionsTest {

    private static final long MINUTE = 60_000_000_000L;
    private final AtomicLong now = new AtomicLong(0);

    private WebSessions sessions(int idleMinutes) {
        SecurityConfiguration config = (SecurityConfiguration) Proxy.newProxyInstance(SecurityConfiguration.class.getClassLoader(),
                new Class<?>[] {SecurityConfiguration.class},
                (proxy, method, args) -> Map.<String, Object>of("session_idle_minutes", idleMinutes)
                        .getOrDefault(method.getName(), method.getDefaultValue()));
        return new WebSessions(config, now::get);
    }

    private static final Caller WORKER = new Caller("worker", Set.of(Role.SOCIAL_WORKER), Set.of());

    @Test
    void aSessionEndsAfterItsIdleTimeButEachRequestKeepsItAlive() {
        WebSessions s = sessions(30);
        WebSessions.Session session = s.create(WORKER);
        now.addAndGet(29 * MINUTE);
        assertEquals(WORKER, s.find(session.id()).caller());
        now.addAndGet(29 * MINUTE);
        assertEquals(WORKER, s.find(session.id()).caller(), "used 29 minutes ago");
        now.addAndGet(31 * MINUTE);
        assertNull(s.find(session.id()));
    }

    @Test
    void logoutEndsTheSessionAndIdsAndTokensAreRandom() {
        WebSessions s = sessions(30);
        WebSessions.Session a = s.create(WORKER);
        WebSessions.Session b = s.create(WORKER);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.id(), a.csrfToken());
        assertTrue(a.id().length() >= 43);
        s.end(a.id());
        assertNull(s.find(a.id()));
        assertEquals(1, s.endAll("worker"));
        assertNull(s.find(b.id()));
        assertNull(s.find(null));
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        WebSessions.Session a = sessions(30).create(WORKER);
        assertTrue(WebSessions.csrfMatches(a, a.csrfToken()));
        assertFalse(WebSessions.csrfMatches(a, null));
        assertFalse(WebSessions.csrfMatches(a, a.csrfToken() + "x"));
        assertFalse(WebSessions.csrfMatches(a, ""));
    }
}
