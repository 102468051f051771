package org.safenest.api.web;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the Safenest web shell, contributed by a capability bundle as an OSGi service. The shell lists the
 * pages the logged-in user may see ({@code GET /api/web/pages}) and loads each page's JavaScript module, which the
 * contributing bundle serves itself with the HTTP whiteboard (for example under {@code /pages/referral/}).
 *
 * <p>The module's default export is an object with {@code render(container, context)}; see the web bundle's
 * README for the context the shell passes.
 */
@ConsumerType
public interface WebPage {

    /** A short stable identifier, used in the page's address ({@code #/referral}): lower-case letters, digits, '-'. */
    String id();

    /** The title in Traditional Chinese (shown in the navigation). */
    String titleZh();

    /** The title in English. */
    String titleEn();

    /** The absolute URL path of the page's JavaScript module, for example {@code /pages/referral/referral.js}. */
    String module();

    /**
     * The role names ({@code social-worker}, {@code board-chair}, ...) of which the user needs one to see the page;
     * empty for every logged-in user. {@code admin} sees every page.
     */
    Set<String> roles();

    /** Where the page comes in the navigation: lower first. */
    default int order() {
        return 100;
    }
}
