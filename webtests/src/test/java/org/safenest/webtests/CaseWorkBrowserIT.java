package org.safenest.webtests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The case-work pages in headless Chromium, split from {@link WebBrowserIT} so that the two run side by side in the
 * two test JVMs (each test starts its own distribution): the intake window's receipt, field errors, case view,
 * dispute, manual dispatch, follow-up and transfer; the case search, assignment and "my cases"; the page shell's
 * details and region-safe links. Screenshots go to {@code target/screenshots}. All data is synthetic.
 */
public class CaseWorkBrowserIT extends AbstractBrowserIT {

    /**
     * The intake window's page: the intake user fills in a synthetic report (child protection, Fengshan north of
     * Guotai Road) and gets a receipt with the case number and the office the Kaohsiung rules give (rule CP-fengshan
     * of version 8: the Protection Centre Fengshan station); a bad report is refused with the errors beside their
     * fields; the case view shows the case. Then the dispatcher disputes the decision and dispatches a case from the
     * manual dispatch queue by hand, and the history shows both; a supervisor records the coordination meeting's
     * outcome of the dispute in the list of dispatch disputes (an empty outcome is refused beside the field), and the
     * dispute moves to the resolved ones and shows its outcome in the case view; a social worker assesses the
     * hand-dispatched case and completes its follow-up; the case view in English, also at tablet width.
     *
     * <p>All data is synthetic: made-up ages and summaries, no names.
     */
    @Test
    public void intakeReportReceiptDisputeHandDispatchFollowUpAndTransfer() throws Exception {
        String base = "http://localhost:" + port;
        openIntakeWindow(base);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "受理窗口｜高雄市"));
        // The intake page comes first in the navigation.
        assertEquals("#/intake", driver.findElement(By.cssSelector("#nav li:first-child a")).getAttribute("href")
                .replaceFirst("^[^#]*", ""));

        // A synthetic report: child protection, Fengshan north of Guotai Road, two children.
        assertFalse(driver.findElement(By.id("in-receivedAt")).getAttribute("value").isBlank());
        assertFalse(driver.findElement(By.id("in-districtPart")).isDisplayed()); // no part picker before the district
        new Select(driver.findElement(By.id("in-caseType"))).selectByValue("child-protection");
        new Select(driver.findElement(By.id("in-district"))).selectByValue("fengshan");
        new Select(waitFor("#in-districtPart")).selectByValue("north");
        driver.findElement(By.id("in-children-0-age")).sendKeys("6");
        click("#in-add-child");
        waitFor("#in-children-1-age").sendKeys("3");
        new Select(driver.findElement(By.id("in-source"))).selectByValue("school");
        driver.findElement(By.id("in-summary")).sendKeys("Synthetic test report: a made-up family, no real person.");
        String reportId = driver.findElement(By.id("in-form")).getAttribute("data-report-id");
        assertTrue(reportId, reportId.length() >= 32);
        fullShot("intake-zh");

        click("#in-submit");
        WebElement receipt = waitFor("#in-receipt");
        String caseNumber = receipt.getAttribute("data-case");
        assertTrue(caseNumber, caseNumber.startsWith("KH-"));
        assertTrue(receipt.getText(), receipt.getText().contains(caseNumber));
        assertEquals("NEW_CASE", driver.findElement(By.id("in-receipt-merge")).getAttribute("data-rule"));
        WebElement office = driver.findElement(By.id("in-receipt-office"));
        assertEquals("pc-fengshan", office.getAttribute("data-office"));
        assertEquals("家防中心鳳山站", office.getText());
        assertTrue(receipt.getText(), receipt.getText().contains("CP-fengshan"));
        // The form is empty again, with a new reportId.
        assertFalse(reportId.equals(driver.findElement(By.id("in-form")).getAttribute("data-report-id")));
        assertEquals("", driver.findElement(By.id("in-summary")).getAttribute("value"));
        fullShot("intake-receipt");
        JsonNode stored = getJson("/api/regions/" + REGION + "/cases/" + caseNumber, "intake", "intake");
        assertEquals(reportId, stored.path("reports").path(0).path("report").path("reportId").asText());
        assertEquals("north", stored.path("districtPart").asText());
        assertEquals(2, stored.path("reports").path(0).path("report").path("children").size());

        // A bad report (a 25-year-old in a child-protection report, no summary): errors beside the fields.
        new Select(driver.findElement(By.id("in-caseType"))).selectByValue("child-protection");
        new Select(driver.findElement(By.id("in-district"))).selectByValue("sanmin");
        assertFalse(driver.findElement(By.id("in-districtPart")).isDisplayed());
        driver.findElement(By.id("in-children-0-age")).sendKeys("25");
        new Select(driver.findElement(By.id("in-source"))).selectByValue("police");
        click("#in-submit");
        WebElement ageError = waitFor("#in-children-0-age-error");
        assertTrue(ageError.getText(), ageError.getText().contains("0 到 17 歲"));
        assertTrue(waitFor("#in-summary-error").getText().contains("必填"));
        assertEquals("true", driver.findElement(By.id("in-children-0-age")).getAttribute("aria-invalid"));
        assertTrue(driver.findElement(By.id("in-children-0-age")).getAttribute("aria-describedby").contains("in-children-0-age-error"));
        assertEquals("in-children-0-age", driver.switchTo().activeElement().getAttribute("id"));
        assertFalse(driver.findElement(By.id("in-caseType-error")).isDisplayed());
        assertTrue(driver.findElements(By.id("in-receipt")).isEmpty());
        shot("intake-field-errors");

        // Personal data in the summary and the household reference (issue 17, synthetic): refused beside each field
        // by the platform's personal-data guard, nothing recorded.
        WebElement childAge = driver.findElement(By.id("in-children-0-age"));
        childAge.clear();
        childAge.sendKeys("6");
        driver.findElement(By.id("in-summary")).sendKeys("Synthetic: 學校通報案主手臂瘀青，案母聯絡電話 0912-345-678");
        driver.findElement(By.id("in-householdRef")).sendKeys("王小明");
        click("#in-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-summary-error"), "電話號碼"));
        assertTrue(waitFor("#in-summary-error").getText().contains("個人資料"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-householdRef-error"), "姓名"));
        assertEquals("true", driver.findElement(By.id("in-summary")).getAttribute("aria-invalid"));
        assertFalse(driver.findElement(By.id("in-children-0-age-error")).isDisplayed());
        assertTrue(driver.findElements(By.id("in-receipt")).isEmpty());
        shot("intake-personal-data-refused");

        // The case view from the list of recent cases.
        click("#in-tab-recent");
        click("#in-list tr[data-case='" + caseNumber + "'] a");
        WebElement title = waitFor("#in-case-title");
        assertEquals(caseNumber, title.getAttribute("data-case"));
        assertEquals("家防中心鳳山站", driver.findElement(By.id("in-case-office")).getText());
        assertTrue(driver.findElement(By.id("in-case-reports")).getText().contains("6 歲"));
        waitFor("#in-history tr[data-kind='DISPATCHED']");
        assertTrue(driver.findElements(By.id("in-case-actions")).isEmpty()); // intake may not act on a case

        // A fragile-family report from Fengshan without the part: no rule matches, it waits in the manual queue.
        String queued = submitSyntheticReport("web-intake-queue", Instant.now().minusSeconds(60), "fragile-family", "fengshan")
                .path("caseNumber").asText();

        // The dispatcher disputes the decision on the first case and sends it to the headquarters.
        logOutAndLogIn("dispatcher", "dispatcher");
        waitFor("#nav a[href='#/intake']");
        openCase(base, caseNumber);
        waitFor("#in-dispute-form");
        assertTrue(driver.findElements(By.id("in-disposition-form")).isEmpty()); // dispositions are for social workers
        // Issue 17: a welfare service centre (fragile families) for this child-protection case changes its service
        // line: the form asks for the confirmation, and the server refuses the dispute without it, beside the box.
        new Select(driver.findElement(By.id("in-dispute-office"))).selectByValue("swc-fengshan");
        WebElement confirmLine = driver.findElement(By.id("in-dispute-serviceLineChangeConfirmed"));
        assertTrue(confirmLine.isDisplayed());
        driver.findElement(By.id("in-dispute-reason")).sendKeys("Synthetic test: the made-up family is served by the headquarters.");
        click("#in-dispute-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-dispute-serviceLineChangeConfirmed-error"), "服務類別"));
        assertEquals("in-dispute-serviceLineChangeConfirmed", driver.switchTo().activeElement().getAttribute("id"));
        assertEquals("pc-fengshan", getJson("/api/regions/" + REGION + "/cases/" + caseNumber, "dispatcher", "dispatcher")
                .path("office").asText()); // nothing changed
        shot("intake-dispute-service-line");
        // Another protection office: the same service line, no confirmation asked.
        new Select(driver.findElement(By.id("in-dispute-office"))).selectByValue("pc-headquarters");
        assertFalse(confirmLine.isDisplayed());
        click("#in-dispute-submit");
        WebElement disputed = waitFor("#in-action-done");
        assertTrue(disputed.getText(), disputed.getText().contains("家防中心本站"));
        assertEquals("pc-headquarters", driver.findElement(By.id("in-case-office")).getAttribute("data-office"));
        waitFor("#in-history tr[data-kind='DISPUTED']");
        String disputeId = waitFor("#in-case-disputes .in-dispute").getAttribute("data-id");
        assertTrue(driver.findElements(By.id("in-resolve-" + disputeId + "-form")).isEmpty()); // outcomes are the supervisors'

        // ... and dispatches the queued case by hand from the manual dispatch queue.
        click("#in-tab-queue");
        click("#in-list tr[data-case='" + queued + "'] a");
        waitFor("#in-dispatch-form");
        click("#in-dispatch-submit"); // no office, no reason: refused beside the fields
        assertTrue(waitFor("#in-dispatch-office-error").getText().contains("必填"));
        assertTrue(waitFor("#in-dispatch-reason-error").getText().contains("必填"));
        new Select(driver.findElement(By.id("in-dispatch-office"))).selectByValue("swc-fengshan");
        driver.findElement(By.id("in-dispatch-reason")).sendKeys("Synthetic test: north of Guotai Road.");
        click("#in-dispatch-submit");
        WebElement dispatched = waitFor("#in-action-done");
        assertTrue(dispatched.getText(), dispatched.getText().contains("鳳山社會福利服務中心"));
        assertEquals("ASSESSING", driver.findElement(By.id("in-case-status")).getAttribute("data-status"));
        waitFor("#in-history tr[data-kind='DISPATCHED_BY_HAND']");

        // A supervisor (every region: picks Kaohsiung) finds the dispute in the list for the coordination meeting and
        // records the meeting's outcome: empty first (refused beside the field), then a synthetic one.
        logOutAndLogIn("supervisor", "supervisor");
        waitFor("#nav a[href='#/intake']");
        new Select(driver.findElement(By.id("region"))).selectByValue(REGION);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "受理窗口｜高雄市"));
        click("#in-tab-disputes");
        String resolve = "in-resolve-" + disputeId;
        WebElement openDispute = waitFor("#in-disputes-list[data-status='OPEN'] .in-dispute[data-id='" + disputeId + "']");
        assertEquals(caseNumber, openDispute.getAttribute("data-case"));
        assertTrue(openDispute.getText(), openDispute.getText().contains("家防中心鳳山站 → 家防中心本站"));
        assertTrue(openDispute.getText(), openDispute.getText().contains("the made-up family is served by the headquarters"));
        assertTrue(openDispute.getText(), openDispute.getText().contains("dispatcher，"));
        assertEquals("page", driver.findElement(By.id("in-disputes-open")).getAttribute("aria-current"));
        click("#" + resolve + "-submit");
        WebElement outcomeError = waitFor("#" + resolve + "-outcome-error");
        assertTrue(outcomeError.getText(), outcomeError.getText().contains("必填"));
        assertEquals("true", driver.findElement(By.id(resolve + "-outcome")).getAttribute("aria-invalid"));
        assertEquals(resolve + "-outcome", driver.switchTo().activeElement().getAttribute("id"));
        fullShot("intake-disputes");
        String outcome = "Synthetic test: the meeting confirms the headquarters.";
        driver.findElement(By.id(resolve + "-outcome")).sendKeys(outcome);
        click("#" + resolve + "-submit");
        WebElement resolved = waitFor("#in-action-done");
        assertTrue(resolved.getText(), resolved.getText().contains("已記錄爭議 " + disputeId + " 的協調會議結論"));
        wait.until(d -> String.valueOf(js("return document.getElementById('status').textContent;")) // announced
                .contains("已記錄爭議 " + disputeId));
        waitFor("#in-list-empty"); // no other dispute waits for the meeting
        click("#in-disputes-resolved");
        WebElement done = waitFor("#in-disputes-list[data-status='RESOLVED'] .in-dispute[data-id='" + disputeId + "']");
        assertEquals(outcome, driver.findElement(By.id("in-dispute-" + disputeId + "-outcome")).getText());
        assertTrue(done.getText(), done.getText().contains("supervisor，"));
        assertTrue(driver.findElements(By.id(resolve + "-form")).isEmpty());
        click("#in-dispute-" + disputeId + " .in-dispute-case");
        assertEquals(caseNumber, waitFor("#in-case-title").getAttribute("data-case"));
        WebElement caseDispute = waitFor("#in-case-disputes .in-dispute[data-id='" + disputeId + "'][data-status='RESOLVED']");
        assertTrue(caseDispute.getText(), caseDispute.getText().contains(outcome));
        assertTrue(driver.findElements(By.id(resolve + "-form")).isEmpty());
        // Issue 17: the history and the dispatch decisions in Chinese, made from codes with office and district names;
        // the resolution is a "dispute resolved" line with the meeting's outcome, not "Dispatch disputed".
        WebElement resolvedLine = waitFor("#in-history tr[data-kind='DISPUTE_RESOLVED']");
        assertTrue(resolvedLine.getText(), resolvedLine.getText().contains("爭議有結論"));
        assertTrue(resolvedLine.getText(), resolvedLine.getText().contains("協調會議對爭議 " + disputeId + " 的結論：" + outcome));
        String raisedLine = driver.findElement(By.cssSelector("#in-history tr[data-kind='DISPUTED']")).getText();
        assertTrue(raisedLine, raisedLine.contains("對派至家防中心鳳山站的決定提出爭議 " + disputeId));
        String opened = driver.findElement(By.cssSelector("#in-history tr[data-kind='RECEIVED']")).getText();
        assertTrue(opened, opened.contains("鳳山區"));
        // no English sentence and no raw code in the Chinese case view, leaving out what people typed (summaries,
        // reasons, outcomes: class in-text or the report's summary) and the user names
        String chinese = String.valueOf(js("const m = document.getElementById('main').cloneNode(true);"
                + "m.querySelectorAll('.in-text, .in-summary, [id$=\"-outcome\"], [id$=\"-reason\"], form, textarea, input, select')"
                + ".forEach((e) => e.remove());"
                + "return m.textContent;"));
        java.util.regex.Matcher english = java.util.regex.Pattern.compile("[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}").matcher(chinese);
        assertFalse(english.find() ? english.group() + " in " + chinese : "", english.find(0));
        assertFalse(chinese, chinese.contains("fengshan north") || chinese.contains("pc-fengshan") || chinese.contains("swc-"));

        // A social worker (every region: picks Kaohsiung) assesses the hand-dispatched case: maltreatment not yet
        // confirmed, so a follow-up falls due 10 days later; then records the further investigation, completing it.
        logOutAndLogIn("worker", "worker");
        waitFor("#nav a[href='#/intake']");
        new Select(driver.findElement(By.id("region"))).selectByValue(REGION);
        openCase(base, queued);
        waitFor("#in-disposition-form");
        assertTrue(driver.findElements(By.id("in-dispute-form")).isEmpty()); // disputes are the dispatchers'
        assertTrue(driver.findElements(By.id("in-tab-new")).isEmpty()); // the report form is the intake window's
        new Select(driver.findElement(By.id("in-disposition-disposition"))).selectByValue("INVESTIGATION_CONTINUING");
        click("#in-disposition-submit");
        WebElement assessed = waitFor("#in-action-done");
        assertTrue(assessed.getText(), assessed.getText().contains("尚未能確認"));
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Taipei")).plusDays(10);
        String dueZh = due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日";
        assertTrue(waitFor("#in-case-follow-up").getText(), driver.findElement(By.id("in-case-follow-up")).getText().contains(dueZh));
        waitFor("#in-followUp-form");
        driver.findElement(By.id("in-followUp-note")).sendKeys("Synthetic test: further investigation recorded.");
        click("#in-followUp-submit");
        // The disposition's #in-action-done is still there until the case is loaded again: wait for the new one.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-action-done"), "已記錄追蹤完成"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-case-follow-up"), "worker 已於"));
        assertTrue(driver.findElements(By.id("in-followUp-form")).isEmpty());
        // The investigation finds maltreatment after all: a statutory report moves the fragile-family case to child
        // protection, dispatched again by the rules for the new service (Fengshan's protection station).
        new Select(driver.findElement(By.id("in-transfer-ground"))).selectByValue("STATUTORY_REPORT");
        click("#in-transfer-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-action-done"), "已轉案"));
        assertTrue(driver.findElement(By.id("in-action-done")).getText().contains("家防中心鳳山站"));
        assertEquals("pc-fengshan", driver.findElement(By.id("in-case-office")).getAttribute("data-office"));
        waitFor("#in-history tr[data-kind='TRANSFERRED']");

        // The disputed case in English.
        openCase(base, caseNumber);
        waitFor("#in-history tr[data-kind='DISPUTED']");
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "Intake｜Kaohsiung City"));
        WebElement history = waitFor("#in-case-history");
        assertTrue(history.getText(), history.getText().contains("Dispatch disputed"));
        assertTrue(history.getText(), history.getText().contains("Dispute resolved"));
        assertTrue(history.getText(), history.getText().contains("Dispatch to Protection Centre Fengshan station disputed")); // an office name, never its code
        assertFalse(history.getText(), history.getText().contains("pc-fengshan"));
        WebElement disputesEn = driver.findElement(By.id("in-case-disputes"));
        assertTrue(disputesEn.getText(), disputesEn.getText().contains("Coordination meeting’s outcome"));
        assertEquals("Protection Centre headquarters", driver.findElement(By.id("in-case-office")).getText());
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        fullShot("intake-case-en");
        driver.manage().window().setSize(new Dimension(820, 1180));
        fullShot("intake-case-en-tablet");
        driver.manage().window().setSize(new Dimension(1366, 1000));
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "受理窗口"));
    }

    /**
     * Issue 17: the case search finds a case by household reference, and by office and status (sortable, with the
     * count); a supervisor assigns a case of their office to the demo worker, sees the office's caseloads, and the worker
     * finds the case in "my cases" with its follow-up due date. All data synthetic.
     */
    @Test
    public void caseSearchAssignmentAndMyCases() throws Exception {
        String base = "http://localhost:" + port;
        String a = postJson("/api/regions/" + REGION + "/intake", "intake", syntheticReport("web-search-1", "fragile-family",
                "fengshan", "north", "SYN-HH-WEB-1")).path("caseNumber").asText();
        String b = postJson("/api/regions/" + REGION + "/intake", "intake", syntheticReport("web-search-2", "fragile-family",
                "sanmin", null, "SYN-HH-WEB-2")).path("caseNumber").asText();
        String c = postJson("/api/regions/" + REGION + "/intake", "intake", syntheticReport("web-search-3", "child-protection",
                "fengshan", "north", "SYN-HH-WEB-3")).path("caseNumber").asText();

        openIntakeWindow(base);
        click("#in-tab-recent");
        // By household reference: exactly the one case.
        waitFor("#in-search-householdRef").sendKeys("SYN-HH-WEB-1");
        click("#in-search-submit");
        wait.until(ExpectedConditions.attributeToBe(By.id("in-search-count"), "data-total", "1"));
        assertEquals(List.of(a), listed());
        assertTrue(driver.findElement(By.id("in-search-count")).getText().contains("共 1 件"));
        fullShot("search-household-zh");
        // By office and status: the Fengshan centre's cases being assessed (not the protection station's, not Sanmin's).
        click("#in-search-reset");
        wait.until(d -> listed().containsAll(List.of(a, b, c)));
        new Select(driver.findElement(By.id("in-search-office"))).selectByValue("swc-fengshan");
        new Select(driver.findElement(By.id("in-search-status"))).selectByValue("ASSESSING");
        click("#in-search-submit");
        wait.until(ExpectedConditions.attributeToBe(By.id("in-search-count"), "data-total", "1"));
        assertEquals(List.of(a), listed());
        // Sortable columns: no criteria, by case number ascending, then descending.
        click("#in-search-reset");
        wait.until(d -> listed().containsAll(List.of(a, b, c)));
        click("#in-sort-caseNumber");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("th[aria-sort='ascending'] #in-sort-caseNumber"), "id", "in-sort-caseNumber"));
        List<String> ascending = listed();
        assertEquals(ascending.stream().sorted().toList(), ascending);
        click("#in-sort-caseNumber");
        waitFor("th[aria-sort='descending'] #in-sort-caseNumber");
        List<String> descending = listed();
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending);
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-search-count"), "Cases found:"));
        fullShot("search-sorted-en");
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "受理窗口"));

        // The supervisor of the Fengshan centres assigns the case to the demo worker.
        logOutAndLogIn("supervisor", "supervisor");
        waitFor("#nav a[href='#/intake']");
        new Select(driver.findElement(By.id("region"))).selectByValue(REGION);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "高雄市"));
        js("location.hash = '#/intake/case/" + a + "';");
        waitFor("#in-case-title[data-case='" + a + "']");
        assertEquals("", driver.findElement(By.id("in-case-worker")).getAttribute("data-worker"));
        new Select(waitFor("#in-assign-worker")).selectByValue("worker");
        click("#in-assign-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-action-done"), "已分派給 worker"));
        assertEquals("worker", driver.findElement(By.id("in-case-worker")).getAttribute("data-worker"));
        waitFor("#in-history tr[data-kind='ASSIGNED']");
        waitFor("#in-case-assignments");
        // A reassignment needs a reason: the form asks for one (the only other worker is none here, so no form).
        fullShot("assign-zh");
        click("#in-tab-caseloads");
        WebElement load = waitFor("#in-caseload-swc-fengshan tr[data-worker='worker']");
        assertTrue(load.getText(), load.getText().matches("(?s).*worker\\s+1\\s+0\\s+0.*"));
        shot("caseloads-zh");
        // The worker records that the investigation continues: a follow-up due in 10 days.
        postJson("/api/regions/" + REGION + "/cases/" + a + "/disposition", "worker",
                "{\"disposition\":\"INVESTIGATION_CONTINUING\"}");
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Taipei")).plusDays(10);

        logOutAndLogIn("worker", "worker");
        waitFor("#nav a[href='#/intake']");
        new Select(driver.findElement(By.id("region"))).selectByValue(REGION);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "高雄市"));
        click("#in-tab-mine");
        WebElement mine = waitFor("#in-list tr[data-case='" + a + "']");
        String dueZh = due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日";
        assertTrue(mine.getText() + " / " + dueZh, mine.findElement(By.cssSelector(".in-due")).getText().contains(dueZh));
        assertEquals(List.of(a), listed());
        fullShot("my-cases-zh");
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#in-list caption"), "My cases (1)"));
        shot("my-cases-en");
        click("#lang");
        // A worker sees their own caseload only.
        assertEquals(403, send("/api/regions/" + REGION + "/caseload?worker=supervisor", "worker", "worker").statusCode());
        assertEquals(403, send("/api/regions/" + REGION + "/caseloads", "worker", "worker").statusCode());
    }

    /**
     * The shell's smaller defects, where a person would notice them: nothing of the logged-in header on the login
     * screen, the tab's title per page and language, a word for an unknown address, a tab switch that keeps the page
     * in view until the next one is ready, a list that cannot reach the server with a retry, one-line status pills on
     * a tablet; and region-safe navigation: a case link of Kaohsiung opened while Hong Kong is in view switches to
     * Kaohsiung and shows the case, the last region used comes back at the next login, and the intake form offers the
     * case types of the region in view.
     */
    @Test
    public void shellDefectsAndRegionSafeLinks() throws Exception {
        String base = "http://localhost:" + port;
        String kh = postJson("/api/regions/" + REGION + "/intake", "intake", syntheticReport("web-shell-1", "fragile-family",
                "fengshan", "north", "SYN-HH-SHELL-1")).path("caseNumber").asText();

        driver.get(base + "/");
        waitFor("#login-form");
        // The login screen shows neither the region picker nor the log-out button.
        assertFalse(driver.findElement(By.id("region-box")).isDisplayed());
        assertFalse(driver.findElement(By.id("logout")).isDisplayed());
        assertEquals("登入 – Safenest", driver.getTitle());
        click("#lang");
        wait.until(ExpectedConditions.titleIs("Log in – Safenest"));
        click("#lang");
        wait.until(ExpectedConditions.titleIs("登入 – Safenest"));

        // A multi-region user (admin may use every region) with Hong Kong in view opens a link to a Kaohsiung case.
        login("admin", "admin");
        waitFor("#nav a[href='#/intake']");
        new Select(driver.findElement(By.id("region"))).selectByValue("hong-kong");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "香港"));
        assertTrue(driver.findElement(By.id("logout")).isDisplayed());
        // The tab's title names the page and the region, in the user's language.
        wait.until(ExpectedConditions.titleIs("受理窗口 – 香港 – Safenest"));
        // The intake form offers the case types of the region in view.
        driver.get(base + "/#/intake/new");
        waitFor("#in-caseType");
        assertEquals(caseTypes("hong-kong"), options("#in-caseType"));
        // The referral board speaks of Hong Kong's services there, of Kaohsiung's in Kaohsiung.
        driver.get(base + "/#/referral");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#page-referral .hint"), "綜合家庭服務中心"));
        assertFalse(driver.findElement(By.cssSelector("#page-referral .hint")).getText().contains("家防中心"));
        driver.get(base + "/#/intake/case/" + kh + "?region=" + REGION);
        waitFor("#in-case-title[data-case='" + kh + "']");
        assertEquals(REGION, new Select(driver.findElement(By.id("region"))).getFirstSelectedOption().getAttribute("value"));
        wait.until(ExpectedConditions.titleIs("受理窗口 – 高雄市 – Safenest"));
        shot("region-link-case-zh");
        click("#lang");
        wait.until(ExpectedConditions.titleIs("Intake – Kaohsiung City – Safenest"));
        click("#lang");
        wait.until(ExpectedConditions.titleIs("受理窗口 – 高雄市 – Safenest"));
        // Links to cases carry their region.
        click("#in-tab-recent");
        waitFor("#in-list a[href='#/intake/case/" + kh + "?region=" + REGION + "']");
        // The form of the region in view: Kaohsiung's case types now.
        driver.get(base + "/#/intake/new");
        waitFor("#in-caseType");
        assertEquals(caseTypes(REGION), options("#in-caseType"));
        driver.get(base + "/#/referral");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#page-referral .hint"), "家防中心"));
        driver.get(base + "/#/intake");
        waitFor("#page-intake");

        // An unknown address says so and links to the first page.
        js("location.hash = '#/nowhere';");
        WebElement notFound = waitFor("#page-not-found h1");
        assertEquals("找不到頁面", notFound.getText());
        assertEquals("找不到頁面 – Safenest", driver.getTitle());
        shot("not-found-zh");
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#page-not-found h1"), "Page not found"));
        click("#lang");
        waitFor("#page-not-found h1");
        click("#page-not-found-home");
        waitFor("#page-intake");

        // Switching tabs keeps the page in view until the next one is drawn (never a blank "載入中…").
        click("#in-tab-queue");
        waitFor("#page-intake #in-queue");
        js("window.blanked = false; new MutationObserver(() => { if (!document.querySelector('#main > .page')) window.blanked = true; })"
                + ".observe(document.getElementById('main'), { childList: true });");
        click("#in-tab-recent");
        waitFor("#page-intake #in-recent #in-list");
        assertEquals(Boolean.FALSE, js("return window.blanked;"));
        click("#in-tab-overdue");
        waitFor("#page-intake #in-overdue");
        assertEquals(Boolean.FALSE, js("return window.blanked;"));

        // A list that cannot reach the server says so in a list's words, with a retry.
        js("window.realFetch = window.fetch; window.fetch = (url, options) => String(url).includes('/cases')"
                + " ? Promise.reject(new TypeError('offline')) : window.realFetch(url, options);");
        click("#in-tab-recent");
        WebElement listError = waitFor("#in-recent #in-list-error");
        assertTrue(listError.getText(), listError.getText().contains("無法連線到伺服器"));
        assertFalse(listError.getText(), listError.getText().contains("已填寫"));
        assertTrue(driver.findElement(By.id("in-list-error-retry")).isDisplayed());
        shot("list-unreachable-zh");
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-list-error"), "cannot be reached"));
        assertFalse(driver.findElement(By.id("in-list-error")).getText().contains("filled in"));
        click("#lang");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-list-error"), "無法連線到伺服器"));
        js("window.fetch = window.realFetch;");
        click("#in-list-error-retry");
        waitFor("#in-recent #in-list tr[data-case='" + kh + "']");
        assertTrue(driver.findElements(By.id("in-list-error")).isEmpty());

        // On a tablet (768 px) the status pills keep to one line, in both languages.
        driver.manage().window().setSize(new Dimension(768, 1024));
        for (int i = 0; i < 2; i++) {
            waitFor("#in-list .status");
            Object wrapped = js("return [...document.querySelectorAll('#in-list .status, #in-case-status')].filter(e =>"
                    + " e.getClientRects().length > 1 || e.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(e).lineHeight))"
                    + ".map(e => e.textContent);");
            assertEquals(List.of(), wrapped);
            fullShot("tablet-list-" + i);
            click("#lang");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), i == 0 ? "Intake" : "受理窗口"));
        }
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // The last region used comes back at the next login (not the first alphabetically).
        logOutAndLogIn("admin", "admin");
        waitFor("#nav a[href='#/intake']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), "高雄市"));
        assertEquals(REGION, new Select(driver.findElement(By.id("region"))).getFirstSelectedOption().getAttribute("value"));
    }

    /** Logs in at the start page as the intake window's staff and picks Kaohsiung: the report form is there. */
    private void openIntakeWindow(String base) {
        driver.get(base + "/");
        waitFor("#login-form");
        login("intake", "intake");
        waitFor("#nav a[href='#/intake']");
        new Select(driver.findElement(By.id("region"))).selectByValue(REGION);
        waitFor("#in-form");
    }
}
