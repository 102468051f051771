package org.safenest.core.internal.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.safenest.core.internal.security.LoginThrottle;

/** {@code safenest:login-unlock}: lists the user names and addresses locked after failed logins, or lifts a lock. */
@Command(scope = "safenest", name = "login-unlock",
        description = "Lists the user names and client addresses locked after repeated failed logins; with an argument, lifts that lock at once")
@Service
public class LoginUnlockCommand implements Action {

    @Reference
    LoginThrottle throttle;

    @Argument(index = 0, name = "user-or-address", description = "The user name or client address to unlock; none: list the locks")
    String target;

    @Override
    public Object execute() {
        if (target == null) {
            Map<String, Long> locked = throttle.locked();
            if (locked.isEmpty()) {
                System.out.println("No user name or address is locked.");
            }
            locked.forEach((k, seconds) -> System.out.printf("  %-40s locked for %d s more%n", k, seconds));
            return null;
        }
        System.out.println(throttle.unlock(target) ? "Unlocked " + target + " (its failed logins are forgotten)."
                : "No failed logins are recorded for " + target + ".");
        return null;
    }
}
