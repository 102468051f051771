package org.safenest.core.internal.security;

import java.util.List;

/**
 * What the security mode found: the mode, whether Safenest serves (production mode refuses until {@code blockers}
 * is empty), and what is unsafe ({@code warnings}). Never holds a password or a hash.
 *
 * @param mode           {@code demo} or {@code production}
 * @param serving        false while production mode refuses every request with 503
 * @param blockers       what must be done before production mode serves, each with the command or file that does it
 * @param warnings       what is unsafe in the running configuration
 * @param passwordHashing the algorithm stored passwords are hashed with, or {@code none}
 * @param plainPasswords users whose password is stored in plain text
 * @param demoUsers      demo accounts that still log in with their demo password
 * @param https          whether the HTTPS connector is on with a keystore that exists
 * @param httpsPort      its port
 * @param plainHttp      whether plain HTTP serves pages (in production mode it only redirects to HTTPS)
 * @param sshHost        the address the SSH console listens on ({@code off} when SSH is not installed)
 */
public record SecurityStatus(String mode, boolean serving, List<String> blockers, List<String> warnings,
        String passwordHashing, List<String> plainPasswords, List<String> demoUsers, boolean https, int httpsPort,
        boolean plainHttp, String sshHost) {

    public boolean production() {
        return SecurityMode.PRODUCTION.equals(mode);
    }
}
