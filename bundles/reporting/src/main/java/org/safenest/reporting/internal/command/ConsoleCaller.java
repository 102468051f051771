package org.safenest.reporting.internal.command;

import java.util.Set;

import org.apache.karaf.shell.api.console.Session;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

/** The Karaf console user as a Safenest caller: the console is for administrators (Karaf's admin role). */
final class ConsoleCaller {

    private ConsoleCaller() {
    }

    static Caller of(Session session) {
        Object user = session == null ? null : session.get("USER");
        return new Caller(user == null ? "console" : String.valueOf(user), Set.of(Role.ADMIN), Set.of());
    }
}
