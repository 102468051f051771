package org.safenest.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a REST operation, as {@code /api/openapi.json} tells integrators (the operation's
 * {@code x-safenest-roles} and its description). On a method, or on a resource class for all its methods.
 *
 * <p>This annotation <em>documents</em> the check; it does not make it. The check stays where it is (the service
 * or resource, with {@link org.safenest.api.security.Caller}), so keep the two together when either changes.
 * Besides the roles named here, a path with {@code {region}} needs the caller to be allowed in that region (a
 * {@code region-<code>} role of it, or no region role at all).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {

    /** Any logged-in user (in the path's region, if it has one). */
    String ANY_USER = "any-user";

    /** No login at all: only the load-balancer probes. */
    String NO_LOGIN = "no-login";

    /** The roles, any one of which allows the call ({@code "admin"}, {@code "intake"}, ...), or {@link #ANY_USER}. */
    String[] value();

    /** Anything to add in words ("every role but analyst", "the proposal's members"). */
    String note() default "";
}
