package org.safenest.core.internal.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.safenest.core.internal.security.LocalUsers;
import org.safenest.core.internal.security.SecurityMode;
import org.safenest.core.internal.security.SecurityStatus;

/**
 * {@code safenest:admin-password}: sets an administrator's password in the JAAS realm (hashed in production mode),
 * creating the account when it is missing. The first step after installing Safenest in production mode.
 */
@Command(scope = "safenest", name = "admin-password",
        description = "Sets the password of a Safenest administrator (creates the account, roles admin and Karaf's admingroup, when missing). "
                + "In production mode the password is stored only as a slow salted hash, and Safenest serves once an administrator has one.")
@Service
public class AdminPasswordCommand implements Action {

    @Reference
    Session session;

    @Reference
    SecurityMode security;

    @Argument(index = 0, name = "user", description = "The administrator's user name (default: admin)")
    String user = "admin";

    @Option(name = "--password-stdin", description = "Read the password from one line of standard input instead of asking twice (for scripts)")
    boolean stdin;

    @Override
    public Object execute() throws Exception {
        String password;
        if (stdin) {
            password = readLine(session.getKeyboard());
        } else {
            password = session.readLine("New password for " + user + ": ", '*');
            String again = session.readLine("The same password again: ", '*');
            if (password == null || !password.equals(again)) {
                System.err.println("The two passwords differ; nothing changed.");
                return null;
            }
        }
        String problem = problem(user, password);
        if (problem != null) {
            System.err.println(problem + "; nothing changed.");
            return null;
        }
        security.setAdministratorPassword(user, password);
        SecurityStatus s = security.status();
        System.out.println("Password of administrator " + user + " set" + (s.passwordHashing().equals("none")
                ? " (stored in plain text: demo mode, encryption off)." : " (stored as a " + s.passwordHashing() + " hash)."));
        if (s.production()) {
            if (s.serving()) {
                System.out.println("Safenest serves now (HTTPS on port " + s.httpsPort() + ").");
            } else {
                System.out.println("Safenest still answers 503 until:");
                s.blockers().forEach(b -> System.out.println("  - " + b));
            }
        }
        return null;
    }

    /** Why the password is refused, or null when it is acceptable. */
    static String problem(String user, String password) {
        if (user == null || user.isBlank() || user.contains(",") || user.contains("=") || user.contains(":") || user.startsWith("_g_")) {
            return "The user name must not be empty nor contain ',', '=' or ':'";
        }
        return LocalUsers.passwordProblem(user, password);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
