package org.safenest.core.internal.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.security.auth.Subject;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.security.JaasLogin;
import org.safenest.core.internal.security.LoginThrottle;
import org.safenest.core.internal.health.HealthProbes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic login for every {@code /api} request against a JAAS realm (Karaf's {@code karaf} realm by
 * default, configured in {@code etc/org.safenest.core.cfg}), or, for the web, the session cookie of
 * {@link SessionResource} (state-changing calls with the session's CSRF token). Without valid credentials the request
 * ends here with 401; with them, the request's user principal is the {@link Caller}. Failed logins are throttled
 * ({@link LoginThrottle}: 429 with Retry-After) and marked for the audit with the user name tried and the address.
 *
 * <p>One exemption: the load-balancer probes, {@code GET} or {@code HEAD} of exactly {@code /api/health/live} and
 * {@code /api/health/ready} ({@link HealthProbes#isProbe}), pass without a login; they answer only UP or DOWN.
 * Any other path, a trailing slash or another method included, needs a login as before.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.safenest.core")
@Designate(ocd = CoreConfiguration.class)
@JaxrsExtension
@JaxrsName(AuthenticationFilter.NAME)
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String NAME = "safenest-authentication";
    /** The request property that holds the {@link Caller} once logged in. */
    public static final String CALLER = "org.safenest.caller";
    /** The header the web front end sends with its calls: a 401 to it carries no Basic challenge. */
    public static final String WEB_CLIENT_HEADER = "X-Safenest-Client";
    /** The request property that holds the user name of a refused login (never its password). */
    public static final String TRIED_USER = "org.safenest.login.user";
    /** The request property that holds the client address of a refused login. */
    public static final String CLIENT_ADDRESS = "org.safenest.login.address";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    private volatile String realm;
    private final LoginCache logins = new LoginCache(LoginCache.DEFAULT_TTL, 1000);
    private volatile long loginGeneration;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    @Context
    private HttpServletRequest servletRequest;
    private final LoginThrottle throttle;
    private final WebSessions sessions;

    @Activate
    public AuthenticationFilter(CoreConfiguration config, @Reference LoginThrottle throttle, @Reference WebSessions sessions) {
        this.throttle = throttle;
        this.sessions = sessions;
        modified(config);
    }

    @Modified
    void modified(CoreConfiguration config) {
        this.realm = config.jaas_realm();
        logins.clear();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (HealthProbes.isProbe(request.getMethod(), request.getUriInfo().getPath())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            String sessionId = sessionId(request.getCookies());
            if (sessionId != null) {
                sessionLogin(request, sessionId);
                return;
            }
        }
        String[] credentials = basicCredentials(header);
        if (credentials == null) {
            refuse(request, "Log in with HTTP Basic authentication", 0);
            return;
        }
        String user = credentials[0];
        String address = clientAddress(request);
        long wait = throttle.retryAfter(user, address);
        if (wait > 0) {
            request.setProperty(TRIED_USER, user);
            request.setProperty(CLIENT_ADDRESS, address);
            request.abortWith(Response.fromResponse(ApiExceptionMapper.answer(new ApiError(429, "too-many-attempts",
                    "Too many failed logins: try again in " + wait + " s", List.of())))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait)).build());
            return;
        }
        long generation = sessions.loginGeneration();
        if (generation != loginGeneration) {
            logins.clear(); // a user was changed or removed since: log in afresh
            loginGeneration = generation;
        }
        Caller caller = logins.caller(realm, user, credentials[1], this::login);
        if (caller == null) {
            wait = throttle.failed(user, address);
            request.setProperty(TRIED_USER, user);
            request.setProperty(CLIENT_ADDRESS, address);
            refuse(request, "Unknown user or wrong password", wait);
            return;
        }
        throttle.succeeded(user);
        loggedIn(request, caller, SecurityContext.BASIC_AUTH);
    }

    /** A browser's call with its session cookie: state-changing methods need the session's CSRF token too. */
    private void sessionLogin(ContainerRequestContext request, String sessionId) {
        WebSessions.Session session = sessions.find(sessionId);
        if (session == null) {
            request.abortWith(Response.fromResponse(ApiExceptionMapper.answer(new ApiError(401, "unauthorized",
                    "The session has ended; log in again", List.of())))
                    .header(HttpHeaders.SET_COOKIE, SessionResource.cookie("", isSecure(request), true)).build());
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !WebSessions.csrfMatches(session, request.getHeaderString(WebSessions.CSRF_HEADER))) {
            request.setProperty(CALLER, session.caller());
            request.abortWith(ApiExceptionMapper.answer(new ApiError(403, "forbidden",
                    "A state-changing call of a session needs its " + WebSessions.CSRF_HEADER + " header", List.of())));
            return;
        }
        loggedIn(request, session.caller(), "SESSION");
    }

    private static boolean isSecure(ContainerRequestContext request) {
        return request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    }

    private static void loggedIn(ContainerRequestContext request, Caller caller, String scheme) {
        request.setProperty(CALLER, caller);
        boolean secure = isSecure(request);
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return Role.fromRoleName(role).map(caller::has).orElse(false);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return scheme;
            }
        });
    }

    /** The session id of the request's session cookie, or null. */
    static String sessionId(Map<String, Cookie> cookies) {
        Cookie c = cookies == null ? null : cookies.get(WebSessions.COOKIE);
        return c == null || c.getValue() == null || c.getValue().isEmpty() ? null : c.getValue();
    }

    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private Caller login(String user, String password) {
        Subject subject = JaasLogin.login(realm, user, password);
        if (subject == null) {
            LOG.debug("Login refused");
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> regions = new TreeSet<>();
        for (RolePrincipal rp : subject.getPrincipals(RolePrincipal.class)) {
            String name = rp.getName();
            Role.fromRoleName(name).ifPresent(roles::add);
            if (name.startsWith(Caller.REGION_ROLE_PREFIX)) {
                regions.add(name.substring(Caller.REGION_ROLE_PREFIX.length()));
            }
        }
        return new Caller(user, roles, regions);
    }

    private static void refuse(ContainerRequestContext request, String message, long retryAfter) {
        Response.ResponseBuilder answer = Response.fromResponse(ApiExceptionMapper.answer(new ApiError(401, "unauthorized", message, List.of())));
        if (request.getHeaderString(WEB_CLIENT_HEADER) == null) {
            // not to the web front end: a browser would show its own login dialog over the page's
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Safenest\", charset=\"UTF-8\"");
        }
        if (retryAfter > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        request.abortWith(answer.build());
    }

    /**
     * The client's address as the HTTP connector saw it (a proxy's forwarding headers are not trusted): from the
     * servlet request JAX-RS injects, else from CXF's current message.
     */
    private String clientAddress(ContainerRequestContext request) {
        try {
            HttpServletRequest r = servletRequest;
            if (r != null && r.getRemoteAddr() != null) {
                return r.getRemoteAddr();
            }
        } catch (RuntimeException noRequestInThisThread) {
            // fall through to CXF's message
        }
        org.apache.cxf.message.Message message = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
        Object r = message == null ? null : message.get("HTTP.REQUEST");
        if (r instanceof HttpServletRequest http && http.getRemoteAddr() != null) {
            return http.getRemoteAddr();
        }
        return "unknown";
    }
}
