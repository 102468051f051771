package org.safenest.webtests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Starts the built distribution (as DistributionRestartIT does) and drives the web front end in headless Chromium:
 * login, a proposal to the referral board, the proposal on the agenda, a proposal refused for a phone number with the
 * error beside its field, the chair's decision, past meetings, the English texts; and the statistics dashboard with
 * its chart, table, suppressed small counts and CSV download; the regions page with the example city. The case-work
 * pages are in {@link CaseWorkBrowserIT}. Screenshots go to {@code target/screenshots}.
 * (The distribution and browser are set up by {@link AbstractBrowserIT}.)
 */
public class WebBrowserIT extends AbstractBrowserIT {

    /**
     * Issue 17: the demo data (console {@code safenest:demo-cases}, as an operator loads it) puts synthetic proposals on
     * Kaohsiung's meeting of today, submitted before the cutoff; the demo chair decides one in the web.
     */
    @Test
    public void theChairDecidesAProposalOfTheDemoData() throws Exception {
        JsonNode meeting = loadDemoMeeting();
        assertEquals(LocalDate.now(ZoneId.of("Asia/Taipei")).toString(), meeting.path("date").asText());
        String id = null;
        for (JsonNode p : meeting.path("agenda")) {
            if (p.path("proposal").path("reportNumber").asText().startsWith("DEMO-RB-")
                    && "FF_TO_CP".equals(p.path("proposal").path("direction").asText())) {
                id = p.path("id").asText();
                assertTrue(p.path("proposal").path("summary").asText().contains("Synthetic demo"));
            }
        }
        assertNotNull(meeting.toString(), id);

        chairDecides(id, "CP_TAKES", "示範資料：聯訪後由兒保開案。");
        shot("demo-chair-decided");
        JsonNode stored = getJson("/api/regions/" + REGION + "/referrals/" + id, "chair", "chair");
        assertEquals("CP_TAKES", stored.path("decision").path("outcome").asText());
        assertEquals("DECIDED", stored.path("status").asText());
        // loading again adds nothing
        assertTrue(console("safenest:demo-cases").contains("already on the meeting"));
    }

    @Test
    public void proposeSeeOnAgendaRefusePersonalDataAndDecide() throws Exception {
        String base = "http://localhost:" + port;
        driver.get(base + "/");
        waitFor("#login-form");
        assertEquals("zh-Hant", driver.findElement(By.tagName("html")).getAttribute("lang"));
        shot("01-login");

        // A wrong password is refused in the form (no browser dialog).
        login("worker", "wrong");
        WebElement loginError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertTrue(loginError.getText(), loginError.getText().contains("帳號或密碼錯誤"));

        // Log in as a social worker; pick the region; the referral board page is contributed by its bundle.
        login("worker", "worker");
        waitFor("#nav a[href='#/referral']");
        new Select(driver.findElement(By.id("region"))).selectByValue(REGION);
        // the intake page comes first in the navigation; the board by its address
        driver.get(base + "/#/referral/agenda");
        waitFor("#rb-agenda");
        assertTrue(driver.findElement(By.cssSelector("h1")).getText().contains("轉介溝通平台"));
        shot("02-agenda-empty");

        // Submit a proposal.
        click("#rb-tab-propose");
        waitFor("#rb-propose-form");
        fillProposal("KHH-2023-000123", "案主5歲，學校反映近兩週未到校。", "訪視發現疑似受虐傷痕，建議由兒保開案。");
        click("#rb-propose-submit");
        WebElement submitted = waitFor("#rb-submitted");
        String id = submitted.getAttribute("data-id");
        assertTrue(id, id.startsWith("RB-"));
        shot("03-proposal-submitted");

        // It is on the agenda of the next meeting.
        click("#rb-tab-agenda");
        WebElement card = waitFor("#proposal-" + id);
        assertTrue(card.getText(), card.getText().contains("案主5歲"));
        shot("04-agenda-with-proposal");

        // A proposal with a phone number is refused; the error shows beside the summary field, without the number.
        click("#rb-tab-propose");
        waitFor("#rb-propose-form");
        fillProposal("KHH-2023-000124", "案主母親手機 0912-345-678，請社工聯繫。", "需兒保評估。");
        click("#rb-propose-submit");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rb-summary-error")));
        assertTrue(error.getText(), error.getText().contains("電話號碼"));
        assertFalse(error.getText(), error.getText().contains("0912"));
        assertEquals("true", driver.findElement(By.id("rb-summary")).getAttribute("aria-invalid"));
        assertTrue(driver.findElement(By.id("rb-summary")).getAttribute("aria-describedby").contains("rb-summary-error"));
        assertEquals("rb-summary", driver.switchTo().activeElement().getAttribute("id"));
        assertFalse(driver.findElement(By.id("rb-reason-error")).isDisplayed());
        shot("05-personal-data-refused");
        driver.manage().window().setSize(new Dimension(820, 1180));
        driver.findElement(By.id("rb-summary")).sendKeys(""); // keep the field in view
        shot("06-personal-data-refused-tablet");
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // The chair records the decision.
        logOutAndLogIn("chair", "chair");
        waitFor("#nav a[href='#/referral']");
        // the decision tab by its address: whichever page the login opened first, the last route drawn is this one
        driver.get(base + "/#/referral/decide");
        waitFor("#rb-decide-form");
        new Select(driver.findElement(By.id("rb-decide-proposal"))).selectByValue(id);
        click("#rb-outcome-CP_TAKES");
        driver.findElement(By.id("rb-rationale")).sendKeys("聯訪後由兒保開案。");
        shot("07-decision-form");
        click("#rb-decide-submit");
        WebElement decided = waitFor("#rb-decided");
        assertEquals(id, decided.getAttribute("data-id"));
        shot("08-decision-recorded");

        // Past meetings show it with its decision; the board's API agrees.
        click("#rb-tab-meetings");
        WebElement decision = waitFor("#proposal-" + id + " .decision");
        assertTrue(decision.getText(), decision.getText().contains("由兒保社工開案"));
        shot("09-past-meetings");
        JsonNode stored = getJson("/api/regions/" + REGION + "/referrals/" + id, "chair", "chair");
        assertEquals("CP_TAKES", stored.path("decision").path("outcome").asText());
        assertEquals("DECIDED", stored.path("status").asText());

        // English.
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "Referral board"));
        WebElement english = waitFor("#proposal-" + id + " .decision");
        assertTrue(english.getText(), english.getText().contains("Child protection takes the case"));
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        shot("10-past-meetings-english");

        // The page keeps no password: nothing in the browser's storage; the login is an HttpOnly session cookie.
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        String storage = (String) js.executeScript("return JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]);");
        assertFalse(storage, storage.contains(java.util.Base64.getEncoder().encodeToString("chair:chair".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertFalse(storage, storage.contains("safenest.auth"));
        assertFalse((Boolean) js.executeScript("return document.cookie.includes('SAFENEST_SESSION');"));
        // Logging out ends the session on the server.
        click("#logout");
        waitFor("#login-form");
        Object after = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/session', {credentials: 'same-origin', headers: {'X-Safenest-Client': 'web'}}).then((r) => done(r.status), () => done(-1));");
        assertEquals(401L, after);
    }

    /**
     * The statistics dashboard as an analyst: the intake-volume report by month with its chart (Chart.js) and table,
     * the month with fewer than 5 reports suppressed and left out of the chart, the CSV download, the English texts,
     * a period that ends before it starts refused beside its field, and a period without data.
     *
     * <p>All data is synthetic: the test first submits 11 made-up intake reports through the REST API (8 received
     * just now, 3 received about two months ago), then waits until the reporting bundle, which counts them from the
     * intake events asynchronously, shows them.
     */
    @Test
    public void statisticsDashboardShowsChartTableAndDownloads() throws Exception {
        ZoneId taipei = ZoneId.of("Asia/Taipei");
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        Instant earlier = now.minus(Duration.ofDays(60));
        YearMonth recentMonth = YearMonth.from(now.atZone(taipei));
        String[][] recent = {{"child-protection", "sanmin"}, {"child-protection", "lingya"}, {"fragile-family", "sanmin"},
            {"fragile-family", "gushan"}, {"domestic-violence", "zuoying"}, {"child-protection", "gushan"},
            {"fragile-family", "lingya"}, {"child-protection", "meinong"}};
        awaitReportListed("intake-volume", Duration.ofSeconds(90)); // reporting listens for intake events from then on
        for (int i = 0; i < recent.length; i++) {
            submitSyntheticReport("web-stat-now-" + i, now.minusSeconds(i), recent[i][0], recent[i][1]);
        }
        for (int i = 0; i < 3; i++) {
            submitSyntheticReport("web-stat-earlier-" + i, earlier.minusSeconds(i), "fragile-family", "sanmin");
        }
        awaitIntakeVolume(recentMonth, recent.length, Duration.ofSeconds(90));

        String base = "http://localhost:" + port;
        driver.get(base + "/");
        waitFor("#login-form");
        login("analyst", "analyst");
        waitFor("#nav a[href='#/statistics']");
        new Select(driver.findElement(By.id("region"))).selectByValue(REGION);
        click("#nav a[href='#/statistics']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "統計報表｜高雄市"));
        WebElement reportPicker = waitFor("#st-report option[value='intake-volume']");
        assertTrue(reportPicker.getText(), !reportPicker.getText().isBlank());

        // The intake-volume report over the last 12 months, by month (its default grouping).
        new Select(driver.findElement(By.id("st-report"))).selectByValue("intake-volume");
        assertFalse(driver.findElement(By.id("st-report-description")).getText().isBlank());
        assertEquals("month", new Select(driver.findElement(By.id("st-group1"))).getFirstSelectedOption().getAttribute("value"));
        click("#st-last12");
        awaitChart();
        assertEquals("月份", driver.findElement(By.cssSelector("#st-table thead th")).getText());
        assertTrue(driver.findElements(By.cssSelector("#st-table thead th")).size() >= 2);
        // The chart plots this month's 8 reports; the month with 3 is suppressed (<5): a gap, and the chart says so.
        List<?> plotted = (List<?>) js("return Chart.getChart(document.getElementById('st-chart')).data.datasets[0].data;");
        assertTrue(plotted.toString(), plotted.stream().anyMatch(v -> v instanceof Number n && n.longValue() >= recent.length));
        assertTrue(plotted.toString(), plotted.contains(null));
        waitFor("#st-chart-gaps");
        WebElement suppressed = waitFor("#st-table .st-suppressed");
        assertTrue(suppressed.getText(), suppressed.getText().startsWith("<"));
        assertTrue(suppressed.getAttribute("title"), suppressed.getAttribute("title").contains("隱私"));
        waitFor("#st-notes li[data-code='suppressed']");
        String canvasLabel = driver.findElement(By.id("st-chart")).getAttribute("aria-label");
        assertTrue(canvasLabel, canvasLabel.contains("月份"));
        fullShot("statistics-zh");

        // The CSV download: fetched with the login, saved as a file; the page says so.
        click("#st-download-csv");
        WebElement downloaded = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#st-download-status[data-file]")));
        String file = downloaded.getAttribute("data-file");
        assertTrue(file, file.startsWith("intake-volume-") && file.endsWith(".csv"));
        assertTrue(downloaded.getText(), downloaded.getText().contains("已下載"));
        Path csv = downloads.resolve(file);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.isRegularFile(csv) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertTrue("not downloaded: " + csv, Files.isRegularFile(csv));
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(content, content.contains("月份"));

        // English: the same report again, in English.
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "Statistics"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#st-table thead th"), "Month"));
        awaitChart();
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        fullShot("statistics-en");
        driver.manage().window().setSize(new Dimension(820, 1180));
        fullShot("statistics-en-tablet");
        // At 768 px (a tablet upright) no axis label is cut: the x labels fit the canvas and the y-axis title its axis.
        driver.manage().window().setSize(new Dimension(768, 1024));
        awaitChart();
        wait.until(d -> ((Number) js("return Chart.getChart(document.getElementById('st-chart')).width;")).intValue() < 768);
        Object cut = js("const chart = Chart.getChart(document.getElementById('st-chart')); chart.update();"
                + " const x = chart.scales.x, y = chart.scales.y, problems = [];"
                + " if (x.left < 0 || x.right > chart.width || x.bottom > chart.height) problems.push('x scale outside the canvas');"
                + " for (const item of x.getLabelItems()) { const [lx, ly] = item.options.translation;"
                + "   if (lx < 0 || lx > chart.width || ly > chart.height) problems.push('x label ' + item.label + ' at ' + lx + ',' + ly); }"
                + " const c = chart.ctx; c.save(); const f = { ...Chart.defaults.font, ...(y.options.title.font || {}) };"
                + " c.font = [f.style, f.weight, (f.size || 12) + 'px', f.family].filter(Boolean).join(' ');"
                + " const w = c.measureText(y.options.title.text).width; c.restore();"
                + " if (w > y.height) problems.push('y title ' + w + ' > ' + y.height);"
                + " return problems;");
        assertEquals(List.of(), cut);
        fullShot("statistics-en-768");
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // Back to Chinese.
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "統計報表"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#st-table thead th"), "月份"));
        awaitChart();

        // A period that ends before it starts is refused beside the end month, and no figures stay on the page.
        js("document.getElementById('st-from').value = '2025-06'; document.getElementById('st-to').value = '2025-03';");
        click("#st-show");
        WebElement periodError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("st-to-error")));
        assertTrue(periodError.getText(), periodError.getText().contains("結束月份"));
        assertEquals("true", driver.findElement(By.id("st-to")).getAttribute("aria-invalid"));
        assertTrue(driver.findElements(By.id("st-table")).isEmpty());

        // A year without reports, by district: no data.
        js("document.getElementById('st-from').value = '2015-01'; document.getElementById('st-to').value = '2015-12';");
        new Select(driver.findElement(By.id("st-group1"))).selectByValue("district");
        click("#st-show");
        WebElement empty = waitFor("#st-empty");
        assertTrue(empty.getText(), empty.getText().contains("此期間沒有資料"));
        assertEquals(null, driver.findElement(By.id("st-to")).getAttribute("aria-invalid"));
    }

    /**
     * The administrators' regions page with the README's made-up example city (docs/example-city, synthetic): a
     * broken archive is checked (each problem with its file and line, nothing stored), then the corrected archive is
     * checked and stored, in both languages; then the README's "Adding your city" done in the pages alone (issue 15):
     * the city's four-line rule set previewed and published on the rules page, a user for the city made on the users
     * page, who logs in, sees only that city and records a report that goes to the office serving its district part;
     * removing the city is then refused, since it holds a case.
     */
    @Test
    public void regionsPageChecksAndUploadsTheExampleCity() throws Exception {
        Path example = Path.of("..", "docs", "example-city");
        Map<String, String> files = new java.util.TreeMap<>();
        for (String name : List.of("region.properties", "districts.csv", "offices.csv", "case-types.csv")) {
            files.put(name, Files.readString(example.resolve(name), StandardCharsets.UTF_8));
        }
        Path good = Path.of("target", "lianhua.zip").toAbsolutePath();
        Path broken = Path.of("target", "lianhua-broken.zip").toAbsolutePath();
        zip(good, files);
        Map<String, String> wrong = new java.util.TreeMap<>(files);
        wrong.put("offices.csv", files.get("offices.csv").replace("東蓮區;山腰區", "東蓮區;山頂區")
                .replace("西蓮社會福利服務中心,Lotus West Social Welfare Service Centre,welfare-service-centre",
                        "西蓮社會福利服務中心,Lotus West Social Welfare Service Centre,welfare-centre"));
        zip(broken, wrong);

        String base = "http://localhost:" + port;
        driver.get(base + "/");
        waitFor("#login-form");
        login("admin", "admin");
        waitFor("#nav a[href='#/regions']");
        click("#nav a[href='#/regions']");
        waitFor("#rg-regions");
        assertTrue(driver.findElement(By.id("rg-regions")).getText().contains("kaohsiung"));

        // A broken archive, checked: a table of problems by file and line; nothing is stored.
        driver.findElement(By.id("rg-file")).sendKeys(broken.toString());
        click("#rg-check");
        WebElement problems = waitFor("#rg-problems");
        List<WebElement> rows = problems.findElements(By.cssSelector("tbody tr"));
        assertEquals(problems.getText(), 2, rows.size());
        assertTrue(rows.get(0).getText(), rows.get(0).getText().startsWith("offices.csv 3"));
        assertTrue(rows.get(1).getText(), rows.get(1).getText().startsWith("offices.csv 4"));
        assertTrue(driver.findElement(By.id("rg-problems-title")).getText().contains("未做任何變更"));
        shot("40-regions-dry-run-problems");
        assertEquals(404, get("/api/regions/lianhua").statusCode());

        // The corrected archive, checked in English, then stored.
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "Regions"));
        driver.findElement(By.id("rg-file")).sendKeys(good.toString());
        click("#rg-check");
        WebElement ok = waitFor("#rg-ok");
        assertTrue(ok.getText(), ok.getText().contains("region lianhua, 6 districts, 4 offices")
                && ok.getText().contains("would be created"));
        assertEquals(404, get("/api/regions/lianhua").statusCode());
        shot("41-regions-dry-run-ok-english");
        click("#rg-store");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-ok"), "Region lianhua stored"));
        assertEquals(200, get("/api/regions/lianhua").statusCode());
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-regions"), "Lianhua City (synthetic example)"));
        shot("42-regions-stored-english");

        // Issue 15's walk-through, in the pages only: the city's rules (four lines, by the offices serving each
        // district), a user for it, and a report dispatched to the right office.
        driver.get(base + "/#/rules?region=lianhua");
        waitFor("#rs-no-versions"); // a new region has no rule set yet
        driver.findElement(By.id("rs-files")).sendKeys(example.resolve("dispatch-rules.csv").toAbsolutePath().normalize().toString());
        click("#rs-preview");
        waitFor("#rs-summary");
        click("#rs-publish");
        assertEquals("1", waitFor("#rs-published").getAttribute("data-version"));
        waitFor("#rs-versions tr[data-version='1']");
        shot("44-city-rules-published");

        driver.get(base + "/#/users");
        waitFor("#us-users");
        driver.findElement(By.id("us-name")).sendKeys("lianhua-intake");
        driver.findElement(By.id("us-password")).sendKeys("synthetic-lotus-2026");
        click("#us-roles-intake");
        click("#us-regions-lianhua");
        click("#us-create");
        WebElement user = waitFor("#us-users tr[data-user='lianhua-intake']");
        assertTrue(user.getText(), user.getText().contains("lianhua"));
        shot("45-city-user-created");
        click("#logout");
        waitFor("#login-form");
        driver.manage().deleteAllCookies();

        login("lianhua-intake", "synthetic-lotus-2026");
        waitFor("#in-form");
        wait.until(d -> !options("#region").isEmpty());
        assertEquals(List.of("lianhua"), options("#region"));
        // SYNTHETIC report: a fragile family north of Harbour Road, which Lotus West's centre serves
        new Select(driver.findElement(By.id("in-caseType"))).selectByValue("fragile-family");
        new Select(driver.findElement(By.id("in-district"))).selectByValue("harbour");
        new Select(waitFor("#in-districtPart")).selectByValue("north");
        driver.findElement(By.id("in-children-0-age")).sendKeys("5");
        new Select(driver.findElement(By.id("in-source"))).selectByValue("school");
        driver.findElement(By.id("in-summary")).sendKeys("Synthetic test report of a made-up city, no real person.");
        click("#in-submit");
        WebElement cityReceipt = waitFor("#in-receipt");
        assertEquals("lh-swc-west", driver.findElement(By.id("in-receipt-office")).getAttribute("data-office"));
        assertTrue(cityReceipt.getText(), cityReceipt.getText().contains("Lotus West Social Welfare Service Centre"));
        fullShot("46-city-report-dispatched");
        click("#logout");
        waitFor("#login-form");
        driver.manage().deleteAllCookies();
        login("admin", "admin");
        waitFor("#nav a[href='#/regions']");
        click("#nav a[href='#/regions']");
        waitFor("#rg-regions");

        // At tablet width, in Chinese; the city now holds a case, so removing it is refused with the reason.
        Dimension laptop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(820, 1180));
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "地區資料"));
        waitFor("#rg-remove-lianhua");
        shot("43-regions-tablet");
        click("#rg-remove-lianhua");
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-status"), "HTTP 409"));
        assertEquals(200, get("/api/regions/lianhua").statusCode());
        // a region its bundle provides is refused, with the reason
        click("#rg-remove-kaohsiung");
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        // wait for this request's own answer: the one before it (lianhua's) was an HTTP 409 too
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rg-status"), "region bundle"));
        assertTrue(driver.findElement(By.id("rg-status")).getText().contains("HTTP 409"));
        assertEquals(200, get("/api/regions/kaohsiung").statusCode());
        driver.manage().window().setSize(laptop);
    }
}
