package org.safenest.core.internal.rest;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.safenest.api.security.Caller;
import org.safenest.core.internal.security.SecurityConfiguration;
import org.safenest.core.internal.security.SecurityMode;

/**
 * The web's server sessions: after one login the browser holds only a random session id in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie (never the password), and sends a CSRF token, which it keeps in memory, with
 * every state-changing call. A session ends at logout, after {@code session.idle.minutes} without a request, or
 * when Safenest restarts (sessions are kept in memory only).
 */
@Component(service = WebSessions.class, configurationPid = SecurityMode.PID)
public class WebSessions {

    /** The session cookie. */
    public static final String COOKIE = "SAFENEST_SESSION";
    /** The header that carries the CSRF token of a session. */
    public static final String CSRF_HEADER = "X-Safenest-CSRF";
    static final int MAX_SESSIONS = 10_000;

    public record Session(String id, String csrfToken, Caller caller) {
    }

    private static final class Entry {
        final Session session;
        volatile long lastUsed;

        Entry(Session session, long now) {
            this.session = session;
            this.lastUsed = now;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long idleNanos;

    private final java.util.concurrent.atomic.AtomicLong loginGeneration = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public WebSessions(SecurityConfiguration config) {
        this(config, System::nanoTime);
    }

    WebSessions(SecurityConfiguration config, LongSupplier clock) {
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(SecurityConfiguration config) {
        idleNanos = Math.max(1, config.session_idle_minutes()) * 60_000_000_000L;
    }

    public long idleMinutes() {
        return idleNanos / 60_000_000_000L;
    }

    /** A new session for a caller who has just logged in. */
    public Session create(Caller caller) {
        long now = clock.getAsLong();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(e -> now - e.lastUsed > idleNanos);
            if (sessions.size() >= MAX_SESSIONS) {
                throw new IllegalStateException("too many open sessions");
            }
        }
        Session s = new Session(token(), token(), caller);
        sessions.put(s.id(), new Entry(s, now));
        return s;
    }

    /** The live session of this id (and it counts as used now), or null when unknown, ended or idle too long. */
    public Session find(String id) {
        if (id == null) {
            return null;
        }
        Entry e = sessions.get(id);
        long now = clock.getAsLong();
        if (e == null) {
            return null;
        }
        if (now - e.lastUsed > idleNanos) {
            sessions.remove(id);
            return null;
        }
        e.lastUsed = now;
        return e.session;
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user (for example after a password change); answers how many. */
    public int endAll(String user) {
        int[] n = {0};
        sessions.values().removeIf(e -> {
            boolean match = e.session.caller().name().equals(user);
            n[0] += match ? 1 : 0;
            return match;
        });
        return n[0];
    }

    /**
     * A user of the store was changed or removed: ends the user's sessions, and makes the API forget every login it
     * remembers ({@link #loginGeneration()}), so the change holds from the next request on.
     */
    public void userChanged(String user) {
        endAll(user);
        loginGeneration.incrementAndGet();
    }

    /** Counts the changes of users; a remembered login made before the last change is not used. */
    public long loginGeneration() {
        return loginGeneration.get();
    }

    /** Whether the token sent with a state-changing request is the session's (compared in constant time). */
    public static boolean csrfMatches(Session s, String sent) {
        return sent != null && MessageDigest.isEqual(s.csrfToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
