package org.safenest.openapi.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.LRUMap;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.ObjectMapperFactory;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Builds the OpenAPI 3.0 description of Safenest's REST API from the JAX-RS resource classes that are registered
 * now, by their annotations: {@code @Path}, the HTTP method, {@code @PathParam} / {@code @QueryParam} /
 * {@code @HeaderParam} parameters, the body parameter, {@code @Consumes} / {@code @Produces}, the return type (or
 * {@link Answer} for a method answering a {@code Response}) and {@link Roles}. The request and answer shapes are
 * resolved by swagger-core's Jackson-based {@link ModelResolver}, so they follow the same Jackson rules as the
 * answers Safenest writes (records by their components, dates as ISO strings).
 *
 * <p>Not thread-safe; one reader per document. A fresh Jackson mapper per reader, so that nothing here keeps the
 * classes of an uninstalled capability.
 */
final class ApiReader {

    /** Where the JAX-RS application is served. */
    static final String BASE = "/api";
    static final String ROLES_EXTENSION = "x-safenest-roles";

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})*))?\\}");
    private static final Pattern ALTERNATIVES = Pattern.compile("[\\w.-]+(\\|[\\w.-]+)*");
    private static final String ERROR = "#/components/schemas/Error";

    private final ModelConverterContextImpl models;
    private final OpenAPI api;
    private final Map<String, Schema> schemas = new TreeMap<>();
    private final Map<String, PathItem> paths = new TreeMap<>();
    private final Set<String> operationIds = new HashSet<>();

    ApiReader(String version) {
        ObjectMapper mapper = ObjectMapperFactory.createJson();
        // its own type cache: Jackson's shared one would keep an uninstalled capability's classes
        mapper.setTypeFactory(mapper.getTypeFactory().withCache(new LRUMap<Object, JavaType>(16, 400)));
        // one context for the whole document, as swagger's own Reader does: each type is resolved once
        models = new ModelConverterContextImpl(new ModelResolver(mapper));
        api = new OpenAPI()
                .info(new Info().title("Safenest REST API").version(version)
                        .license(new License().name("Apache License 2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
                        .description("""
                                The REST API of the Safenest capabilities installed on this server now: installing or \
                                uninstalling a capability (a Karaf feature) adds or removes its paths here.

                                Every operation needs a login (HTTP Basic, or the web's session cookie with the \
                                `X-Safenest-CSRF` header on state-changing calls) except the two load-balancer probes. \
                                The roles an operation allows are in its description and in `x-safenest-roles` \
                                (`any-user`: any logged-in user); a path with `{region}` also needs the caller to be \
                                allowed in that region (a `region-<code>` role of it, or no region role at all). \
                                Errors are JSON (`Error`): 400 `invalid-input` with `fields`, 401 without a valid \
                                login, 403 when the role or region does not allow it, 404 `not-found` (also for a \
                                path whose capability is not installed), 409 on a conflict, 429 with `Retry-After` \
                                after repeated failed logins. Every request, allowed or refused, is written to the \
                                audit log."""))
                .servers(List.of(new Server().url("/").description("this server")));
        Components components = new Components();
        components.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("HTTP Basic with a Safenest user (machines: on every call)"));
        components.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("SAFENEST_SESSION")
                .description("the web's session (POST /api/session with HTTP Basic opens one); state-changing calls "
                        + "also send its CSRF token as X-Safenest-CSRF"));
        api.components(components);
        api.security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("session")));
        schemas.put("FieldError", new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, as a JSON path (children[0].age)"))
                .addProperty("code", new StringSchema().description("what is wrong: required, unknown, invalid, ..."))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "code")));
        schemas.put("Error", new ObjectSchema().description("The body of every error answer")
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("error", new StringSchema().description("a stable machine-readable code: invalid-input, "
                        + "unauthorized, forbidden, not-found, conflict, too-many-attempts, internal-error"))
                .addProperty("message", new StringSchema().description("what went wrong, for a person"))
                .addProperty("fields", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .nullable(true).description("the offending fields, for invalid input"))
                .required(List.of("status", "error", "message")));
    }

    /** Adds the operations of a resource class; {@code tag} groups them (the bundle that serves them). */
    void read(Class<?> resource, String tag) {
        Path classPath = resource.getAnnotation(Path.class);
        if (classPath == null) {
            throw new IllegalArgumentException(resource.getName() + " has no class-level @Path");
        }
        List<Method> methods = new ArrayList<>(Arrays.asList(resource.getMethods()));
        methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method m : methods) {
            String http = httpMethod(m);
            if (http == null) {
                continue; // a sub-resource locator or no resource method at all
            }
            Path methodPath = m.getAnnotation(Path.class);
            String template = join(BASE, classPath.value(), methodPath == null ? "" : methodPath.value());
            for (Map.Entry<String, Map<String, String>> p : expand(template).entrySet()) {
                String id = operationId(resource, m, p.getValue());
                Operation op = operation(resource, m, p.getKey(), p.getValue(), tag, id);
                PathItem item = paths.computeIfAbsent(p.getKey(), k -> new PathItem());
                item.operation(PathItem.HttpMethod.valueOf(http), op);
            }
        }
    }

    OpenAPI result() {
        Paths p = new Paths();
        paths.forEach(p::addPathItem);
        api.paths(p);
        models.getDefinedModels().forEach(schemas::putIfAbsent);
        schemas.forEach(api.getComponents()::addSchemas);
        return api;
    }

    private Operation operation(Class<?> resource, Method m, String path, Map<String, String> fixed, String tag, String id) {
        Operation op = new Operation().operationId(id).addTagsItem(tag);
        Roles roles = m.getAnnotation(Roles.class) != null ? m.getAnnotation(Roles.class) : resource.getAnnotation(Roles.class);
        List<String> allowed = roles == null ? List.of() : List.of(roles.value());
        boolean open = allowed.contains(Roles.NO_LOGIN);
        StringBuilder description = new StringBuilder();
        if (roles == null) {
            description.append("Roles: not documented.");
        } else if (open) {
            description.append("No login needed.");
        } else {
            description.append("Roles: ").append(allowed.contains(Roles.ANY_USER) ? "any logged-in user" : String.join(", ", allowed));
            if (path.contains("{region}")) {
                description.append(", allowed in the region");
            }
            description.append('.');
        }
        if (roles != null && !roles.note().isEmpty()) {
            description.append(' ').append(roles.note());
        }
        op.addExtension(ROLES_EXTENSION, allowed);
        if (open) {
            op.security(List.of());
        }

        // parameters and the body
        Set<String> declared = new HashSet<>();
        boolean input = false;
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(BeanParam.class)
                    || p.isAnnotationPresent(FormParam.class) || p.isAnnotationPresent(MatrixParam.class)) {
                continue;
            }
            DefaultValue dv = p.getAnnotation(DefaultValue.class);
            io.swagger.v3.oas.models.parameters.Parameter param = null;
            if (p.isAnnotationPresent(PathParam.class)) {
                String name = p.getAnnotation(PathParam.class).value();
                if (fixed.containsKey(name) || !declared.add(name)) {
                    continue;
                }
                param = new io.swagger.v3.oas.models.parameters.PathParameter().name(name).required(true);
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                param = new io.swagger.v3.oas.models.parameters.QueryParameter().name(p.getAnnotation(QueryParam.class).value());
                input = true;
            } else if (p.isAnnotationPresent(HeaderParam.class)) {
                param = new io.swagger.v3.oas.models.parameters.HeaderParameter().name(p.getAnnotation(HeaderParam.class).value());
            } else if (p.isAnnotationPresent(CookieParam.class)) {
                param = new io.swagger.v3.oas.models.parameters.CookieParameter().name(p.getAnnotation(CookieParam.class).value());
            } else {
                Schema<?> body = schema(p.getParameterizedType());
                Content content = new Content();
                for (String type : mediaTypes(m.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class))) {
                    content.addMediaType(type, new io.swagger.v3.oas.models.media.MediaType().schema(body));
                }
                op.requestBody(new RequestBody().content(content));
                input = true;
                continue;
            }
            Schema<?> s = schema(p.getParameterizedType());
            if (dv != null && s != null) {
                s.setDefault(dv.value());
            }
            op.addParametersItem(param.schema(s));
        }
        // a template variable no parameter names (the method does not read it) must still be declared
        Matcher t = Pattern.compile("\\{(\\w[\\w.-]*)\\}").matcher(path);
        while (t.find()) {
            if (declared.add(t.group(1))) {
                op.addParametersItem(new io.swagger.v3.oas.models.parameters.PathParameter().name(t.group(1)).required(true)
                        .schema(new StringSchema()));
            }
        }

        // the answers
        ApiResponses responses = new ApiResponses();
        List<String> produced = mediaTypes(m.getAnnotation(Produces.class), resource.getAnnotation(Produces.class));
        Answer answer = m.getAnnotation(Answer.class);
        Type returned = m.getGenericReturnType();
        if (answer != null) {
            if (!answer.description().isEmpty()) {
                description.append(' ').append(answer.description());
            }
            Schema<?> s = answer.value() == Void.class ? null : schema(answer.value());
            if (s != null && answer.array()) {
                s = new ArraySchema().items(s);
            }
            responses.addApiResponse(Integer.toString(answer.status()), answer(answer.status(), s, produced));
        } else if (returned == void.class || returned == Void.class) {
            responses.addApiResponse("204", new ApiResponse().description("Done; no body"));
        } else if (returned == Response.class) {
            responses.addApiResponse("200", new ApiResponse().description("OK (the shape of the body is not described)"));
        } else {
            responses.addApiResponse("200", answer(200, schema(returned), produced));
        }
        if (input) {
            responses.addApiResponse("400", error("Invalid input: the `fields` say which and why"));
        }
        if (!open) {
            responses.addApiResponse("401", error("No valid login")
                    .addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema())));
            responses.addApiResponse("403", error("The caller's roles or region do not allow this"));
            responses.addApiResponse("429", error("Too many failed logins for this user name or address: wait")
                    .addHeaderObject("Retry-After", new Header().description("seconds to wait").schema(new IntegerSchema())));
        }
        if (path.contains("{")) {
            responses.addApiResponse("404", error("Not found (or its capability is not installed)"));
        }
        responses.setDefault(error("Any other error"));
        op.responses(responses);
        op.description(description.toString());
        op.summary(m.getName());
        return op;
    }

    private ApiResponse answer(int status, Schema<?> schema, List<String> produced) {
        ApiResponse r = new ApiResponse().description(status == 201 ? "Created" : status == 204 ? "Done; no body" : "OK");
        if (schema == null || status == 204) {
            return r;
        }
        Content content = new Content();
        for (String type : produced) {
            Schema<?> s = isJson(type) ? schema
                    : type.startsWith("text/") || type.contains("yaml") ? new StringSchema() : new BinarySchema();
            content.addMediaType(type, new io.swagger.v3.oas.models.media.MediaType().schema(s));
        }
        return r.content(content);
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(MediaType.APPLICATION_JSON,
                new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(ERROR))));
    }

    /** The schema of a Java type (a $ref for a named one: its parts go to the components); null for none. */
    private Schema<?> schema(Type type) {
        if (type == null || type == void.class || type == Void.class) {
            return null;
        }
        Schema<?> r = models.resolve(new AnnotatedType(type).resolveAsRef(true));
        return r == null ? new ObjectSchema() : r;
    }

    private static boolean isJson(String type) {
        return type.contains("json");
    }

    private static List<String> mediaTypes(Annotation onMethod, Annotation onClass) {
        String[] types = onMethod instanceof Consumes c ? c.value() : onMethod instanceof Produces p ? p.value()
                : onClass instanceof Consumes c ? c.value() : onClass instanceof Produces p ? p.value() : new String[0];
        List<String> out = new ArrayList<>();
        for (String t : types) {
            for (String one : t.split(",")) {
                if (!one.isBlank() && !out.contains(one.trim())) {
                    out.add(one.trim());
                }
            }
        }
        return out.isEmpty() ? List.of(MediaType.APPLICATION_JSON) : out;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            for (String s : splitSegments(part)) {
                b.append('/').append(s);
            }
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    /** The segments of a JAX-RS path, keeping a template's regular expression whole even if it holds a slash. */
    private static List<String> splitSegments(String path) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == '/' && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * The OpenAPI paths of a JAX-RS template: {@code {name: regex}} becomes {@code {name}}, except that a regex of
     * literal alternatives ({@code {probe: live|ready}}) becomes one path per alternative. Each path maps to the
     * variables fixed that way.
     */
    static Map<String, Map<String, String>> expand(String template) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        out.put("", Map.of());
        Matcher m = TEMPLATE.matcher(template);
        int at = 0;
        while (m.find()) {
            String literal = template.substring(at, m.start());
            String name = m.group(1);
            String regex = m.group(2) == null ? null : m.group(2).trim();
            Map<String, Map<String, String>> next = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, String>> e : out.entrySet()) {
                if (regex != null && ALTERNATIVES.matcher(regex).matches()) {
                    for (String alt : regex.split("\\|")) {
                        Map<String, String> fixed = new LinkedHashMap<>(e.getValue());
                        fixed.put(name, alt);
                        next.put(e.getKey() + literal + alt, fixed);
                    }
                } else {
                    next.put(e.getKey() + literal + "{" + name + "}", e.getValue());
                }
            }
            out = next;
            at = m.end();
        }
        String tail = template.substring(at);
        Map<String, Map<String, String>> done = new LinkedHashMap<>();
        out.forEach((k, v) -> done.put(k + tail, v));
        return done;
    }

    private String operationId(Class<?> resource, Method m, Map<String, String> fixed) {
        String base = Character.toLowerCase(resource.getSimpleName().charAt(0)) + resource.getSimpleName().substring(1)
                + "_" + m.getName() + String.join("", fixed.values().stream().map(v -> "_" + v.replaceAll("\\W", "_")).toList());
        String id = base;
        for (int i = 2; !operationIds.add(id); i++) {
            id = base + "_" + i;
        }
        return id;
    }
}
