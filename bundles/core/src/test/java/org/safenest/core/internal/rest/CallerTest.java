package org.safenest.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

/** The role and region checks the REST resources make on the request's {@link Caller}. */
class CallerTest {

    private final Caller admin = new Caller("root", Set.of(Role.ADMIN), Set.of());
    private final Caller kaohsiungIntake = new Caller("mei", Set.of(Role.INTAKE, Role.SOCIAL_WORKER), Set.of("kaohsiung"));
    private final Caller nobody = new Caller("guest", Set.of(), Set.of());

    @Test
    void adminPassesEveryRoleCheck() {
        for (Role r : Role.values()) {
            assertDoesNotThrow(() -> admin.requireAny(r), r.name());
        }
        assertDoesNotThrow(() -> admin.requireAny(Role.BOARD_CHAIR, Role.ANALYST));
        assertDoesNotThrow(() -> admin.requireAny());
    }

    @Test
    void unlimitedCallerMayWorkInEveryRegion() {
        assertDoesNotThrow(() -> admin.requireRegion("kaohsiung"));
        assertDoesNotThrow(() -> admin.requireRegion("hong-kong"));
        assertTrue(admin.mayAccessRegion("anywhere"));
    }

    @Test
    void aRoleHeldPasses() {
        assertDoesNotThrow(() -> kaohsiungIntake.requireAny(Role.INTAKE));
        assertDoesNotThrow(() -> kaohsiungIntake.requireAny(Role.DISPATCHER, Role.SOCIAL_WORKER));
    }

    @Test
    void noRoleHeldIsRefusedNamingTheRolesNeeded() {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> kaohsiungIntake.requireAny(Role.DISPATCHER, Role.SUPERVISOR));
        assertTrue(e.getMessage().contains("'mei'"), e.getMessage());
        assertTrue(e.getMessage().contains("dispatcher, supervisor"), e.getMessage());
        assertThrows(AccessDeniedException.class, () -> kaohsiungIntake.requireAny(Role.ADMIN));
        assertThrows(AccessDeniedException.class, () -> kaohsiungIntake.requireAny());
        assertThrows(AccessDeniedException.class, () -> nobody.requireAny(Role.ANALYST));
    }

    @Test
    void regionLimitedCallerIsRefusedElsewhere() {
        assertDoesNotThrow(() -> kaohsiungIntake.requireRegion("kaohsiung"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> kaohsiungIntake.requireRegion("hong-kong"));
        assertTrue(e.getMessage().contains("'hong-kong'"), e.getMessage());
        assertFalse(kaohsiungIntake.mayAccessRegion("hong-kong"));
    }

    @Test
    void aRegionLimitedAdminPassesRoleChecksButStaysInItsRegion() {
        Caller regionalAdmin = new Caller("hk-admin", Set.of(Role.ADMIN), Set.of("hong-kong"));
        assertDoesNotThrow(() -> regionalAdmin.requireAny(Role.DISPATCHER));
        assertDoesNotThrow(() -> regionalAdmin.requireRegion("hong-kong"));
        assertThrows(AccessDeniedException.class, () -> regionalAdmin.requireRegion("kaohsiung"));
    }

    @Test
    void rolesAndRegionsAreCopied() {
        Set<Role> roles = EnumSet.of(Role.ANALYST);
        Set<String> regions = new HashSet<>(Set.of("kaohsiung"));
        Caller c = new Caller("ann", roles, regions);
        roles.add(Role.ADMIN);
        regions.add("hong-kong");
        assertFalse(c.has(Role.ADMIN));
        assertThrows(AccessDeniedException.class, () -> c.requireAny(Role.SUPERVISOR));
        assertThrows(AccessDeniedException.class, () -> c.requireRegion("hong-kong"));
        assertEquals("ann", c.getName());
    }

    @Test
    void onlyASafenestCallerIsAcceptedAsPrincipal() {
        assertSame(admin, Caller.of(admin));
        Principal other = () -> "someone";
        assertThrows(AccessDeniedException.class, () -> Caller.of(other));
        assertThrows(AccessDeniedException.class, () -> Caller.of(null));
    }
}
