package org.safenest.dispatch.internal.web;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The dispatch rules page in the Safenest web shell (分派規則): the region's rule-set versions and their rules, a draft
 * checked and replayed on a past period's reports (the impact preview), then published with an effective date. The
 * bundle serves the page's files ({@code src/main/resources/pages/rules}) at {@code /pages/rules/} while it is installed.
 */
@Component(service = WebPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/rules/*",
        "osgi.http.whiteboard.resource.prefix=/pages/rules"})
public class RuleSetsWebPage implements WebPage {

    @Override
    public String id() {
        return "rules";
    }

    @Override
    public String titleZh() {
        return "分派規則";
    }

    @Override
    public String titleEn() {
        return "Dispatch rules";
    }

    @Override
    public String module() {
        return "/pages/rules/rules.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("dispatcher", "supervisor");
    }

    @Override
    public int order() {
        return 30;
    }
}
