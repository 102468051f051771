package org.safenest.core.internal.rest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

/**
 * {@code /api/session}: the web's login without keeping a password. {@code POST} with HTTP Basic credentials (sent
 * once, checked, throttled and audited like any API login) opens a server session and sets its cookie
 * ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} under HTTPS, path {@code /api}); the answer carries the
 * CSRF token the page sends with every state-changing call. {@code GET} tells the page who is logged in (and the
 * token again after a reload); {@code DELETE} is the logout: the session ends on the server.
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final WebSessions sessions;

    @Activate
    public SessionResource(@Reference WebSessions sessions) {
        this.sessions = sessions;
    }

    public record SessionInfo(String user, List<String> roles, Set<String> regions, String csrfToken, long idleMinutes) {
    }

    @POST
    @Roles(value = Roles.ANY_USER, note = "With HTTP Basic only.")
    @Answer(value = SessionInfo.class, description = "Sets the SAFENEST_SESSION cookie; the body holds the CSRF token.")
    public Response open(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (!SecurityContext.BASIC_AUTH.equals(security.getAuthenticationScheme())) {
            return ApiExceptionMapper.answer(new ApiError(400, "invalid-input", "Open a session with HTTP Basic credentials", List.of()));
        }
        WebSessions.Session s = sessions.create(caller);
        return Response.ok(info(s.caller(), s.csrfToken()))
                .header(HttpHeaders.SET_COOKIE, cookie(s.id(), security.isSecure(), false)).build();
    }

    @GET
    @Roles(Roles.ANY_USER)
    public SessionInfo current(@Context SecurityContext security, @Context HttpHeaders headers) {
        Caller caller = (Caller) security.getUserPrincipal();
        WebSessions.Session s = sessions.find(AuthenticationFilter.sessionId(headers.getCookies()));
        return info(caller, s != null && s.caller().name().equals(caller.name()) ? s.csrfToken() : null);
    }

    @DELETE
    @Roles(Roles.ANY_USER)
    @Answer(status = 204, description = "Ends the session and clears its cookie.")
    public Response close(@Context SecurityContext security, @Context HttpHeaders headers) {
        sessions.end(AuthenticationFilter.sessionId(headers.getCookies()));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", security.isSecure(), true)).build();
    }

    private SessionInfo info(Caller caller, String csrf) {
        List<String> roles = caller.roles().stream().map(Role::roleName).sorted().toList();
        return new SessionInfo(caller.name(), roles, new TreeSet<>(caller.regions()), csrf, sessions.idleMinutes());
    }

    static String cookie(String value, boolean secure, boolean expire) {
        return WebSessions.COOKIE + "=" + value + "; Path=/api; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (expire ? "; Max-Age=0" : "");
    }
}
