package org.safenest.openapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The reader on resources shaped like Safenest's (synthetic), and its document checked by swagger-parser. */
class ApiReaderTest {

    public record Child(int age, String childRef) {
    }

    public record Report(String reportId, Instant receivedAt, List<Child> children) {
    }

    public record Receipt(String caseNumber, boolean replay) {
    }

    @Path("regions/{region}/intake")
    @Produces(MediaType.APPLICATION_JSON)
    @Roles(value = {"intake", "dispatcher"})
    public static class Intake {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Answer(status = 201, value = Receipt.class, description = "201 with Location.")
        public Response submit(@PathParam("region") String region, Report report, @Context SecurityContext security) {
            return null;
        }

        @GET
        @javax.ws.rs.Path("{caseNumber}")
        @Roles(Roles.ANY_USER)
        public Receipt get(@PathParam("region") String region, @PathParam("caseNumber") String caseNumber,
                @QueryParam("limit") Integer limit) {
            return null;
        }

        @GET
        @javax.ws.rs.Path("export")
        @Produces({MediaType.APPLICATION_JSON, "text/csv"})
        @Answer(value = Receipt.class, array = true)
        public Response export(@PathParam("region") String region) {
            return null;
        }

        /** A sub-resource locator: no operation. */
        @javax.ws.rs.Path("{caseNumber}/{name}")
        public Object locate() {
            return null;
        }
    }

    @Path("health/{probe: live|ready}")
    @Roles(Roles.NO_LOGIN)
    public static class Probe {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> probe(@PathParam("probe") String probe) {
            return null;
        }
    }

    @Path("/items/{id: [0-9]+}/")
    public static class Undocumented {
        @GET
        public void touch() {
        }
    }

    private static OpenAPI read() {
        ApiReader r = new ApiReader("1.0");
        r.read(Intake.class, "safenest-intake");
        r.read(Probe.class, "safenest-core");
        r.read(Undocumented.class, "x");
        return r.result();
    }

    @Test
    void pathsOperationsAndRoles() {
        OpenAPI api = read();
        assertEquals(List.of("/api/health/live", "/api/health/ready", "/api/items/{id}", "/api/regions/{region}/intake",
                "/api/regions/{region}/intake/export", "/api/regions/{region}/intake/{caseNumber}"),
                List.copyOf(api.getPaths().keySet()));

        Operation submit = api.getPaths().get("/api/regions/{region}/intake").getPost();
        assertEquals(List.of("intake", "dispatcher"), submit.getExtensions().get(ApiReader.ROLES_EXTENSION));
        assertTrue(submit.getDescription().startsWith("Roles: intake, dispatcher, allowed in the region."), submit.getDescription());
        assertEquals("#/components/schemas/Receipt",
                submit.getResponses().get("201").getContent().get("application/json").getSchema().get$ref());
        assertEquals("#/components/schemas/Report",
                submit.getRequestBody().getContent().get("application/json").getSchema().get$ref());
        assertEquals(List.of("region"), submit.getParameters().stream().map(p -> p.getName()).toList());
        for (String status : List.of("400", "401", "403", "404", "429")) {
            assertEquals("#/components/schemas/Error", submit.getResponses().get(status).getContent()
                    .get("application/json").getSchema().get$ref(), status);
        }
        assertNotNull(api.getComponents().getSchemas().get("Child"), "nested records are components");
        assertEquals("date-time",
                ((io.swagger.v3.oas.models.media.Schema<?>) api.getComponents().getSchemas().get("Report").getProperties()
                        .get("receivedAt")).getFormat());

        Operation get = api.getPaths().get("/api/regions/{region}/intake/{caseNumber}").getGet();
        assertEquals(List.of("any-user"), get.getExtensions().get(ApiReader.ROLES_EXTENSION), "the method's roles win");
        assertEquals(List.of("region", "caseNumber", "limit"), get.getParameters().stream().map(p -> p.getName()).toList());

        Operation export = api.getPaths().get("/api/regions/{region}/intake/export").getGet();
        assertEquals("array", export.getResponses().get("200").getContent().get("application/json").getSchema().getType());
        assertEquals("string", export.getResponses().get("200").getContent().get("text/csv").getSchema().getType());

        Operation live = api.getPaths().get("/api/health/live").getGet();
        assertEquals(List.of(), live.getSecurity(), "the probes need no login");
        assertNull(live.getResponses().get("401"));
        assertTrue(live.getParameters() == null || live.getParameters().isEmpty(), "the alternative is fixed");

        Operation touch = api.getPaths().get("/api/items/{id}").getGet();
        assertEquals("Roles: not documented.", touch.getDescription());
        assertNotNull(touch.getResponses().get("204"));
        assertEquals(List.of("id"), touch.getParameters().stream().map(p -> p.getName()).toList(),
                "a template variable the method does not read is still declared");
    }

    @Test
    void theDocumentIsValidOpenApi3() throws Exception {
        String json = Json.pretty().writeValueAsString(read());
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, null);
        assertEquals(List.of(), parsed.getMessages(), json);
        assertNotNull(parsed.getOpenAPI());
        assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3.0"));
        assertFalse(json.contains("exampleSetFlag"), "swagger's own writer, not a plain Jackson dump");
    }

    @Test
    void templates() {
        assertEquals(Map.of("/a/x/b", Map.of("p", "x"), "/a/y/b", Map.of("p", "y")), ApiReader.expand("/a/{p: x|y}/b"));
        assertEquals(Map.of("/a/{id}", Map.of()), ApiReader.expand("/a/{id: [0-9]{1,3}}"));
    }
}
