package org.safenest.intake.internal.command;

import org.apache.karaf.shell.api.console.Session;
import org.safenest.api.security.Caller;

/** The Karaf console user as a Safenest caller: the console is for administrators (Karaf's admin role). */
final class ConsoleCaller {

    private ConsoleCaller() {
    }

    static Caller of(Session session) {
        Object user = session == null ? null : session.get("USER");
        return Caller.administrator(user == null ? "console" : String.valueOf(user));
    }
}
