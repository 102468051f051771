package org.safenest.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Parsing of the HTTP Basic {@code Authorization} header. */
class AuthenticationFilterTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validCredentials() {
        assertArrayEquals(new String[] {"alice", "secret"}, AuthenticationFilter.basicCredentials(basic("alice:secret")));
        assertArrayEquals(new String[] {"alice", "secret"}, AuthenticationFilter.basicCredentials("Basic YWxpY2U6c2VjcmV0"));
    }

    @Test
    void schemeIsCaseInsensitiveAndSpacesAroundTheTokenAreIgnored() {
        assertArrayEquals(new String[] {"alice", "secret"}, AuthenticationFilter.basicCredentials("basic YWxpY2U6c2VjcmV0"));
        assertArrayEquals(new String[] {"alice", "secret"}, AuthenticationFilter.basicCredentials("BASIC   YWxpY2U6c2VjcmV0  "));
    }

    @Test
    void passwordMayContainColons() {
        assertArrayEquals(new String[] {"alice", "pa:ss:word"}, AuthenticationFilter.basicCredentials(basic("alice:pa:ss:word")));
        assertArrayEquals(new String[] {"alice", ":"}, AuthenticationFilter.basicCredentials(basic("alice::")));
    }

    @Test
    void emptyPasswordIsPassedOn() {
        assertArrayEquals(new String[] {"alice", ""}, AuthenticationFilter.basicCredentials(basic("alice:")));
    }

    @Test
    void utf8NamesAndPasswords() {
        assertArrayEquals(new String[] {"社工", "密碼"}, AuthenticationFilter.basicCredentials(basic("社工:密碼")));
    }

    @Test
    void notBasicIsRefused() {
        assertNull(AuthenticationFilter.basicCredentials(null));
        assertNull(AuthenticationFilter.basicCredentials(""));
        assertNull(AuthenticationFilter.basicCredentials("Bearer YWxpY2U6c2VjcmV0"));
        assertNull(AuthenticationFilter.basicCredentials("Basic"));
        assertNull(AuthenticationFilter.basicCredentials("BasicYWxpY2U6c2VjcmV0"));
        assertNull(AuthenticationFilter.basicCredentials("Digest username=\"alice\""));
    }

    @Test
    void badBase64IsRefused() {
        assertNull(AuthenticationFilter.basicCredentials("Basic %%%not-base64%%%"));
        assertNull(AuthenticationFilter.basicCredentials("Basic YWxpY2U6c2VjcmV0!"));
    }

    @Test
    void noColonOrNoUserIsRefused() {
        assertNull(AuthenticationFilter.basicCredentials(basic("alice")));
        assertNull(AuthenticationFilter.basicCredentials(basic(":secret")));
        assertNull(AuthenticationFilter.basicCredentials(basic("")));
        assertNull(AuthenticationFilter.basicCredentials("Basic "));
    }
}
