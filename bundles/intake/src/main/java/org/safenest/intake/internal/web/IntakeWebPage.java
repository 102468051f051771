package org.safenest.intake.internal.web;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The intake window's page in the Safenest web shell (受理窗口): the report form with its receipt, the manual dispatch
 * queue, overdue follow-ups, recent cases and the case view with its actions. The same service carries the HTTP
 * whiteboard resource properties, so the bundle serves the page's files ({@code src/main/resources/pages/intake}) at
 * {@code /pages/intake/} while it is installed. First in the navigation: reports come in before anything else
 * happens to a case.
 */
@Component(service = WebPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/intake/*",
        "osgi.http.whiteboard.resource.prefix=/pages/intake"})
public class IntakeWebPage implements WebPage {

    @Override
    public String id() {
        return "intake";
    }

    @Override
    public String titleZh() {
        return "受理窗口";
    }

    @Override
    public String titleEn() {
        return "Intake";
    }

    @Override
    public String module() {
        return "/pages/intake/intake.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("intake", "dispatcher", "social-worker", "supervisor", "board-chair");
    }

    @Override
    public int order() {
        return 10;
    }
}
