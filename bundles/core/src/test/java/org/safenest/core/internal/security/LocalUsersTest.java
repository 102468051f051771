package org.safenest.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalUsersTest {

    @Test
    void passwordsNeedTwelveCharactersWithoutTheNameOrACommaOrOuterSpaces() {
        assertNull(LocalUsers.passwordProblem("lianhua-intake", "Lotus-Synthetic-2026"));
        assertTrue(LocalUsers.passwordProblem("x", "short").contains("at least 12"));
        assertTrue(LocalUsers.passwordProblem("kh-analyst", "KH-Analyst-2026!").contains("user name"));
        assertTrue(LocalUsers.passwordProblem("x1", "long enough, but").contains("','"));
        assertTrue(LocalUsers.passwordProblem("x1", " long enough pw").contains("space"));
        assertTrue(LocalUsers.passwordProblem("x1", null).contains("at least 12"));
    }

    @Test
    void userNamesAreLettersDigitsDotsUnderscoresAndDashes() {
        assertTrue(LocalUsers.NAME.matcher("lianhua-intake").matches());
        assertTrue(LocalUsers.NAME.matcher("a.b_c9").matches());
        assertFalse(LocalUsers.NAME.matcher("bad name").matches());
        assertFalse(LocalUsers.NAME.matcher("_g_:admingroup").matches());
        assertFalse(LocalUsers.NAME.matcher("user=x").matches());
        assertFalse(LocalUsers.NAME.matcher("-leading").matches());
        assertFalse(LocalUsers.NAME.matcher("x".repeat(65)).matches());
    }
}
