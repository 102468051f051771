package org.safenest.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's walk-through "Adding your city", step by step over HTTP against the distribution, with the made-up
 * city of docs/example-city (synthetic data): a dry run of a broken archive lists its problems by file and line and
 * changes nothing; the archive is uploaded; the city's dispatch rules are four lines; a user of the city is created over
 * REST ({@code POST /api/users}) and logs in; the user's reports are dispatched to the right
 * offices; removal is refused while the city holds cases and rule sets, and works for a region that holds none.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExampleCityIT {

    private static final String PORT_PROPERTY = "safenest.itest.http.port";
    private static final String ZIP = "application/zip";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SYNTHETIC password of the city's user. */
    private static final String USER_PASSWORD = "Lotus-Synthetic-2026";

    @Configuration
    public Option[] config() {
        int port = SafenestTestSupport.freePort();
        return OptionUtils.combine(SafenestTestSupport.options(port), systemProperty(PORT_PROPERTY).value(Integer.toString(port)));
    }

    private static Api api() throws InterruptedException {
        Api api = new Api(Integer.getInteger(PORT_PROPERTY));
        api.awaitUp(2, Duration.ofSeconds(120));
        return api;
    }

    /** The example city's files, as its IT person has them in a folder. */
    private static Map<String, String> exampleFiles() throws IOException {
        Path folder = Path.of(System.getProperty("safenest.example.city"));
        Map<String, String> files = new TreeMap<>();
        for (String name : List.of("region.properties", "districts.csv", "offices.csv", "case-types.csv")) {
            files.put(name, Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
        }
        return files;
    }

    private static String rules() throws IOException {
        return Files.readString(Path.of(System.getProperty("safenest.example.city")).resolve("dispatch-rules.csv"), StandardCharsets.UTF_8);
    }

    /** The folder zipped as people do it: the folder itself, with its files inside. */
    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("example-city/" + e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String replaceLine(String text, int line, String from, String to) {
        String[] lines = text.split("\n", -1);
        assertTrue("line " + line + " holds " + from, lines[line - 1].contains(from));
        lines[line - 1] = lines[line - 1].replace(from, to);
        return String.join("\n", lines);
    }

    private static String report(String id, String caseType, String district, String part) {
        return "{\"reportId\":\"" + id + "\",\"receivedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"caseType\":\"" + caseType
                + "\",\"district\":\"" + district + "\"" + (part == null ? "" : ",\"districtPart\":\"" + part + "\"")
                + ",\"children\":[{\"age\":6}],\"summary\":\"Synthetic walk-through report.\",\"source\":\"school\"}";
    }

    @Test
    public void addingYourCity() throws Exception {
        Api api = api();
        Map<String, String> files = exampleFiles();

        // 1. A dry run of an archive with mistakes: every problem by file and line, nothing changed
        Map<String, String> broken = new TreeMap<>(files);
        broken.put("offices.csv", replaceLine(replaceLine(files.get("offices.csv"), 3, "山腰區", "山頂區"), 4,
                "welfare-service-centre", "welfare-centre"));
        broken.put("case-types.csv", replaceLine(files.get("case-types.csv"), 2, "ADULT_PROTECTION", "ADULTS"));
        Api.Answer dry = api.send("POST", "/api/regions?dryRun=true", zip(broken), ZIP, "admin", "admin");
        assertEquals(dry.raw(), 200, dry.status());
        assertFalse(dry.body().path("ok").asBoolean());
        assertTrue(dry.body().path("dryRun").asBoolean());
        assertEquals("lianhua", dry.body().path("code").asText());
        List<String> problems = new ArrayList<>();
        for (JsonNode p : dry.body().path("problems")) {
            problems.add(p.path("file").asText() + ":" + p.path("line").asInt() + ": " + p.path("message").asText());
        }
        assertEquals(problems.toString(), 3, problems.size());
        assertTrue(problems.toString(), problems.get(0).startsWith("offices.csv:3: district '山頂區' is not in the districts file"));
        assertTrue(problems.toString(), problems.get(1).startsWith("offices.csv:4: type 'welfare-centre' is not known"));
        assertTrue(problems.toString(), problems.get(2).startsWith("case-types.csv:2: service_line 'ADULTS' is not one of"));
        assertEquals(404, api.get("/api/regions/lianhua", "admin", "admin").status());
        // the same archive for real: 400 with the same problems, nothing stored
        Api.Answer refused = api.send("POST", "/api/regions", zip(broken), ZIP, "admin", "admin");
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals("offices.csv:3", refused.body().path("fields").get(0).path("field").asText());
        assertEquals(404, api.get("/api/regions/lianhua", "admin", "admin").status());
        // only an administrator uploads regions
        assertEquals(403, api.send("POST", "/api/regions?dryRun=true", zip(files), ZIP, "dispatcher", "dispatcher").status());

        // 2. The corrected files: a dry run says what would be created, then the upload creates the city
        Api.Answer good = api.send("POST", "/api/regions?dryRun=true", zip(files), ZIP, "admin", "admin");
        assertEquals(good.raw(), 200, good.status());
        assertTrue(good.raw(), good.body().path("ok").asBoolean());
        assertTrue(good.body().path("created").asBoolean());
        assertEquals(6, good.body().path("counts").path("districts").asInt());
        assertEquals(4, good.body().path("counts").path("offices").asInt());
        assertEquals(404, api.get("/api/regions/lianhua", "admin", "admin").status());
        Api.Answer created = api.send("POST", "/api/regions", zip(files), ZIP, "admin", "admin");
        assertEquals(created.raw(), 201, created.status());
        assertEquals("Lianhua City (synthetic example)", created.body().path("region").path("nameEn").asText());
        Api.Answer offices = api.get("/api/regions/lianhua/offices", "admin", "admin");
        assertEquals(4, offices.body().size());
        Api.Answer again = api.send("POST", "/api/regions", zip(files), ZIP, "admin", "admin");
        assertEquals(again.raw(), 400, again.status());
        assertTrue(again.raw(), again.raw().contains("exists already"));
        Api.Answer types = api.get("/api/regions/lianhua/case-types", "admin", "admin");
        assertTrue(types.raw(), types.raw().contains("elder-neglect"));

        // 3. The dispatch rules: four lines by office type
        String body = JSON.writeValueAsString(Map.of("files", Map.of("dispatch-rules.csv", rules())));
        Api.Answer published = api.post("/api/regions/lianhua/dispatch/rule-sets", body, "admin", "admin");
        assertEquals(published.raw(), 200, published.status());
        assertEquals(1, published.body().path("published").get(0).path("version").asInt());

        // 4. A user of the city, created over REST by the administrator (no console); it works at once
        Api.Answer user = api.post("/api/users", "{\"name\":\"lianhua-intake\",\"password\":\"" + USER_PASSWORD
                + "\",\"roles\":[\"intake\"],\"regions\":[\"lianhua\"]}", "admin", "admin");
        assertEquals(user.raw(), 201, user.status());
        Api.Answer mine = api.get("/api/regions/lianhua", "lianhua-intake", USER_PASSWORD);
        assertEquals(mine.raw(), 200, mine.status());
        assertEquals(403, api.get("/api/regions/kaohsiung", "lianhua-intake", USER_PASSWORD).status());

        // 5. Reports of the city's intake staff go to the office of their kind that serves the district or part
        String[][] expected = {
            {"fragile-family", "harbour", "south", "lh-swc-harbour"},
            {"fragile-family", "harbour", "north", "lh-swc-west"},
            {"fragile-family", "hillside", null, "lh-swc-east"},
            {"child-protection", "orchard", null, "lh-protection"},
            {"elder-neglect", "lotus-west", null, "lh-protection"},
        };
        int n = 0;
        for (String[] e : expected) {
            Api.Answer a = api.post("/api/regions/lianhua/intake", report("lianhua-walkthrough-" + (++n) + "-" + System.nanoTime(),
                    e[0], e[1], e[2]), "lianhua-intake", USER_PASSWORD);
            assertEquals(a.raw(), 201, a.status());
            assertEquals(String.join("/", e[0], e[1], String.valueOf(e[2])) + ": " + a.raw(), e[3],
                    a.body().path("dispatch").path("office").asText());
        }

        // 6. Removal: refused while the city holds cases and rule sets (they are kept), and for a bundle's region
        Api.Answer keep = api.send("DELETE", "/api/regions/lianhua", null, null, "admin", "admin");
        assertEquals(keep.raw(), 409, keep.status());
        assertTrue(keep.raw(), keep.raw().contains("5 case(s) from 5 report(s)") && keep.raw().contains("1 published dispatch rule-set"));
        assertEquals(200, api.get("/api/regions/lianhua", "admin", "admin").status());
        Api.Answer bundled = api.send("DELETE", "/api/regions/kaohsiung", null, null, "admin", "admin");
        assertEquals(bundled.raw(), 409, bundled.status());
        assertTrue(bundled.raw(), bundled.raw().contains("region bundle"));

        // a region uploaded by mistake (nothing recorded of it yet) goes, with its data; both steps are audited
        Map<String, String> copy = new TreeMap<>(files);
        copy.put("region.properties", files.get("region.properties").replace("code = lianhua", "code = lianhua-trial"));
        Api.Answer trial = api.send("PUT", "/api/regions/lianhua-trial", zip(copy), ZIP, "admin", "admin");
        assertEquals(trial.raw(), 201, trial.status());
        assertEquals(403, api.send("DELETE", "/api/regions/lianhua-trial", null, null, "lianhua-intake", USER_PASSWORD).status());
        Api.Answer gone = api.send("DELETE", "/api/regions/lianhua-trial", null, null, "admin", "admin");
        assertEquals(gone.raw(), 204, gone.status());
        assertEquals(404, api.get("/api/regions/lianhua-trial", "admin", "admin").status());
        Api.Answer audit = api.get("/api/audit?region=lianhua-trial&limit=50", "admin", "admin");
        List<String> actions = new ArrayList<>();
        for (JsonNode r : audit.body().path("records")) {
            actions.add(r.path("action").asText() + " " + r.path("outcome").asText());
        }
        assertTrue(actions.toString(), actions.contains("region.create SUCCESS"));
        assertTrue(actions.toString(), actions.contains("region.remove SUCCESS"));
    }
}
