package org.safenest.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.api.web.WebPage;

/**
 * {@code GET /api/web/pages}: who is logged in and the pages contributed by the installed bundles that this user may
 * see. The web shell calls it after login and builds its navigation from it.
 */
@Component(service = ApiResource.class)
@Path("web")
@Produces(MediaType.APPLICATION_JSON)
public class WebPagesResource implements ApiResource {

    /** One page as the shell sees it. */
    public record PageInfo(String id, String titleZh, String titleEn, String module, List<String> roles, int order) {
    }

    /** The answer: the user, the user's roles and region limits, and the pages. */
    public record Pages(String user, List<String> roles, List<String> regions, List<PageInfo> pages) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<WebPage> pages = List.of();

    @GET
    @Path("pages")
    @Roles(Roles.ANY_USER)
    public Pages pages(@Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        return forCaller(caller, pages);
    }

    static Pages forCaller(Caller caller, List<WebPage> all) {
        List<PageInfo> visible = all.stream().filter(p -> visible(caller, p))
                .sorted(Comparator.comparingInt(WebPage::order).thenComparing(WebPage::id))
                .map(p -> new PageInfo(p.id(), p.titleZh(), p.titleEn(), p.module(),
                        List.copyOf(new TreeSet<>(p.roles())), p.order()))
                .toList();
        List<String> roles = caller.roles().stream().map(Role::roleName).sorted().toList();
        return new Pages(caller.name(), roles, List.copyOf(new TreeSet<>(caller.regions())), visible);
    }

    static boolean visible(Caller caller, WebPage page) {
        Set<String> needed = page.roles();
        if (needed == null || needed.isEmpty() || caller.has(Role.ADMIN)) {
            return true;
        }
        return caller.roles().stream().map(Role::roleName).anyMatch(needed::contains);
    }
}
