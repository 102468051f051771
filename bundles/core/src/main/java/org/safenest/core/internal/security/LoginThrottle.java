package org.safenest.core.internal.security;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Slows down and then locks repeated failed logins, per user name and per client address, whether the user exists
 * or not (so the answers reveal nothing about accounts). After {@code free} failures each further attempt must wait
 * 1, 2, 4, ... seconds ({@code login.delay.seconds} doubled, at most 60) after the last failure; after {@code lock} failures the name or address is
 * locked for the lock time. A success forgets the user name's failures (not the address's). Failures are
 * forgotten {@code login.forget.seconds} after the last one.
 * <p>
 * It guards the HTTP logins only: the console on the machine itself ({@code bin/karaf}) needs no login, so an
 * attacker cannot lock an administrator out of it; {@code safenest:login-unlock} lifts a lock at once.
 */
@Component(service = LoginThrottle.class, configurationPid = SecurityMode.PID)
public class LoginThrottle {

    /** Entries kept at most; the oldest are dropped beyond (an attacker with many names cannot exhaust memory). */
    static final int MAX_ENTRIES = 20_000;
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_DELAY_SECONDS = 60;

    private static final class Failures {
        int count;
        long last;
        long lockedUntil;
    }

    private final Map<String, Failures> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile SecurityConfiguration config;

    @Activate
    public LoginThrottle(SecurityConfiguration config) {
        this(config, System::nanoTime);
    }

    LoginThrottle(SecurityConfiguration config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(SecurityConfiguration config) {
        this.config = config;
    }

    /** Seconds the caller must wait before this login may be tried, 0 when it may be tried now. */
    public long retryAfter(String user, String address) {
        long now = clock.getAsLong();
        return Math.max(wait(userKey(user), now, config.login_user_free_failures()),
                wait(addressKey(address), now, config.login_address_free_failures()));
    }

    /** Counts a failed login; answers the seconds to wait before the next attempt. */
    public long failed(String user, String address) {
        long now = clock.getAsLong();
        count(userKey(user), now, config.login_user_lock_failures());
        count(addressKey(address), now, config.login_address_lock_failures());
        return retryAfter(user, address);
    }

    /** A successful login forgets the failures of the user name. */
    public void succeeded(String user) {
        entries.remove(userKey(user));
    }

    /** Lifts the lock and forgets the failures of a user name or address; true when there were any. */
    public boolean unlock(String userOrAddress) {
        boolean a = entries.remove(userKey(userOrAddress)) != null;
        boolean b = entries.remove(addressKey(userOrAddress)) != null;
        return a || b;
    }

    /** The user names and addresses locked now, with the seconds left. */
    public Map<String, Long> locked() {
        long now = clock.getAsLong();
        Map<String, Long> locked = new java.util.TreeMap<>();
        entries.forEach((k, f) -> {
            synchronized (f) {
                if (f.lockedUntil - now > 0) {
                    locked.put(k, ceilSeconds(f.lockedUntil - now));
                }
            }
        });
        return locked;
    }

    private long wait(String key, long now, int free) {
        Failures f = entries.get(key);
        if (f == null) {
            return 0;
        }
        synchronized (f) {
            if (f.lockedUntil - now > 0) {
                return ceilSeconds(f.lockedUntil - now);
            }
            if (f.count <= free) {
                return 0;
            }
            long base = Math.max(1, config.login_delay_seconds());
            long delay = Math.min(Math.max(MAX_DELAY_SECONDS, base), base << Math.min(f.count - free - 1, 16)) * SECOND;
            long left = f.last + delay - now;
            return left > 0 ? ceilSeconds(left) : 0;
        }
    }

    private void count(String key, long now, int lock) {
        if (entries.size() >= MAX_ENTRIES) {
            prune(now);
        }
        Failures f = entries.computeIfAbsent(key, k -> new Failures());
        synchronized (f) {
            if (f.count > 0 && now - f.last > config.login_forget_seconds() * SECOND && f.lockedUntil - now <= 0) {
                f.count = 0;
            }
            f.count++;
            f.last = now;
            if (f.count >= lock && f.lockedUntil - now <= 0) {
                f.lockedUntil = now + config.login_lock_seconds() * SECOND;
                f.count = 0;
            }
        }
    }

    private void prune(long now) {
        long forget = config.login_forget_seconds() * SECOND;
        entries.entrySet().removeIf(e -> now - e.getValue().last > forget && e.getValue().lockedUntil - now <= 0);
        if (entries.size() >= MAX_ENTRIES) {
            entries.entrySet().removeIf(e -> e.getValue().lockedUntil - now <= 0);
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + SECOND - 1) / SECOND;
    }

    private static String userKey(String user) {
        return "user " + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address " + (address == null ? "unknown" : address);
    }
}
