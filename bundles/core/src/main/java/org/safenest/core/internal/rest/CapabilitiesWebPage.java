package org.safenest.core.internal.rest;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The administrators' capabilities page in the web shell (功能模組 / Capabilities): the Safenest features installed
 * and available, installed and removed with a confirmation and their progress, through {@code /api/capabilities}. Its
 * files are served with the other administration pages ({@link UsersWebPage}).
 */
@Component(service = WebPage.class)
public class CapabilitiesWebPage implements WebPage {

    @Override
    public String id() {
        return "capabilities";
    }

    @Override
    public String titleZh() {
        return "功能模組";
    }

    @Override
    public String titleEn() {
        return "Capabilities";
    }

    @Override
    public String module() {
        return "/pages/admin/capabilities.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("admin");
    }

    @Override
    public int order() {
        return 93;
    }
}
