package org.safenest.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Serves the web shell (the files under {@code /web} in this bundle) at the root of the default HTTP context:
 * {@code /} is {@code index.html}. The JAX-RS whiteboard's {@code /api/*} and the pages other bundles register
 * (such as {@code /pages/referral/*}) have longer patterns, so they win over this servlet's {@code /*}.
 * {@code index.html} carries the security mode ({@code data-mode} of its root element, from
 * {@code etc/org.safenest.security.cfg}), so that the login page can say "demo" before anyone logs in.
 */
@Component(service = Servlet.class, configurationPid = "org.safenest.security", property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=safenest-web"})
public class WebAppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ROOT = "/web";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "json", "application/json;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private static final String MODE_PLACEHOLDER = "data-mode=\"\"";
    private volatile String mode = "demo";

    @Activate
    @Modified
    void configure(Map<String, Object> config) {
        Object m = config.get("mode");
        String value = m == null ? "demo" : m.toString().trim().toLowerCase(Locale.ROOT);
        mode = value.equals("demo") ? "demo" : "production";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        String resource = resourcePath(request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo());
        URL url = resource == null ? null : getClass().getResource(resource);
        if (url == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(contentType(resource));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        response.setHeader("X-Frame-Options", "DENY");
        if (!body) {
            return;
        }
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            if (resource.endsWith("/index.html")) {
                String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.write(html.replace(MODE_PLACEHOLDER, "data-mode=\"" + mode + "\"").getBytes(StandardCharsets.UTF_8));
            } else {
                in.transferTo(out);
            }
        }
    }

    /** The class-path resource for a request path, or null when the path is not a file of the shell. */
    static String resourcePath(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return ROOT + "/index.html";
        }
        if (!path.startsWith("/") || path.contains("..") || path.contains("\\") || path.contains("//")
                || path.endsWith("/")) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith(".") || !name.contains(".")) {
            return null;
        }
        return ROOT + path;
    }

    static String contentType(String resource) {
        String ext = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
