package org.safenest.allocation.internal.web;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The allocation page (隊伍分配) in the Safenest web shell: the installed strategies and the active one, plans run and
 * compared side by side (metrics, charts, a map of the units and teams), the units that change operator, adoption and
 * the report. The same service carries the HTTP whiteboard resource properties, so the bundle serves the page's files
 * ({@code src/main/resources/pages/allocation}) at {@code /pages/allocation/} while it is installed.
 */
@Component(service = WebPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/allocation/*",
        "osgi.http.whiteboard.resource.prefix=/pages/allocation"})
public class AllocationWebPage implements WebPage {

    @Override
    public String id() {
        return "allocation";
    }

    @Override
    public String titleZh() {
        return "隊伍分配";
    }

    @Override
    public String titleEn() {
        return "Team allocation";
    }

    @Override
    public String module() {
        return "/pages/allocation/allocation.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("supervisor", "analyst");
    }

    @Override
    public int order() {
        return 50;
    }
}
