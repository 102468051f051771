package org.safenest.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.api.web.WebPage;

class WebPagesResourceTest {

    record Page(String id, String titleZh, String titleEn, String module, Set<String> roles, int order) implements WebPage {
    }

    private static final List<WebPage> PAGES = List.of(
            new Page("reports", "統計", "Reports", "/pages/reports/reports.js", Set.of("analyst"), 50),
            new Page("referral", "轉介溝通平台", "Referral board", "/pages/referral/referral.js",
                    Set.of("social-worker", "supervisor", "board-chair"), 10),
            new Page("about", "關於", "About", "/pages/about/about.js", Set.of(), 100));

    @Test
    void aUserSeesThePagesOfItsRolesInOrder() {
        Caller chair = new Caller("chair", Set.of(Role.BOARD_CHAIR), Set.of("kaohsiung"));
        WebPagesResource.Pages p = WebPagesResource.forCaller(chair, PAGES);
        assertEquals(List.of("referral", "about"), p.pages().stream().map(WebPagesResource.PageInfo::id).toList());
        assertEquals(List.of("board-chair"), p.roles());
        assertEquals(List.of("kaohsiung"), p.regions());
        assertEquals("chair", p.user());
    }

    @Test
    void adminSeesEveryPage() {
        Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
        assertEquals(List.of("referral", "reports", "about"), WebPagesResource.forCaller(admin, PAGES).pages().stream()
                .map(WebPagesResource.PageInfo::id).toList());
    }

    @Test
    void noBundleNoPage() {
        Caller intake = new Caller("intake", Set.of(Role.INTAKE), Set.of());
        assertEquals(List.of(), WebPagesResource.forCaller(intake, List.of()).pages());
        assertEquals(List.of("about"), WebPagesResource.forCaller(intake, PAGES).pages().stream()
                .map(WebPagesResource.PageInfo::id).toList());
    }

    @Test
    void theServletServesOnlyFilesOfTheShell() {
        assertEquals("/web/index.html", WebAppServlet.resourcePath("/"));
        assertEquals("/web/index.html", WebAppServlet.resourcePath(null));
        assertEquals("/web/app.js", WebAppServlet.resourcePath("/app.js"));
        assertNull(WebAppServlet.resourcePath("/../META-INF/MANIFEST.MF"));
        assertNull(WebAppServlet.resourcePath("/dir/"));
        assertNull(WebAppServlet.resourcePath("/.hidden"));
        assertEquals("text/javascript;charset=UTF-8", WebAppServlet.contentType("/web/app.js"));
    }
}
