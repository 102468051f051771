package org.safenest.openapi.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.rest.Roles;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.0 document of the REST API installed now. Any logged-in user: it
 * holds no data of any case or person, only the shape of the API that every client needs, and an integrator's
 * account is rarely an administrator; the login keeps anonymous scanners from mapping the API.
 */
@Component(service = ApiResource.class)
@Path("openapi.json")
@Roles(value = Roles.ANY_USER, note = "The document changes when a capability is installed or removed.")
public class OpenApiResource implements ApiResource {

    static final String YAML = "application/yaml";

    private final OpenApiDocument document;

    @Activate
    public OpenApiResource(@Reference OpenApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces("application/json")
    @Answer(value = Object.class, description = "The OpenAPI 3.0 document of every REST resource installed now.")
    public Response json() {
        return Response.ok(document.json(), "application/json; charset=UTF-8").cacheControl(noCache()).build();
    }

    static CacheControl noCache() {
        CacheControl c = new CacheControl();
        c.setNoCache(true);
        return c;
    }

    /** {@code GET /api/openapi.yaml}: the same document in YAML. */
    @Component(service = ApiResource.class)
    @Path("openapi.yaml")
    @Roles(value = Roles.ANY_USER, note = "The document changes when a capability is installed or removed.")
    public static class Yaml implements ApiResource {

        private final OpenApiDocument document;

        @Activate
        public Yaml(@Reference OpenApiDocument document) {
            this.document = document;
        }

        @GET
        @Produces(YAML)
        @Answer(value = String.class, description = "The OpenAPI 3.0 document of every REST resource installed now, in YAML.")
        public Response yaml() {
            return Response.ok(document.yaml(), YAML + "; charset=UTF-8").cacheControl(noCache()).build();
        }
    }
}
