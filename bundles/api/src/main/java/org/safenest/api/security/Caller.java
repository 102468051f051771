package org.safenest.api.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import org.safenest.api.error.AccessDeniedException;

/**
 * An authenticated user of the platform with its roles and, when limited, the regions it may work in.
 * REST resources obtain it as the request's user principal.
 *
 * @param name    the login name
 * @param roles   the platform roles held
 * @param regions the region codes the user is limited to; empty means every region
 */
public record Caller(String name, Set<Role> roles, Set<String> regions) implements Principal {

    /** The prefix of a JAAS role that limits a user to one region, as in {@code region-kaohsiung}. */
    public static final String REGION_ROLE_PREFIX = "region-";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        regions = Set.copyOf(regions);
    }

    /**
     * The caller behind a request's principal (as set by the platform's login filter); access denied when
     * the principal is not a Safenest caller.
     */
    public static Caller of(Principal principal) {
        if (principal instanceof Caller c) {
            return c;
        }
        throw new AccessDeniedException("The request is not authenticated as a Safenest user");
    }

    /** An administrator in every region: how the Karaf console (open to Karaf's admins only) acts. */
    public static Caller administrator(String name) {
        return new Caller(name, Set.of(Role.ADMIN), Set.of());
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean mayAccessRegion(String region) {
        return regions.isEmpty() || regions.contains(region);
    }

    /** Passes when the caller holds at least one of the roles (admin always passes). */
    public void requireAny(Role... allowed) {
        if (has(Role.ADMIN)) {
            return;
        }
        for (Role r : allowed) {
            if (has(r)) {
                return;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Role r : allowed) {
            names.append(names.length() == 0 ? "" : ", ").append(r.roleName());
        }
        throw new AccessDeniedException("User '" + name + "' lacks a role for this action (needs one of: " + names + ")");
    }

    /** Passes when the caller may work in the region. */
    public void requireRegion(String region) {
        if (!mayAccessRegion(region)) {
            throw new AccessDeniedException("User '" + name + "' may not work in region '" + region + "'");
        }
    }
}
