package org.safenest.core.internal.rest;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The administrators' regions page in the web shell (地區資料 / Regions): the regions with their counts, and a region's
 * files uploaded as one zip, checked first (dry run: every problem by file and line) and then stored, through
 * {@code POST /api/regions} and {@code PUT /api/regions/{code}}; a region removed with {@code DELETE}. Core serves the
 * page's files ({@code src/main/resources/pages/regions}) at {@code /pages/regions/}.
 */
@Component(service = WebPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/regions/*",
        "osgi.http.whiteboard.resource.prefix=/pages/regions"})
public class RegionsWebPage implements WebPage {

    @Override
    public String id() {
        return "regions";
    }

    @Override
    public String titleZh() {
        return "地區資料";
    }

    @Override
    public String titleEn() {
        return "Regions";
    }

    @Override
    public String module() {
        return "/pages/regions/regions.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("admin");
    }

    @Override
    public int order() {
        return 90;
    }
}
