package org.safenest.reporting.internal.web;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The statistics dashboard (統計報表) in the Safenest web shell: the installed reports with charts, a period picker
 * and downloads. The same service carries the HTTP whiteboard resource properties, so the bundle serves the page's
 * files ({@code src/main/resources/pages/statistics}, with Chart.js under {@code lib/}) at {@code /pages/statistics/}.
 */
@Component(service = WebPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/statistics/*",
        "osgi.http.whiteboard.resource.prefix=/pages/statistics"})
public class StatisticsWebPage implements WebPage {

    @Override
    public String id() {
        return "statistics";
    }

    @Override
    public String titleZh() {
        return "統計報表";
    }

    @Override
    public String titleEn() {
        return "Statistics";
    }

    @Override
    public String module() {
        return "/pages/statistics/statistics.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("analyst", "supervisor");
    }

    @Override
    public int order() {
        return 40;
    }
}
