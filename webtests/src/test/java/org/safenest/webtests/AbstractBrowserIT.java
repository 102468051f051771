package org.safenest.webtests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.safenest.itests.TestDatabase;
import org.safenest.itests.TestJvm;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every browser test shares: it unpacks and starts the built distribution on free ports (on the database of this
 * run, see {@link TestDatabase}), opens headless Chromium, and offers the steps a person takes (log in, click, wait,
 * screenshot) and the REST calls a test uses to set up or check what the page shows. Screenshots go to
 * {@code target/screenshots}. A subclass adds configuration before the first start in {@link #configure()}.
 *
 * <p>The board allows a decision only from the meeting day on, so the distribution is configured, before the first
 * start, with a Kaohsiung meeting today and a cutoff of 0 days: a proposal submitted today goes on today's meeting,
 * which the chair may decide at once.
 */
public abstract class AbstractBrowserIT {

    protected static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    protected static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    protected static final String REGION = "kaohsiung";
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected Path home;
    protected int port;
    protected int sshPort;
    protected WebDriver driver;
    protected WebDriverWait wait;
    protected final Path screenshots = Path.of("target", "screenshots");
    /** Which of the test JVMs that run side by side this is (its process id): each has folders of its own. */
    protected static final String FORK = Long.toString(ProcessHandle.current().pid());
    protected final Path downloads = Path.of("target", "downloads-" + FORK).toAbsolutePath();
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Before
    public void setUp() throws Exception {
        Assume.assumeTrue("Skipped: no Chromium at " + CHROMIUM + " (Debian package chromium; apt-get install chromium"
                + " chromium-driver). The browser test never downloads a browser.", Files.isExecutable(CHROMIUM));
        Assume.assumeTrue("Skipped: no ChromeDriver at " + CHROMEDRIVER + " (Debian package chromium-driver).",
                Files.isExecutable(CHROMEDRIVER));
        Path target = Path.of("target", "web-it-" + FORK);
        deleteTree(target);
        Files.createDirectories(target);
        Files.createDirectories(screenshots);
        deleteTree(downloads);
        Files.createDirectories(downloads);
        run(target, "tar", "xzf", distribution().getAbsolutePath());
        try (Stream<Path> s = Files.list(target)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow().toAbsolutePath();
        }
        port = freePort();
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + port);
        sshPort = freePort();
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + sshPort);
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + freePort(), "rmiServerPort = " + freePort());
        String[] database = TestDatabase.datasourceLines("web");
        if (database.length > 0) {
            append("etc/org.ops4j.datasource-safenest.cfg", database);
        }
        // A Kaohsiung meeting today (region time), open to proposals until today: the chair may decide at once.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
        Files.writeString(home.resolve("etc/org.safenest.referral.cfg"), String.join("\n",
                "meeting-day = 26", "cutoff-days = 0", "kaohsiung.meeting-day = 26", "kaohsiung.meeting.2023-02 = 21",
                "kaohsiung.meeting.2023-03 = 30", "kaohsiung.start = 2023-02-03",
                "kaohsiung.meeting." + today.toString().substring(0, 7) + " = " + today.getDayOfMonth(), ""));
        configure();
        run(home, "bin/start");
        awaitUp(Duration.ofSeconds(180));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1366,1000");
        // Files the pages download (the statistics CSV) land here, without a dialog.
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Called after the standard configuration and before the first {@code bin/start}; {@link #home} is set. */
    protected void configure() throws Exception {
    }

    @After
    public void tearDown() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (home != null) {
            shutdown();
        }
    }

    /** A console command as an operator gives it over SSH ({@code bin/client}, the demo administrator); what it printed. */
    protected String console(String command) throws Exception {
        Process p = new ProcessBuilder(List.of("bin/client", "-a", Integer.toString(sshPort), "-h", "127.0.0.1", "-u", "admin",
                "-p", "admin", "-r", "10", command)).directory(home.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        assertEquals(command + " failed: " + out, 0, p.exitValue());
        return out;
    }

    /**
     * Loads the demo data as an operator does (console {@code safenest:demo-cases}) and answers Kaohsiung's next
     * meeting as the chair sees it: today's, with the synthetic demo proposals ({@code DEMO-RB-...}) on its agenda.
     */
    protected JsonNode loadDemoMeeting() throws Exception {
        String loaded = console("safenest:demo-cases");
        assertTrue(loaded, loaded.contains("referral board meeting: RB-"));
        assertTrue(loaded, loaded.contains("for the chair to decide"));
        return getJson("/api/regions/" + REGION + "/referral-meetings/next", "chair", "chair");
    }

    /** The demo chair logs in and decides a proposal in the page's decision tab; answers the message that says so. */
    protected WebElement chairDecides(String id, String outcome, String rationale) {
        driver.get("http://localhost:" + port + "/");
        waitFor("#login-form");
        login("chair", "chair");
        waitFor("#nav a[href='#/referral']");
        driver.get("http://localhost:" + port + "/#/referral/decide?region=" + REGION);
        waitFor("#rb-decide-form");
        new Select(driver.findElement(By.id("rb-decide-proposal"))).selectByValue(id);
        click("#rb-outcome-" + outcome);
        driver.findElement(By.id("rb-rationale")).sendKeys(rationale);
        click("#rb-decide-submit");
        WebElement decided = waitFor("#rb-decided");
        assertEquals(id, decided.getAttribute("data-id"));
        return decided;
    }

    /** The codes a region's intake window takes (GET /api/regions/{region}/case-types), in the API's order. */
    protected List<String> caseTypes(String region) throws Exception {
        HttpResponse<String> r = get("/api/regions/" + region + "/case-types");
        assertEquals(r.body(), 200, r.statusCode());
        List<String> codes = new java.util.ArrayList<>();
        JSON.readTree(r.body()).forEach(n -> codes.add(n.path("code").asText()));
        return codes;
    }

    /** The values of a select's options, without the empty "choose" option. */
    protected List<String> options(String css) {
        return driver.findElements(By.cssSelector(css + " option")).stream().map(o -> o.getAttribute("value"))
                .filter(v -> !v.isEmpty()).toList();
    }

    /** The case numbers of the listed cases, top to bottom. */
    protected List<String> listed() {
        return driver.findElements(By.cssSelector("#in-list tbody tr")).stream().map(r -> r.getAttribute("data-case")).toList();
    }

    protected static String syntheticReport(String id, String caseType, String district, String part, String household) {
        return "{\"reportId\":\"" + id + "\",\"receivedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"caseType\":\""
                + caseType + "\",\"district\":\"" + district + "\"" + (part == null ? "" : ",\"districtPart\":\"" + part + "\"")
                + ",\"children\":[{\"age\":7}],\"householdRef\":\"" + household + "\","
                + "\"summary\":\"Synthetic test report, no real person.\",\"source\":\"school\"}";
    }

    /** Posts JSON as a user (the password is the user name, as for the demo users); answers the body of a 2xx. */
    protected JsonNode postJson(String path, String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(r.statusCode() + " " + r.body(), r.statusCode() / 100 == 2);
        return JSON.readTree(r.body());
    }

    protected static void zip(Path target, Map<String, String> files) throws IOException {
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry("example-city/" + e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** A GET as admin over HTTP (beside the browser). */
    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens a case on the intake page by its address and waits until that case is drawn (the page may still be
     * showing the case or list the login opened).
     */
    protected void openCase(String base, String caseNumber) {
        driver.get(base + "/#/intake/case/" + caseNumber);
        waitFor("#in-case-title[data-case='" + caseNumber + "']");
    }

    /** Logs the user on screen out and another in, as a second person at the same browser would. */
    protected void logOutAndLogIn(String user, String password) {
        click("#logout");
        waitFor("#login-form");
        login(user, password);
    }

    protected void login(String user, String password) {
        WebElement name = waitFor("#username");
        name.clear();
        name.sendKeys(user);
        WebElement pw = driver.findElement(By.id("password"));
        pw.clear();
        pw.sendKeys(password);
        click("#login-submit");
    }

    protected void fillProposal(String reportNumber, String summary, String reason) {
        new Select(driver.findElement(By.id("rb-proposingOffice"))).selectByValue("swc-fengshan");
        new Select(driver.findElement(By.id("rb-district"))).selectByValue("fengshan");
        driver.findElement(By.id("rb-reportNumber")).sendKeys(reportNumber);
        driver.findElement(By.id("rb-childAge")).sendKeys("5");
        driver.findElement(By.id("rb-summary")).sendKeys(summary);
        driver.findElement(By.id("rb-reason")).sendKeys(reason);
        click("#rb-direction-FF_TO_CP");
    }

    protected Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Waits until the statistics chart is drawn: the canvas exists and Chart.js holds a chart for it. */
    protected void awaitChart() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const c = document.getElementById('st-chart');"
                        + " return !!(c && window.Chart && Chart.getChart(c) && c.width > 0 && c.height > 0);")));
    }

    /** A screenshot of the whole page (the window grows to the page's height for it, then shrinks back). */
    protected void fullShot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        long chrome = before.getHeight() - ((Number) js("return window.innerHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(6000, height + chrome)));
        js("window.scrollTo(0, 0);");
        shot(name);
        driver.manage().window().setSize(before);
    }

    /** Submits one synthetic intake report (a made-up child, no personal data) as the intake user; answers the receipt. */
    protected JsonNode submitSyntheticReport(String id, Instant receivedAt, String caseType, String district) throws Exception {
        String body = "{\"reportId\":\"" + id + "\",\"receivedAt\":\"" + receivedAt + "\",\"caseType\":\"" + caseType
                + "\",\"district\":\"" + district + "\",\"children\":[{\"age\":7}],"
                + "\"summary\":\"Synthetic test report, no real person.\",\"source\":\"school\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/regions/" + REGION + "/intake"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:intake".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(r.body(), 201, r.statusCode());
        return JSON.readTree(r.body());
    }

    /** Waits until the analyst sees a report in the region's list of statistics. */
    protected void awaitReportListed(String report, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "none";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = send("/api/regions/" + REGION + "/statistics", "analyst", "analyst");
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    for (JsonNode description : JSON.readTree(r.body())) {
                        if (report.equals(description.path("id").asText())) {
                            return;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The report " + report + " was not listed within " + timeout + "; last: " + last);
    }

    /**
     * Waits until the intake-volume report counts at least {@code atLeast} reports in a month: the reporting bundle
     * collects them from the intake events asynchronously.
     */
    protected void awaitIntakeVolume(YearMonth month, int atLeast, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "none";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = send("/api/regions/" + REGION + "/statistics/intake-volume?group=month", "analyst", "analyst");
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    JsonNode table = JSON.readTree(r.body());
                    int count = -1;
                    JsonNode columns = table.path("columns");
                    for (int i = 0; i < columns.size() && count < 0; i++) {
                        if ("COUNT".equals(columns.get(i).path("type").asText())) {
                            count = i;
                        }
                    }
                    for (JsonNode row : table.path("rows")) {
                        if (count > 0 && month.toString().equals(row.path(0).asText()) && row.path(count).isNumber()
                                && row.path(count).asLong() >= atLeast) {
                            return;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The intake-volume report did not count " + atLeast + " reports in " + month + " within "
                + timeout + "; last: " + last);
    }

    protected WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    protected void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    protected void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- the distribution ----

    protected static File distribution() {
        String path = System.getProperty("safenest.distribution");
        if (path == null) {
            throw new IllegalStateException("system property safenest.distribution (the tar.gz to test) is not set");
        }
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " does not exist: build karaf-assembly first");
        }
        return file;
    }

    protected void awaitUp(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "none";
        while (System.nanoTime() < end) {
            try {
                JsonNode health = getJson("/api/health", "admin", "admin");
                HttpResponse<String> pages = send("/api/web/pages", "worker", "worker");
                HttpResponse<String> shell = send("/", null, null);
                last = health + " / pages " + pages.statusCode() + " / shell " + shell.statusCode();
                if ("UP".equals(health.path("status").asText()) && health.path("regions").size() >= 2
                        && pages.statusCode() == 200 && pages.body().contains("\"referral\"") && shell.statusCode() == 200) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Safenest with its web pages did not come up within " + timeout + "; last: " + last);
    }

    protected JsonNode getJson(String path, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send(path, user, password);
        return r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    protected HttpResponse<String> send(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected void shutdown() throws Exception {
        Path pidFile = home.resolve("karaf.pid");
        String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : null;
        run(home, "bin/stop");
        if (pid == null || pid.isEmpty()) {
            return;
        }
        ProcessHandle process = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        if (process == null) {
            return;
        }
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    protected void append(String file, String... lines) throws IOException {
        Files.writeString(home.resolve(file), "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    protected static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void run(Path dir, String... command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/web-it-" + FORK + ".log")));
        b.environment().put(TestJvm.ENVIRONMENT, TestJvm.options());
        Process p = b.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        assertEquals(String.join(" ", command) + " failed; see target/web-it-" + FORK + ".log", 0, p.exitValue());
    }

    protected static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
