package org.safenest.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** A client that hangs up while its answer is written is not a server error. */
class ApiExceptionMapperTest {

    @Test
    void aBrokenPipeAnywhereInTheChainMeansTheClientIsGone() {
        assertTrue(ApiExceptionMapper.clientGone(new UncheckedIOException(new IOException("Broken pipe"))));
        assertTrue(ApiExceptionMapper.clientGone(new RuntimeException(new RuntimeException(new IOException("Broken pipe (Write failed)")))));
    }

    @Test
    void otherFailuresAreServerErrors() {
        assertFalse(ApiExceptionMapper.clientGone(new IllegalStateException("no database")));
        assertFalse(ApiExceptionMapper.clientGone(new UncheckedIOException(new IOException("disk full"))));
        assertFalse(ApiExceptionMapper.clientGone(new NullPointerException()));
    }
}
