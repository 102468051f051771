package org.safenest.webtests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 17: a decision's follow-up and the reminders in the referral board's page, and "Try again" on the pages' lists.
 * On the demo data (console {@code safenest:demo-cases}) the chair decides a proposal that moves a case; the page
 * says the decision is still to be carried out and its reminder shows (due today, with the decision's outcome); the
 * social worker records what was done, in English, after the field errors of an empty note and of a note with a phone
 * number; the reminder goes and past meetings show the note. Then lists that cannot reach the server (the browser's
 * fetch fails for their address, as when the network drops) show a message in a list's words with "Try again", in
 * both languages, and Try again loads just that list once the server can be reached again: the reminders, the
 * statistics' reports and the regions.
 */
public class ReferralFollowUpBrowserIT extends AbstractBrowserIT {

    @Test
    public void theChairDecidesTheReminderShowsTheWorkerRecordsTheFollowUpAndListsRetry() throws Exception {
        String base = "http://localhost:" + port;
        JsonNode meeting = loadDemoMeeting();
        String id = null;
        String waiting = null;
        for (JsonNode p : meeting.path("agenda")) {
            String number = p.path("proposal").path("reportNumber").asText();
            if (number.equals("DEMO-RB-001")) {
                id = p.path("id").asText();
            } else if (number.startsWith("DEMO-RB-")) {
                waiting = p.path("id").asText();
            }
        }
        assertNotNull(meeting.toString(), id);
        assertNotNull(meeting.toString(), waiting);

        // The chair decides, in Chinese: child protection takes the case it was proposed to take, so it moves.
        chairDecides(id, "CP_TAKES", "示範資料：聯訪後由兒保開案。");
        WebElement pending = waitFor("#rb-decided-follow-up");
        assertTrue(pending.getText(), pending.getText().contains("尚待執行"));
        JsonNode stored = getJson("/api/regions/" + REGION + "/referrals/" + id, "chair", "chair");
        assertEquals("PENDING", stored.path("decision").path("followUp").asText());
        shot("follow-up-01-decided-zh");

        // The reminder of its follow-up: due today, with the outcome in words; nothing overdue comes after it.
        click("#rb-decided-reminders");
        String reminderCss = "#reminder-DECISION_NOT_CARRIED_OUT-" + id;
        WebElement reminder = waitFor(reminderCss);
        assertTrue(driver.findElement(By.id("rb-tab-reminders")).getAttribute("aria-current") != null);
        assertTrue(reminder.getText(), reminder.getText().contains(id + " 的決議尚未執行"));
        assertTrue(reminder.getText(), reminder.getText().contains("由兒保社工開案"));
        assertTrue(reminder.getText(), reminder.getText().contains("今日到期"));
        assertEquals("today", reminder.getAttribute("data-state"));
        waitFor("#reminder-PROPOSAL_WAITING-" + waiting);
        assertOverdueFirst();
        assertFalse(reminder.getText(), reminder.getText().contains("not carried out"));
        fullShot("follow-up-02-reminders-zh");
        assertFitsWidth(768);
        fullShot("follow-up-03-reminders-zh-tablet");
        driver.manage().window().setSize(new Dimension(1366, 1000));

        // The social worker responsible records the follow-up, in English.
        click("#logout");
        waitFor("#login-form");
        click("#lang");
        waitFor("#login-form");
        login("worker", "worker");
        waitFor("#nav a[href='#/referral']");
        driver.get(base + "/#/referral/reminders?region=" + REGION);
        reminder = waitFor(reminderCss);
        assertTrue(reminder.getText(), reminder.getText().contains("The decision on " + id + " is not carried out yet"));
        assertTrue(reminder.getText(), reminder.getText().contains("Child protection takes the case"));
        assertTrue(reminder.getText(), reminder.getText().contains("Due today"));
        assertEquals("What was done", driver.findElement(By.cssSelector("label[for='rb-note-" + id + "']")).getText());

        // Nothing written: the error beside the field, which gets the focus.
        click("#rb-follow-up-submit-" + id);
        WebElement noteError = waitFor("#rb-note-" + id + "-error");
        assertTrue(noteError.getText(), noteError.getText().contains("required"));
        assertEquals("rb-note-" + id, driver.switchTo().activeElement().getAttribute("id"));
        assertEquals("true", driver.findElement(By.id("rb-note-" + id)).getAttribute("aria-invalid"));
        // A phone number: refused beside the field, without repeating the number.
        WebElement note = driver.findElement(By.id("rb-note-" + id));
        note.sendKeys("Called the mother on 0912-345-678.");
        click("#rb-follow-up-submit-" + id);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rb-note-" + id + "-error"), "phone number"));
        assertFalse(driver.findElement(By.id("rb-note-" + id + "-error")).getText().contains("0912"));
        shot("follow-up-04-note-refused-en");
        assertTrue(driver.findElement(By.cssSelector(reminderCss)).isDisplayed());

        // What was done, by keyboard: the button follows the field.
        String done = "Synthetic demo: the protection-centre station opened the case; handover meeting held.";
        note = driver.findElement(By.id("rb-note-" + id));
        note.clear();
        note.sendKeys(done);
        note.sendKeys(Keys.TAB);
        assertEquals("rb-follow-up-submit-" + id, driver.switchTo().activeElement().getAttribute("id"));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement followedUp = waitFor("#rb-followed-up");
        assertEquals(id, followedUp.getAttribute("data-id"));
        assertTrue(followedUp.getText(), followedUp.getText().contains("its reminder is gone"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(reminderCss)));
        assertTrue(driver.findElements(By.cssSelector(reminderCss)).isEmpty());
        waitFor("#reminder-PROPOSAL_WAITING-" + waiting);
        shot("follow-up-05-recorded-en");
        stored = getJson("/api/regions/" + REGION + "/referrals/" + id, "worker", "worker");
        assertEquals("DONE", stored.path("decision").path("followUp").asText());
        assertEquals(done, stored.path("decision").path("followUpNote").asText());
        JsonNode reminders = getJson("/api/regions/" + REGION + "/referral-reminders", "worker", "worker");
        for (JsonNode r : reminders) {
            assertFalse(reminders.toString(), id.equals(r.path("proposalId").asText()) && "DECISION_NOT_CARRIED_OUT".equals(r.path("kind").asText()));
        }

        // Past meetings show what was done.
        click("#rb-tab-meetings");
        WebElement shown = waitFor("#proposal-" + id + " .rb-follow-up-note");
        assertEquals(done, shown.getText());
        assertTrue(driver.findElement(By.cssSelector("#proposal-" + id + " .decision")).getText().contains("Carried out"));

        // The reminders cannot reach the server (English first): a list's words and "Try again".
        failFetch("/referral-reminders");
        click("#rb-tab-reminders");
        assertListFails("rb-reminders-error");
        assertFalse(driver.findElement(By.id("rb-reminders-error")).getText().contains("still here"));
        // just the list goes: the page around it is the one drawn before Try again
        js("window.keptIntro = document.getElementById('rb-reminders-message');");
        restoreFetch();
        click("#rb-reminders-error-retry");
        waitFor("#reminder-PROPOSAL_WAITING-" + waiting);
        assertTrue(driver.findElements(By.id("rb-reminders-error")).isEmpty());
        assertEquals(Boolean.TRUE, js("return window.keptIntro === document.getElementById('rb-reminders-message')"
                + " && document.contains(window.keptIntro);"));
        assertTrue(((Number) js("return window.failedFetches;")).intValue() >= 1);

        // The statistics' list of reports and the regions' list, as the administrator.
        logOutAndLogIn("admin", "admin");
        waitFor("#nav a[href='#/statistics']");
        driver.get(base + "/#/statistics?region=" + REGION);
        waitFor("#st-report");
        failFetch("/statistics");
        click("#lang"); // draws the page again, in Chinese, without the list
        assertListFails("st-list-error");
        restoreFetch();
        click("#st-list-error-retry");
        waitFor("#st-report option[value='intake-volume']");
        assertTrue(driver.findElements(By.id("st-list-error")).isEmpty());

        driver.get(base + "/#/regions");
        waitFor("#rg-regions tbody tr");
        failFetch("/api/regions");
        click("#lang");
        assertListFails("rg-list-error");
        // the upload beside the list still works: its controls are there
        assertTrue(driver.findElement(By.id("rg-file")).isDisplayed());
        restoreFetch();
        click("#rg-list-error-retry");
        WebElement region = waitFor("#rg-regions tbody tr");
        assertTrue(region.getText(), !region.getText().isBlank());
        assertTrue(driver.findElements(By.id("rg-list-error")).isEmpty());
        shot("follow-up-08-regions-retried");
    }

    /** Every overdue reminder comes before every one due today, and those before the ones not due yet. */
    private void assertOverdueFirst() {
        List<String> states = driver.findElements(By.cssSelector("#rb-reminders-list .rb-reminder")).stream()
                .map(e -> e.getAttribute("data-state")).toList();
        List<String> order = List.of("overdue", "today", "coming");
        for (int i = 1; i < states.size(); i++) {
            assertTrue(states.toString(), order.indexOf(states.get(i - 1)) <= order.indexOf(states.get(i)));
        }
        // the page's order for reminders of other days (the demo has only today's): overdue, today (server order), coming
        Object sorted = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/pages/referral/referral.js').then((m) => done(m.byUrgency([{ kind: 'A', due: '2026-01-03' },"
                + " { kind: 'B', due: '2026-01-01' }, { kind: 'C', due: '2026-01-02' }, { kind: 'D', due: '2026-01-02' }],"
                + " '2026-01-02').map((r) => r.kind).join(',')), (e) => done(String(e)));");
        assertEquals("B,C,D,A", sorted);
    }

    /** The page at a tablet's width: nothing wider than the window (no sideways scrolling). */
    private void assertFitsWidth(int width) {
        driver.manage().window().setSize(new Dimension(width, 1024));
        wait.until(d -> ((Number) js("return window.innerWidth;")).intValue() <= width);
        Object wide = js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue("wider by " + wide, ((Number) wide).intValue() <= 0);
    }

    /** From now on, the browser cannot reach the server for addresses ending in {@code path} (as when offline). */
    private void failFetch(String path) {
        js("window.failedFetches = 0; window.realFetch = window.realFetch || window.fetch;"
                + " window.fetch = (url, options) => { const u = String(url).split('?')[0];"
                + " if (u.endsWith('" + path + "')) { window.failedFetches++; return Promise.reject(new TypeError('offline')); }"
                + " return window.realFetch(url, options); };");
    }

    private void restoreFetch() {
        js("window.fetch = window.realFetch;");
    }

    /**
     * The list's failure in the language shown, then in the other one (the page is drawn again, the failure stays),
     * then back: the message of a list (not a form's "your entries are kept") and a "Try again" button.
     */
    private void assertListFails(String id) throws Exception {
        for (int i = 0; i < 2; i++) {
            boolean english = "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id),
                    english ? "The server cannot be reached" : "無法連線到伺服器"));
            String text = driver.findElement(By.id(id)).getText();
            assertFalse(text, text.contains(english ? "filled in" : "已填寫"));
            WebElement retry = waitFor("#" + id + "-retry");
            assertEquals(english ? "Try again" : "重試", retry.getText());
            shot("follow-up-retry-" + id + (english ? "-en" : "-zh"));
            click("#lang");
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", english ? "zh-Hant" : "en"));
        }
    }
}
