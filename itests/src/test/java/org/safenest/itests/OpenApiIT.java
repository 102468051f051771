package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * {@code /api/openapi.json} and {@code /api/openapi.yaml} of a running distribution (booted once, as an operator
 * runs it): valid OpenAPI 3 by swagger-parser's validator, every REST path the READMEs list is in it with its
 * method, every operation says which roles it needs, it needs a login, and it follows {@code feature:uninstall} /
 * {@code feature:install} given at the console over SSH.
 */
public class OpenApiIT {

    private static Distribution distribution;
    private static Api api;

    @BeforeClass
    public static void start() throws Exception {
        distribution = new Distribution("openapi-it");
        api = new Api(distribution.port);
        distribution.start();
        api.awaitUp(2, Duration.ofSeconds(180));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    /** A method and a path with its variables unnamed ({@code /api/regions/{}/cases/{}}). */
    record Operation(String method, String path) implements Comparable<Operation> {
        static Operation of(String method, String path) {
            return new Operation(method.toUpperCase(), path.replaceAll("\\{[^}]*\\}", "{}"));
        }

        @Override
        public int compareTo(Operation o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern METHOD_PATH = Pattern.compile("(GET|POST|PUT|DELETE|PATCH)(?:\\s+(\\S+))?");
    private static final Pattern BASE = Pattern.compile("REST \\(under `([^`]+)`");
    private static final Pattern CURL = Pattern.compile("curl .*https?://localhost:8181(/api/[^\"'?`\\s]+)");

    /**
     * The operations the READMEs list: every {@code `METHOD path`} in the first cell of a table row (relative paths
     * under the base their "REST (under ...)" heading names; {@code `POST`, `GET`, `DELETE /api/session`} is three),
     * every {@code `METHOD /api/...`} in the text, and every example {@code curl ... http://localhost:8181/api/...}.
     */
    static Set<Operation> readmeOperations() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> readmes = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> s = Files.list(root.resolve("bundles"))) {
            s.map(d -> d.resolve("README.md")).filter(Files::exists).sorted().forEach(readmes::add);
        }
        Set<Operation> out = new TreeSet<>();
        for (Path readme : readmes) {
            String base = "/api";
            for (String line : Files.readAllLines(readme)) {
                Matcher b = BASE.matcher(line);
                if (b.find()) {
                    base = b.group(1);
                }
                Matcher curl = CURL.matcher(line);
                if (curl.find()) {
                    Matcher x = Pattern.compile("-X\\s+([A-Z]+)").matcher(line);
                    // a body (-d, or a JSON Content-Type with the body on the next line) is a POST unless -X says otherwise
                    boolean body = line.contains(" -d ") || line.contains("Content-Type: application/json");
                    out.add(Operation.of(x.find() ? x.group(1) : body ? "POST" : "GET", curl.group(1)));
                    continue;
                }
                boolean row = line.startsWith("| `");
                String where = row ? line.substring(1, line.indexOf('|', 1)) : line;
                List<String> pending = new ArrayList<>();
                Matcher span = SPAN.matcher(where);
                while (span.find()) {
                    Matcher mp = METHOD_PATH.matcher(span.group(1).trim());
                    if (!mp.matches()) {
                        continue;
                    }
                    String path = mp.group(2);
                    if (!row) {
                        pending.clear(); // in the text, only `METHOD /api/...` counts
                    }
                    pending.add(mp.group(1));
                    if (path == null) {
                        continue; // `POST`, `GET`, `DELETE /api/session`
                    }
                    if (!row && !path.startsWith("/api/")) {
                        pending.clear();
                        continue;
                    }
                    path = path.replaceAll("\\?.*", "");
                    if (!path.startsWith("/api/")) {
                        path = (base.endsWith("/") ? base : base + "/") + (path.startsWith("/") ? path.substring(1) : path);
                    }
                    for (String method : pending) {
                        out.add(Operation.of(method, path));
                    }
                    pending.clear();
                }
            }
        }
        return out;
    }

    static Set<Operation> documentOperations(JsonNode doc) {
        Set<Operation> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext();) {
                String m = methods.next();
                if (List.of("get", "post", "put", "delete", "patch").contains(m)) {
                    out.add(Operation.of(m, p.getKey()));
                }
            }
        }
        return out;
    }

    /** The README's operations that no operation of the document serves (a README may name a region: kaohsiung). */
    static Set<Operation> missing(Set<Operation> readme, Set<Operation> document) {
        Set<Operation> out = new TreeSet<>();
        for (Operation r : readme) {
            boolean served = document.stream().anyMatch(d -> d.method().equals(r.method())
                    && r.path().matches(Pattern.quote(d.path()).replace("{}", "\\E[^/]+\\Q")));
            if (!served) {
                out.add(r);
            }
        }
        return out;
    }

    /** Validates with swagger-parser (OpenAPI 3.0 structure and references) and answers the messages. */
    static List<String> validate(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult r = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> messages = new ArrayList<>(r.getMessages() == null ? List.of() : r.getMessages());
        if (r.getOpenAPI() == null) {
            messages.add("not parsed as OpenAPI");
        } else if (r.getOpenAPI().getOpenapi() == null || !r.getOpenAPI().getOpenapi().startsWith("3.0.")) {
            messages.add("not OpenAPI 3.0: " + r.getOpenAPI().getOpenapi());
        }
        return messages;
    }

    /**
     * The document as a user reads it, once it satisfies {@code until} (the features' bundles come and go), or as
     * it is after two minutes.
     */
    static Api.Answer awaitDocument(Predicate<Set<Operation>> until) throws InterruptedException {
        Api.Answer a = null;
        for (int i = 0; i < 240; i++) {
            a = api.get("/api/openapi.json", "analyst", "analyst");
            if (a.status() == 200 && until.test(documentOperations(a.body()))) {
                return a;
            }
            Thread.sleep(500);
        }
        return a; // the assertions that follow say what is wrong
    }

    @Test
    public void theDocumentIsValidListsEveryReadmePathWithItsRolesAndFollowsFeatures() throws Exception {
        Set<Operation> readme = readmeOperations();
        assertTrue("the READMEs were read: " + readme, readme.size() > 60);
        Api.Answer json = awaitDocument(ops -> missing(readme, ops).isEmpty());
        assertEquals(json.raw(), 200, json.status());
        assertEquals("operations the READMEs list but the document lacks", Set.of(), missing(readme, documentOperations(json.body())));

        // a login like every other endpoint; then any user
        assertEquals(401, api.get("/api/openapi.json", null, null).status());
        assertEquals(401, api.get("/api/openapi.yaml", null, null).status());
        assertTrue(json.header("Content-Type"), json.header("Content-Type").startsWith("application/json"));
        assertEquals(List.of(), validate(json.raw()));
        Api.Answer yaml = api.get("/api/openapi.yaml", "worker", "worker");
        assertEquals(200, yaml.status());
        assertTrue(yaml.header("Content-Type"), yaml.header("Content-Type").startsWith("application/yaml"));
        assertEquals(List.of(), validate(yaml.raw()));
        assertEquals(new OpenAPIV3Parser().readContents(json.raw()).getOpenAPI().getPaths().keySet(),
                new OpenAPIV3Parser().readContents(yaml.raw()).getOpenAPI().getPaths().keySet());

        // every operation names its roles; the probes need no login, the rest the two ways to log in
        List<String> undocumented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = json.body().path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fields().forEachRemaining(op -> {
                JsonNode roles = op.getValue().path("x-safenest-roles");
                if (!roles.isArray() || roles.isEmpty()) {
                    undocumented.add(op.getKey() + " " + p.getKey());
                }
                boolean open = p.getKey().equals("/api/health/live") || p.getKey().equals("/api/health/ready");
                assertEquals(p.getKey(), open, roles.toString().contains("no-login"));
                assertEquals(p.getKey(), open, op.getValue().has("security") && op.getValue().path("security").isEmpty());
                assertTrue(p.getKey(), open || op.getValue().path("responses").has("401"));
            });
        }
        assertEquals("operations without @Roles", List.of(), undocumented);
        JsonNode doc = json.body();
        JsonNode propose = doc.path("paths").path("/api/regions/{region}/referrals").path("post");
        assertEquals("[\"social-worker\",\"supervisor\",\"admin\"]", propose.path("x-safenest-roles").toString());
        assertEquals("#/components/schemas/ReferralProposal",
                propose.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/SubmittedProposal",
                propose.path("responses").path("201").path("content").path("application/json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/Error",
                propose.path("responses").path("403").path("content").path("application/json").path("schema").path("$ref").asText());
        assertTrue(doc.path("components").path("schemas").path("Error").path("properties").has("fields"));
        assertEquals("basic", doc.path("components").path("securitySchemes").path("basic").path("scheme").asText());

        // the referral board goes: its paths go, the others stay; it comes back: they come back
        Predicate<Operation> referral = o -> o.path().matches("/api/regions/\\{\\}/referral(s|-meetings|-reminders)(/.*)?");
        Set<Operation> referralOps = new LinkedHashSet<>(documentOperations(doc));
        referralOps.removeIf(referral.negate());
        assertEquals(7, referralOps.size());
        Set<Operation> others = new TreeSet<>(documentOperations(doc));
        others.removeAll(referralOps);

        distribution.console("feature:uninstall safenest-referral-board");
        Api.Answer without = awaitDocument(ops -> ops.stream().noneMatch(referral));
        assertEquals(others, documentOperations(without.body()));
        assertEquals(List.of(), validate(without.raw()));
        assertFalse(without.raw().contains("SubmittedProposal"));
        assertFalse(api.get("/api/openapi.yaml", "worker", "worker").raw().contains("/referral-meetings"));

        distribution.console("feature:install safenest-referral-board");
        Api.Answer with = awaitDocument(ops -> ops.containsAll(referralOps));
        assertEquals(documentOperations(doc), documentOperations(with.body()));
        assertEquals(List.of(), validate(with.raw()));
    }
}
