package org.safenest.core.internal.rest;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The administrators' audit log page in the web shell (稽核紀錄 / Audit log): the records filtered and paged, and their
 * CSV export, through {@code /api/audit}. Its files are served with the other administration pages
 * ({@link UsersWebPage}).
 */
@Component(service = WebPage.class)
public class AuditWebPage implements WebPage {

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public String titleZh() {
        return "稽核紀錄";
    }

    @Override
    public String titleEn() {
        return "Audit log";
    }

    @Override
    public String module() {
        return "/pages/admin/audit.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("admin");
    }

    @Override
    public int order() {
        return 92;
    }
}
