package org.safenest.allocation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.safenest.api.allocation.AllocationPlan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A plan's stored form: JSON, as the API answers it. */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a plan stored by an older version may carry fields this one no longer has
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanJson() {
    }

    public static String write(AllocationPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AllocationPlan read(String json) {
        try {
            return MAPPER.readValue(json, AllocationPlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored plan cannot be read", e);
        }
    }
}
