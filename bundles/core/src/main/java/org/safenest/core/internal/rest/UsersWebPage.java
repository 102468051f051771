package org.safenest.core.internal.rest;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The administrators' users page in the web shell (使用者 / Users): the built-in user store's accounts with their
 * roles and region roles, through {@code /api/users}. Core serves the administration pages' files
 * ({@code src/main/resources/pages/admin}: users, audit log, capabilities) at {@code /pages/admin/}.
 */
@Component(service = WebPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/admin/*",
        "osgi.http.whiteboard.resource.prefix=/pages/admin"})
public class UsersWebPage implements WebPage {

    @Override
    public String id() {
        return "users";
    }

    @Override
    public String titleZh() {
        return "使用者";
    }

    @Override
    public String titleEn() {
        return "Users";
    }

    @Override
    public String module() {
        return "/pages/admin/users.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("admin");
    }

    @Override
    public int order() {
        return 91;
    }
}
