package org.safenest.webtests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The administration pages as an administrator uses them, with no console: on the users page (繁體中文) a user for one
 * region is refused with errors beside the fields, then created; that user logs in (a new session) and sees only its
 * region; the administrator (English) filters the audit log to that user's creation and downloads it as CSV; on the
 * capabilities page a strategy is removed and installed again, and the platform cannot be removed.
 */
public class AdminPagesBrowserIT extends AbstractBrowserIT {

    /** SYNTHETIC password of the user the test creates. */
    private static final String PASSWORD = "Synthetic-Web-2026";
    private static final String USER = "hk-analyst-web";
    private static final String STRATEGY = "safenest-allocation-retain";

    /** The ids of the allocation strategies installed now. */
    private List<String> strategies() {
        List<String> ids = new java.util.ArrayList<>();
        try {
            getJson("/api/regions/hong-kong/allocation/strategies", "admin", "admin").path("available").forEach(s -> ids.add(s.path("id").asText()));
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return ids;
    }

    @Test
    public void createUserFilterAuditExportAndSwapCapability() throws Exception {
        String base = "http://localhost:" + port;
        wait.ignoring(StaleElementReferenceException.class); // the pages draw their lists again after each change
        driver.get(base + "/");
        login("admin", "admin");
        waitFor("#nav a[href='#/users']");
        driver.get(base + "/#/users");
        waitFor("#us-users");
        assertTrue(driver.findElement(By.cssSelector("h1")).getText().contains("使用者"));
        assertTrue(driver.findElement(By.id("us-node")).getText().contains("etc/users.properties"));
        assertTrue(driver.findElements(By.id("us-directory")).isEmpty());

        // Mistakes: every error beside its field, the first field focused, nothing created
        driver.findElement(By.id("us-name")).sendKeys("bad name");
        driver.findElement(By.id("us-password")).sendKeys("short");
        click("#us-create");
        WebElement nameError = waitFor("#us-name-error");
        assertTrue(nameError.getText(), nameError.getText().contains("帳號名稱"));
        assertTrue(waitFor("#us-password-error").getText().contains("12"));
        assertTrue(waitFor("#us-roles-error").getText().contains("角色"));
        assertEquals("true", driver.findElement(By.id("us-name")).getAttribute("aria-invalid"));
        assertEquals("us-name", driver.switchTo().activeElement().getAttribute("id"));
        shot("admin-01-users-errors");

        // The user for Hong Kong, created in the page
        driver.findElement(By.id("us-name")).clear();
        driver.findElement(By.id("us-name")).sendKeys(USER);
        driver.findElement(By.id("us-password")).clear();
        driver.findElement(By.id("us-password")).sendKeys(PASSWORD);
        click("#us-roles-analyst");
        click("#us-regions-hong-kong");
        click("#us-create");
        WebElement row = waitFor("#us-users tr[data-user='" + USER + "']");
        assertTrue(row.getText(), row.getText().contains("統計分析") && row.getText().contains("hong-kong"));
        shot("admin-02-user-created");

        // That user, in a session of its own, sees only Hong Kong
        click("#logout");
        waitFor("#login-form");
        driver.manage().deleteAllCookies();
        login(USER, PASSWORD);
        waitFor("#nav a");
        wait.until(d -> !options("#region").isEmpty());
        assertEquals(List.of("hong-kong"), options("#region"));
        assertTrue(driver.findElements(By.cssSelector("#nav a[href='#/users']")).isEmpty());
        shot("admin-03-new-user-sees-hong-kong");
        click("#logout");
        waitFor("#login-form");

        // The administrator, in English, filters the audit log to the creation and downloads it as CSV
        click("#lang");
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        login("admin", "admin");
        waitFor("#nav a[href='#/audit']");
        driver.get(base + "/#/audit");
        waitFor("#au-form");
        assertEquals("Audit log", driver.findElement(By.cssSelector("h1")).getText());
        driver.findElement(By.id("au-action")).sendKeys("user.create");
        driver.findElement(By.id("au-target")).sendKeys(USER);
        click("#au-search");
        wait.until(ExpectedConditions.attributeToBe(By.id("au-count"), "data-total", "1"));
        List<WebElement> records = driver.findElements(By.cssSelector("#au-records tbody tr"));
        assertEquals(1, records.size());
        assertTrue(records.get(0).getText(), records.get(0).getText().contains("user.create") && records.get(0).getText().contains("admin"));
        shot("admin-04-audit-filtered");
        click("#au-csv");
        Path csv = downloads.resolve("audit.csv");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.exists(csv) && csv.toFile().length() > 0);
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals("UTF-8 byte order mark", (byte) 0xEF, bytes[0]);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertEquals(String.join("|", lines), 2, lines.length);
        assertEquals("id,at,actor,action,region,target,outcome,detail", lines[0]);
        assertTrue(lines[1], lines[1].contains(",admin,user.create,," + USER + ",SUCCESS,"));
        assertFalse(lines[1], lines[1].contains(PASSWORD));
        JsonNode exports = getJson("/api/audit?action=audit.export&actor=admin", "admin", "admin");
        assertEquals(exports.toString(), 1, exports.path("total").asInt());
        // at tablet width the filters take two columns
        driver.manage().window().setSize(new Dimension(768, 1024));
        fullShot("admin-05-audit-768");
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // Capabilities: the platform stays; a strategy is removed and installed again
        driver.get(base + "/#/capabilities");
        waitFor("#cp-features tr[data-feature='" + STRATEGY + "'][data-installed='true']");
        assertTrue(driver.findElement(By.id("cp-guarantee")).getText().contains("only that capability's own bundle"));
        assertTrue(driver.findElements(By.id("cp-remove-safenest-core")).isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#cp-features tr[data-feature='safenest-core']")).getText().contains("cannot be removed"));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/capabilities/safenest-core"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(refused.body(), 409, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("cannot be removed"));

        click("#cp-remove-" + STRATEGY);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(120));
        slow.ignoring(StaleElementReferenceException.class);
        slow.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#cp-features tr[data-feature='" + STRATEGY + "'][data-installed='false']")));
        wait.until(d -> d.findElement(By.id("cp-outcome")).getText().contains(STRATEGY + " removed"));
        shot("admin-06-capability-removed");
        assertFalse(strategies().contains("retain"));

        click("#cp-install-" + STRATEGY);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        slow.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#cp-features tr[data-feature='" + STRATEGY + "'][data-installed='true']")));
        wait.until(d -> d.findElement(By.id("cp-outcome")).getText().contains(STRATEGY + " installed"));
        fullShot("admin-07-capability-back");
        slow.until(d -> strategies().contains("retain")); // the strategy's service registers as its bundle starts
        JsonNode audit = getJson("/api/audit?action=capability.&target=" + STRATEGY, "admin", "admin");
        assertEquals(audit.toString(), 2, audit.path("total").asInt());
    }
}
