package org.safenest.webtests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dispatch rules page as a supervisor uses it before a procedures amendment meeting: the versions and the rules of
 * the one in force, a broken draft refused line by line, a valid draft that moves Gushan's fragile families from the
 * Yancheng to the Zuoying welfare service centre replayed on the reports of a past period (the figures checked against
 * what this test tallies from its own synthetic reports), then published with an effective date; the next report from
 * Gushan goes to Zuoying under the new version.
 */
public class RuleSetPreviewBrowserIT extends AbstractBrowserIT {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final String HEADER = "id,case_type,service_line,district,part,office,fallback,explanation";

    /** The draft by hand: what this test expects, written without the rule code (Gushan's fragile families move). */
    private static String byHand(String caseType, String district, String officeNow) {
        return caseType.equals("fragile-family") && district.equals("gushan") ? "swc-zuoying" : officeNow;
    }

    @Test
    public void reviewDraftPreviewImpactAndPublish() throws Exception {
        String base = "http://localhost:" + port;
        LocalDate today = LocalDate.now(TAIPEI);
        // synthetic reports of a past period (5 to 3 days ago), as the intake window recorded them
        String[][] reports = {
            {"fragile-family", "gushan"}, {"fragile-family", "gushan"}, {"fragile-family", "gushan"},
            {"fragile-family", "sanmin"}, {"fragile-family", "sanmin"}, {"child-protection", "gushan"}};
        Map<String, String> officeOf = new HashMap<>();
        Map<String, String[]> reportOf = new HashMap<>();
        for (int i = 0; i < reports.length; i++) {
            Instant received = today.minusDays(5).atTime(9, 0).atZone(TAIPEI).toInstant().plus(Duration.ofHours(10L * i));
            JsonNode receipt = submitSyntheticReport("rules-preview-" + i, received, reports[i][0], reports[i][1]);
            officeOf.put(receipt.path("caseNumber").asText(), receipt.path("dispatch").path("office").asText());
            reportOf.put(receipt.path("caseNumber").asText(), reports[i]);
        }
        assertEquals("swc-yancheng", officeOf.get(reportOf.entrySet().stream()
                .filter(e -> e.getValue()[0].equals("fragile-family") && e.getValue()[1].equals("gushan")).findFirst().orElseThrow().getKey()));
        // the replay, tallied here: per office, received and under the draft; the cases that change office
        Map<String, int[]> expected = new TreeMap<>();
        List<String> expectedChanged = new ArrayList<>();
        officeOf.forEach((caseNumber, now) -> {
            String draft = byHand(reportOf.get(caseNumber)[0], reportOf.get(caseNumber)[1], now);
            expected.computeIfAbsent(now, k -> new int[2])[0]++;
            expected.computeIfAbsent(draft, k -> new int[2])[1]++;
            if (!Objects.equals(now, draft)) {
                expectedChanged.add(caseNumber + " " + now + " -> " + draft);
            }
        });
        assertEquals(3, expectedChanged.size());
        Map<String, String> zh = new HashMap<>();
        Map<String, String> en = new HashMap<>();
        getJson("/api/regions/" + REGION + "/offices", "supervisor", "supervisor").forEach(o -> {
            zh.put(o.path("code").asText(), o.path("nameZh").asText());
            en.put(o.path("code").asText(), o.path("nameEn").asText());
        });

        // the page, in Chinese: the versions, the rules of the one in force in names
        driver.get(base + "/");
        waitFor("#login-form");
        login("supervisor", "supervisor");
        waitFor("#nav a[href='#/rules']");
        driver.get(base + "/#/rules?region=" + REGION);
        waitFor("#rs-versions");
        assertEquals("分派規則", driver.findElement(By.cssSelector("#main h1")).getText());
        assertEquals(8, driver.findElements(By.cssSelector("#rs-versions tbody tr")).size());
        waitFor("#rs-rules-title[data-version='8']");
        WebElement gushanRule = waitFor("#rs-rules tr[data-rule='FF-gushan']");
        assertEquals(zh.get("swc-yancheng"), gushanRule.findElement(By.cssSelector(".rs-office")).getText());
        assertTrue(gushanRule.getText(), gushanRule.getText().contains("鼓山區") && gushanRule.getText().contains("脆弱家庭"));
        shot("rules-01-versions-zh");

        // a broken draft: every error with its line
        String head = "# version: 9\n# adopted_on: " + today + "\n# effective_from: " + today + "\n# note: Gushan served from Zuoying\n"
                + HEADER + "\n";
        Path broken = Files.writeString(Path.of("target", "rules-v9-broken.csv").toAbsolutePath(), head
                + "FF-gushan,,FRAGILE_FAMILY,gushan,,swc-nowhere,,Moved\n"
                + "FF,,FRAGILE_FAMILY,atlantis,,serving:welfare-service-centre,,\n");
        driver.findElement(By.id("rs-files")).sendKeys(broken.toString());
        click("#rs-check");
        waitFor("#rs-errors");
        List<String> lines = driver.findElements(By.cssSelector("#rs-errors tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(1).getText()).distinct().toList();
        assertEquals(List.of("6", "7"), lines);
        assertTrue(driver.findElement(By.id("rs-errors")).getText().contains("swc-nowhere"));
        shot("rules-02-broken-draft-zh");

        // English; a valid draft: Gushan's fragile families to Zuoying, the rest by the offices serving the district
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "Dispatch rules"));
        assertEquals(en.get("swc-yancheng"), waitFor("#rs-rules tr[data-rule='FF-gushan'] .rs-office").getText());
        Path draft = Files.writeString(Path.of("target", "rules-v9.csv").toAbsolutePath(), head
                + "FF-gushan,,FRAGILE_FAMILY,gushan,,swc-zuoying,,Gushan served from Zuoying\n"
                + "FF,,FRAGILE_FAMILY,,,serving:welfare-service-centre,,The welfare service centre that serves the district\n"
                + "AP,,ADULT_PROTECTION,,,serving:protection-station,,The station of the district's area\n"
                + "CP,,CHILD_PROTECTION,,,serving:protection-station,,The station of the district's area\n"
                + "SM,,SEXUAL_MISCONDUCT,,,serving:protection-station,,The station of the district's area\n");
        js("document.getElementById('rs-files').value = '';");
        driver.findElement(By.id("rs-files")).sendKeys(draft.toString());
        js("const f = document.getElementById('rs-from'); f.value = '" + today.minusDays(6) + "';"
                + " const t = document.getElementById('rs-to'); t.value = '" + today.minusDays(2) + "';");
        click("#rs-preview");
        WebElement summary = waitFor("#rs-summary");
        assertEquals("9", summary.getAttribute("data-version"));
        assertTrue(summary.getText(), summary.getText().contains("of the 6 reports") && summary.getText().contains("3 would go"));
        Map<String, int[]> shown = new TreeMap<>();
        for (WebElement row : driver.findElements(By.cssSelector("#rs-offices tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            shown.put(row.getAttribute("data-office"), new int[] {Integer.parseInt(cells.get(1).getText()), Integer.parseInt(cells.get(2).getText())});
            assertEquals(en.get(row.getAttribute("data-office")), cells.get(0).getText());
        }
        assertEquals(expected.keySet(), shown.keySet());
        expected.forEach((office, counts) -> assertEquals(office, List.of(counts[0], counts[1]),
                List.of(shown.get(office)[0], shown.get(office)[1])));
        List<String> changed = driver.findElements(By.cssSelector("#rs-changed tbody tr")).stream()
                .map(r -> r.getAttribute("data-case") + " " + r.getAttribute("data-now") + " -> " + r.getAttribute("data-draft")).sorted().toList();
        assertEquals(expectedChanged.stream().sorted().toList(), changed);
        assertTrue(driver.findElement(By.id("rs-changed")).getText().contains(en.get("swc-zuoying")));
        assertTrue(driver.findElement(By.id("rs-changed")).getText().contains("Gushan"));
        assertFalse(driver.findElement(By.id("rs-result")).getText(), driver.findElement(By.id("rs-result")).getText().contains("null"));
        fullShot("rules-03-preview-en");
        driver.manage().window().setSize(new Dimension(768, 1024));
        waitFor("#rs-offices");
        assertFalse("no sideways scrolling of the page at 768 px",
                (Boolean) js("return document.documentElement.scrollWidth > document.documentElement.clientWidth;"));
        fullShot("rules-04-preview-en-768");
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // publish, in force from today (the date filled in from the draft); the versions list shows it
        assertEquals(today.toString(), driver.findElement(By.id("rs-effective")).getAttribute("value"));
        click("#rs-publish");
        WebElement published = waitFor("#rs-published");
        assertEquals("9", published.getAttribute("data-version"));
        waitFor("#rs-versions tr[data-version='9']");
        assertFalse("publishing again needs a new preview", driver.findElement(By.id("rs-publish")).isEnabled());
        JsonNode v9 = getJson("/api/regions/" + REGION + "/dispatch/rule-sets/9", "supervisor", "supervisor");
        assertEquals(today.toString(), v9.path("effectiveFrom").asText());
        assertEquals("supervisor", v9.path("publishedBy").asText());
        shot("rules-05-published-en");

        // a new report from Gushan goes to Zuoying under version 9
        JsonNode after = submitSyntheticReport("rules-preview-after", Instant.now().minusSeconds(30), "fragile-family", "gushan");
        assertEquals("swc-zuoying", after.path("dispatch").path("office").asText());
        assertEquals(9, after.path("dispatch").path("ruleSetVersion").asInt());
        assertEquals("FF-gushan", after.path("dispatch").path("ruleId").asText());
    }
}
