package org.safenest.core.internal.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.annotation.Priority;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.health.HealthProbes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic login for every {@code /api} request against a JAAS realm (Karaf's {@code karaf} realm by
 * default, configured in {@code etc/org.safenest.core.cfg}). Without valid credentials the request ends here
 * with 401; with them, the request's user principal is the {@link Caller}.
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
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    private volatile String realm;
    private final LoginCache logins = new LoginCache(LoginCache.DEFAULT_TTL, 1000);

    @Activate
    public AuthenticationFilter(CoreConfiguration config) {
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
        String[] credentials = basicCredentials(header);
        if (credentials == null) {
            refuse(request, "Log in with HTTP Basic authentication");
            return;
        }
        Caller caller = logins.caller(realm, credentials[0], credentials[1], this::login);
        if (caller == null) {
            refuse(request, "Unknown user or wrong password");
            return;
        }
        request.setProperty(CALLER, caller);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
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
                return SecurityContext.BASIC_AUTH;
            }
        });
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
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            // JAAS finds Karaf's login modules through the proxy module's class loader.
            thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback nc) {
                        nc.setName(user);
                    } else if (cb instanceof PasswordCallback pc) {
                        pc.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            context.login();
        } catch (LoginException e) {
            LOG.debug("Login refused");
            return null;
        } finally {
            thread.setContextClassLoader(previous);
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

    private static void refuse(ContainerRequestContext request, String message) {
        request.abortWith(Response.fromResponse(ApiExceptionMapper.answer(new ApiError(401, "unauthorized", message, List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Safenest\", charset=\"UTF-8\"").build());
    }
}
