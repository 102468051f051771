package org.safenest.api.security;

import java.util.Optional;

/** The roles of the platform, as named in the JAAS realm (etc/users.properties). */
public enum Role {
    /** Configures the platform, reads the audit log. */
    ADMIN("admin"),
    /** Staff of the central intake window: records reports. */
    INTAKE("intake"),
    /** Dispatches cases, disputes dispatch decisions. */
    DISPATCHER("dispatcher"),
    /** Serves cases; proposes referrals. */
    SOCIAL_WORKER("social-worker"),
    /** Supervises workers; adopts allocation plans. */
    SUPERVISOR("supervisor"),
    /** Chairs the referral board and records its decisions. */
    BOARD_CHAIR("board-chair"),
    /** Reads statistics and reports. */
    ANALYST("analyst");

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    /** The name used in the JAAS realm. */
    public String roleName() {
        return roleName;
    }

    public static Optional<Role> fromRoleName(String name) {
        for (Role r : values()) {
            if (r.roleName.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
