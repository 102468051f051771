package org.safenest.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a REST method that returns a JAX-RS {@code Response} answers on success, for {@code /api/openapi.json}
 * (a method returning its entity is described from its return type and needs none).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Answer {

    /** The HTTP status of success: 200, 201, 204, ... */
    int status() default 200;

    /** The entity's type as JSON; {@code Void.class} for no body. */
    Class<?> value() default Void.class;

    /** True when the body is a JSON array of {@link #value()}. */
    boolean array() default false;

    /** What the answer holds, in words (headers such as {@code Location}, the other formats). */
    String description() default "";
}
