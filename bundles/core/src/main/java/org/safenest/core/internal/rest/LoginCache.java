package org.safenest.core.internal.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.safenest.api.security.Caller;

/**
 * Remembers successful logins for a short time, so that a client sending the same HTTP Basic credentials on
 * every request does not cost a JAAS login (which reads and checks the users file) each time. Keys are salted
 * SHA-256 digests of realm, user and password; no password is kept. A changed or removed user takes effect
 * within {@link #DEFAULT_TTL}; failed logins are never cached.
 */
final class LoginCache {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private record Entry(Caller caller, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final byte[] salt = new byte[16];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    LoginCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        new java.security.SecureRandom().nextBytes(salt);
    }

    /** The cached caller for these credentials, or the result of {@code login} (cached when not null). */
    Caller caller(String realm, String user, String password, BiFunction<String, String, Caller> login) {
        String key = key(realm, user, password);
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && now - e.expiresAt() < 0) {
            return e.caller();
        }
        Caller caller = login.apply(user, password);
        if (caller != null) {
            if (entries.size() >= maxEntries) {
                entries.values().removeIf(old -> now - old.expiresAt() >= 0);
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry(caller, now + ttlNanos));
        } else {
            entries.remove(key);
        }
        return caller;
    }

    void clear() {
        entries.clear();
    }

    private String key(String realm, String user, String password) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            for (String part : new String[] {realm, user, password}) {
                d.update(part.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
