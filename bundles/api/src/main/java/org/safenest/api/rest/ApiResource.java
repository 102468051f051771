package org.safenest.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A JAX-RS resource that a capability contributes to Safenest's REST API under {@code /api}.
 *
 * <p>Register the annotated object as a service of this type (a Declarative Services component with
 * {@code service = ApiResource.class}). Its class-level {@code @Path} says where it is served: either
 * {@code "regions/{region}/NAME"} for something a region has (cases, statistics, referrals, ...) or {@code "NAME"}
 * at the top level. Method-level {@code @Path}s, {@code @PathParam("region")}, {@code @Context} parameters and
 * the JSON mapping work as in any JAX-RS resource; login, the audit record and JSON errors come from the API.
 *
 * <p>The JAX-RS application itself never changes when such resources come and go: installing or uninstalling a
 * capability does not interrupt a single request to another capability, and while a resource is absent its
 * paths answer 404 with the API's JSON error. (Resources registered straight with the JAX-RS whiteboard make
 * the whiteboard rebuild the whole application, and requests to every resource fail while it does.)
 */
@ConsumerType
public interface ApiResource {

    /** The prefix of a region's resources: {@code regions/{region}/}. */
    String REGION_PREFIX = "regions/{region}/";
}
