package org.safenest.referral.internal.web;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.safenest.api.web.WebPage;

/**
 * The referral board's page in the Safenest web shell (轉介溝通平台): next meeting's agenda, the proposal form, the
 * chair's decision form and past meetings. The same service carries the HTTP whiteboard resource properties, so the
 * bundle serves its page's files ({@code src/main/resources/pages/referral}) at {@code /pages/referral/} while it is
 * installed.
 */
@Component(service = WebPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/referral/*",
        "osgi.http.whiteboard.resource.prefix=/pages/referral"})
public class ReferralWebPage implements WebPage {

    @Override
    public String id() {
        return "referral";
    }

    @Override
    public String titleZh() {
        return "轉介溝通平台";
    }

    @Override
    public String titleEn() {
        return "Referral board";
    }

    @Override
    public String module() {
        return "/pages/referral/referral.js";
    }

    @Override
    public Set<String> roles() {
        return Set.of("social-worker", "supervisor", "board-chair");
    }

    @Override
    public int order() {
        return 20;
    }
}
