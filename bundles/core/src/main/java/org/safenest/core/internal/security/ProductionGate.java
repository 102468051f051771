package org.safenest.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * In production mode, in front of every page and API call of every HTTP context: answers 503 with what is missing
 * until {@link SecurityMode} reports the platform set up; afterwards redirects plain HTTP to HTTPS (308, so a POST
 * stays a POST) and adds {@code Strict-Transport-Security} to HTTPS answers. In demo mode it lets everything pass.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=safenest-production-gate",
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)",
        "service.ranking:Integer=1000"})
public class ProductionGate implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecurityMode security;

    @Activate
    public ProductionGate(@Reference SecurityMode security) {
        this.security = security;
    }

    @Override
    public void init(javax.servlet.FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!security.production() || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        SecurityStatus status = security.status();
        if (!status.serving()) {
            refuse(request, response, status);
            return;
        }
        if (!request.isSecure()) {
            String query = request.getQueryString();
            response.setStatus(308);
            response.setHeader("Location", "https://" + host(request) + ":" + status.httpsPort() + request.getRequestURI()
                    + (query == null ? "" : "?" + query));
            response.setContentLength(0);
            return;
        }
        response.setHeader("Strict-Transport-Security", "max-age=" + security.hstsMaxAge() + "; includeSubDomains");
        chain.doFilter(req, res);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, SecurityStatus status) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        response.setHeader("Cache-Control", "no-store");
        String message = "Safenest runs in production mode and is not set up yet; it serves nothing until this is done: "
                + String.join("; ", status.blockers());
        byte[] body;
        String path = request.getRequestURI();
        if (path != null && path.startsWith("/api")) {
            ObjectNode n = JSON.createObjectNode();
            n.put("status", 503);
            n.put("error", "not-set-up");
            n.put("message", message);
            var todo = n.putArray("todo");
            status.blockers().forEach(todo::add);
            body = JSON.writeValueAsBytes(n);
            response.setContentType("application/json;charset=UTF-8");
        } else {
            StringBuilder b = new StringBuilder("Safenest 尚未完成正式環境設定，暫不提供服務。\n")
                    .append("Safenest runs in production mode and is not set up yet. To do at the server:\n");
            status.blockers().forEach(x -> b.append("  - ").append(x).append('\n'));
            body = b.toString().getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain;charset=UTF-8");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The host the client asked for, without its port (IPv6 literals keep their brackets). */
    static String host(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host;
    }
}
