package org.safenest.webtests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The allocation page (隊伍分配) in Hong Kong, as a supervisor and an administrator use it: the strategies and the
 * active one, two plans run and compared side by side (the page's figures checked against the compare endpoint), the
 * map with one point per kindergarten, the units that change operator, adoption with its confirmation and the cases
 * to inform, a list that cannot load and its Try again button, the administrator switching the active strategy, and
 * the report (XLSX download, printable page); in both languages, at 1366 and 768 px.
 */
public class AllocationPageBrowserIT extends AbstractBrowserIT {

    private static final String HK = "hong-kong";
    private static final String API = "/api/regions/" + HK + "/allocation";

    /** The measures of the page's table read as they are from a plan's metrics: shown whole, and to one decimal. */
    private static final List<String> INTEGER_MEASURES = List.of("unitsChangingOperator", "casesAffected", "completeTeams",
            "incompleteTeams", "unservedUnits", "teamsOverRatio", "workers");
    private static final List<String> DECIMAL_MEASURES = List.of("pupilsPerWorkerMax", "pupilsPerWorkerMin",
            "pupilsPerWorkerSpread", "travelKmMean", "travelKmMax");

    @Test
    public void supervisorComparesAndAdoptsAPlanAndAdminSwitchesTheActiveStrategy() throws Exception {
        String base = "http://localhost:" + port;
        // the page is drawn again after a run, an adoption or a language switch: an element read while it is replaced
        wait.ignoring(StaleElementReferenceException.class);
        JsonNode strategies = getJson(API + "/strategies", "supervisor", "supervisor");
        JsonNode input = getJson(API + "/input", "supervisor", "supervisor");
        List<String> located = new ArrayList<>();
        input.path("units").forEach(u -> {
            if (u.path("preschool").hasNonNull("location")) {
                located.add(u.path("preschool").path("code").asText());
            }
        });
        assertTrue("Hong Kong's reference data has kindergartens with coordinates", located.size() > 500);

        // The supervisor opens the page in Hong Kong (in 繁體中文, the default language).
        driver.get(base + "/#/allocation?region=" + HK);
        login("supervisor", "supervisor");
        waitFor("#al-strategies");
        assertEquals("zh-Hant", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(strategies.path("available").size(), driver.findElements(By.cssSelector("#al-strategies tbody tr")).size());
        String active = strategies.path("active").asText();
        assertEquals(active, driver.findElement(By.id("al-active")).getAttribute("data-strategy"));
        assertTrue(driver.findElement(By.id("al-active")).getText().startsWith("使用中的策略"));
        assertEquals(1, driver.findElements(By.cssSelector("#al-strategies tr.al-is-active[data-strategy='" + active + "']")).size());
        // read-only for a supervisor: no way to change it, and the page says who may
        assertTrue(driver.findElements(By.id("al-activate")).isEmpty());
        assertTrue(waitFor("#al-read-only").getText().contains("系統管理員"));
        assertTrue(waitFor("#al-synthetic").getText().startsWith("合成數據"));

        // The map of the current allocation: one point per kindergarten with coordinates.
        waitFor("#al-map");
        assertEquals(located, mapUnits().keySet().stream().toList());

        // A parameter the strategy refuses: the error stands beside the field, which gets the focus.
        new Select(driver.findElement(By.id("al-run-strategy"))).selectByValue("retain");
        click("#al-run-parameters summary");
        WebElement maxKm = waitFor("#al-param-max-km");
        maxKm.sendKeys("far");
        click("#al-run");
        assertTrue(waitFor("#al-param-max-km-error").getText().contains("max-km"));
        assertEquals("true", maxKm.getAttribute("aria-invalid"));
        assertEquals("al-param-max-km", driver.switchTo().activeElement().getAttribute("id"));
        assertTrue(driver.findElements(By.id("al-ran")).isEmpty());
        maxKm.clear();

        // A plan with the active strategy (retain), its default parameters: the progress shows while it runs.
        watchProgress();
        click("#al-run");
        String retainPlan = waitFor("#al-ran").getAttribute("data-plan");
        assertEquals(Boolean.TRUE, js("return window.progressSeen;"));
        // comparing needs two plans: the error stands beside the list of plans
        click("#al-compare");
        assertEquals("請勾選最少兩個方案。", waitFor("#al-pick-error").getText().replace("⚠ ", "").trim());

        // A second plan with the district-based strategy, from the keyboard.
        new Select(driver.findElement(By.id("al-run-strategy"))).selectByValue("district");
        driver.findElement(By.id("al-run")).sendKeys(Keys.ENTER);
        wait.until(d -> !retainPlan.equals(d.findElement(By.id("al-ran")).getAttribute("data-plan")));
        String districtPlan = driver.findElement(By.id("al-ran")).getAttribute("data-plan");
        assertTrue(driver.findElement(By.id("al-pick-" + retainPlan)).isSelected());
        assertTrue(driver.findElement(By.id("al-pick-" + districtPlan)).isSelected());

        // Side by side: the page's figures are the compare endpoint's.
        click("#al-compare");
        waitFor("#al-compare-table");
        assertFalse(driver.findElement(By.id("al-pick-error")).isDisplayed());
        JsonNode comparison = postJson(API + "/compare", "supervisor",
                "{\"runs\":[{\"strategy\":\"retain\",\"parameters\":{}},{\"strategy\":\"district\",\"parameters\":{}}]}");
        String[] columns = {retainPlan, districtPlan};
        for (int i = 0; i < columns.length; i++) {
            JsonNode m = comparison.path("plans").get(i).path("metrics");
            for (String measure : INTEGER_MEASURES) {
                assertEquals(measure, m.path(measure).asLong(), Long.parseLong(cell(measure, columns[i])));
            }
            for (String measure : DECIMAL_MEASURES) {
                assertEquals(measure, Math.round(m.path(measure).asDouble() * 10) / 10.0, Double.parseDouble(cell(measure, columns[i])), 1e-9);
            }
            assertEquals(m.path("teams").size(), Long.parseLong(cell("teams", columns[i])));
            long hotSpots = 0;
            for (JsonNode d : m.path("districts")) {
                hotSpots += d.path("overRatio").asBoolean() ? 1 : 0;
            }
            assertEquals(hotSpots, Long.parseLong(cell("hotSpotDistricts", columns[i])));
        }
        // a chart per key measure, a bar per plan
        List<WebElement> charts = driver.findElements(By.cssSelector("#al-chart figure"));
        assertEquals(6, charts.size());
        for (WebElement chart : charts) {
            assertEquals(2, chart.findElements(By.cssSelector("rect")).size());
        }
        // the map now shows the first compared plan: every kindergarten in the team the endpoint's plan gives it
        Map<String, String> expected = new HashMap<>();
        for (JsonNode team : comparison.path("plans").get(0).path("teams")) {
            team.path("units").forEach(u -> expected.put(u.asText(), team.path("id").asText()));
        }
        Map<String, String> drawn = mapUnits();
        assertEquals(located.size(), drawn.size());
        for (String unit : located) {
            assertEquals(unit, expected.getOrDefault(unit, ""), drawn.get(unit));
        }
        assertTrue(driver.findElements(By.cssSelector("#al-map rect.al-base")).size() > 0);
        assertTrue(driver.findElements(By.cssSelector("#al-legend li[data-operator]")).size() > 0);
        fullShot("allocation-compare-1366");
        driver.manage().window().setSize(new Dimension(768, 1000));
        assertEquals(List.of(), overflowing());
        fullShot("allocation-compare-768");
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // The units that change operator under the district-based plan, with their counts.
        JsonNode plan = getJson(API + "/plans/" + districtPlan, "supervisor", "supervisor");
        JsonNode metrics = plan.path("plan").path("metrics");
        click("#al-open-" + districtPlan);
        WebElement count = waitFor("#al-affected-count");
        assertEquals(metrics.path("unitsChangingOperator").asText(), count.getAttribute("data-units"));
        assertEquals(metrics.path("casesAffected").asText(), count.getAttribute("data-cases"));
        assertEquals(metrics.path("affectedUnits").size(), driver.findElements(By.cssSelector("#al-affected tbody tr")).size());
        assertTrue(metrics.path("unitsChangingOperator").asInt() > 0);

        // Adopt it: the confirmation says what changes; confirmed from the keyboard.
        click("#al-adopt");
        String confirmation = waitFor("#al-confirm-text").getText();
        assertTrue(confirmation, confirmation.contains(String.format(Locale.ROOT, "%,d", metrics.path("unitsChangingOperator").asInt())));
        assertTrue(confirmation, confirmation.contains(String.format(Locale.ROOT, "%,d", metrics.path("casesAffected").asInt())));
        assertEquals("al-confirm-yes", driver.switchTo().activeElement().getAttribute("id"));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement inform = waitFor("#al-inform-count");
        assertEquals(districtPlan, getJson(API + "/current", "supervisor", "supervisor").path("id").asText());
        assertEquals(districtPlan, waitFor("#al-current").getAttribute("data-plan"));
        JsonNode toInform = getJson(API + "/plans/" + districtPlan + "/cases-to-inform", "supervisor", "supervisor");
        assertEquals(toInform.path("unitCount").asText(), inform.getAttribute("data-units"));
        assertEquals(toInform.path("caseCount").asText(), inform.getAttribute("data-cases"));
        assertEquals(toInform.path("units").size(), driver.findElements(By.cssSelector("#al-inform tbody tr")).size());
        assertEquals("ADOPTED", driver.findElement(By.cssSelector("#al-plans tr[data-plan='" + districtPlan + "']"))
                .getAttribute("data-status"));
        fullShot("allocation-adopted-1366");

        // In English, while the list of plans cannot reach the server: the page says so, with a button to try again.
        js("window.realFetch = window.fetch; window.fetch = (u, o) => String(u).endsWith('/allocation/plans')"
                + " ? Promise.reject(new TypeError('offline')) : window.realFetch(u, o);");
        click("#lang");
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        wait.until(d -> d.findElement(By.id("al-active")).getText().startsWith("Active strategy"));
        assertTrue(waitFor("#al-read-only").getText().contains("administrator"));
        assertTrue(waitFor("#al-plans-failed").getText().startsWith("The server cannot be reached"));
        assertTrue(driver.findElements(By.id("al-plans")).isEmpty());
        js("window.fetch = window.realFetch;");
        click("#al-plans-failed-retry");
        waitFor("#al-plans tr[data-plan='" + districtPlan + "']");
        click("#al-open-" + districtPlan);
        assertTrue(waitFor("#al-inform-count").getText().contains("units changed operator"));
        shot("allocation-en-1366");

        // The administrator switches the active strategy.
        click("#logout");
        login("admin", "admin");
        driver.get(base + "/#/allocation?region=" + HK);
        waitFor("#al-active-select");
        new Select(driver.findElement(By.id("al-active-select"))).selectByValue("district");
        click("#al-activate");
        waitFor("#al-activated");
        assertEquals("district", getJson(API + "/strategies", "admin", "admin").path("active").asText());
        assertEquals("district", driver.findElement(By.id("al-active")).getAttribute("data-strategy"));
        assertEquals(1, driver.findElements(By.cssSelector("#al-strategies tr.al-is-active[data-strategy='district']")).size());
        fullShot("allocation-admin-1366");
        driver.manage().window().setSize(new Dimension(768, 1000));
        assertEquals(List.of(), overflowing());
        fullShot("allocation-admin-768");
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // The report: the XLSX downloaded with the login (every strategy runs for it: a longer wait), the printable page.
        click("#al-xlsx");
        WebElement downloaded = new WebDriverWait(driver, Duration.ofSeconds(180))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#al-downloaded[data-file]")));
        Path xlsx = downloads.resolve(downloaded.getAttribute("data-file"));
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.isRegularFile(xlsx) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertTrue("not downloaded: " + xlsx, Files.isRegularFile(xlsx));
        byte[] head = Arrays.copyOf(Files.readAllBytes(xlsx), 2);
        assertEquals("an XLSX is a zip", "PK", new String(head, StandardCharsets.US_ASCII));
        driver.get(driver.findElement(By.id("al-html")).getAttribute("href"));
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> d.getTitle().contains("Team allocation report"));
    }

    /** The kindergartens drawn on the map, in the order drawn, with the team each is drawn in ("" for unserved). */
    @SuppressWarnings("unchecked")
    private Map<String, String> mapUnits() {
        List<List<String>> pairs = (List<List<String>>) js("return Array.from(document.querySelectorAll('#al-map circle[data-unit]'))"
                + ".map(c => [c.dataset.unit, c.dataset.team]);");
        Map<String, String> units = new java.util.LinkedHashMap<>();
        pairs.forEach(p -> assertEquals("one point per kindergarten", null, units.put(p.get(0), p.get(1))));
        return units;
    }

    /** The elements that reach beyond the window's right edge (nothing may need a sideways scroll at tablet width). */
    @SuppressWarnings("unchecked")
    private List<String> overflowing() {
        return (List<String>) js("const w = document.documentElement.clientWidth;"
                + " return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1"
                + " && !e.closest('.al-wrap')).map(e => e.tagName + '#' + e.id + '.' + e.className);");
    }

    /** The figure the page shows for a measure and plan, without thousands separators. */
    private String cell(String measure, String plan) {
        return driver.findElement(By.cssSelector("#al-compare-table tr[data-measure='" + measure + "'] td[data-plan='" + plan + "']"))
                .getText().replace(",", "").trim();
    }

    /** Records in the page whether the progress line was ever shown. */
    private void watchProgress() {
        js("window.progressSeen = false; const p = document.getElementById('al-progress');"
                + " new MutationObserver(() => { if (!p.hidden) window.progressSeen = true; })"
                + ".observe(p, { attributes: true });");
    }
}
