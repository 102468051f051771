package org.safenest.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the Safenest REST API in tests. */
public final class Api {

    public record Answer(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {

        /** A header of the answer, or null. */
        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String base;

    public Api(int port) {
        this("http://localhost:" + port, null);
    }

    /** A client of {@code base} (such as {@code https://localhost:8443}) trusting what {@code tls} trusts (null: the JDK's defaults). */
    public Api(String base, javax.net.ssl.SSLContext tls) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.client = b.build();
    }

    public Answer get(String path, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        return send(b, user, password);
    }

    public Answer post(String path, String json, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(b, user, password);
    }

    public Answer put(String path, String json, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        return send(b, user, password);
    }

    /** A request with a binary body (such as a zip archive) of {@code contentType}; {@code body} null for none. */
    public Answer send(String method, String path, byte[] body, String contentType, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, user, password);
    }

    /** Any request with the given headers (no login of its own); {@code json} null for none. */
    public Answer request(String method, String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return send(b, null, null);
    }

    private Answer send(HttpRequest.Builder b, String user, String password) {
        if (user != null) {
            b.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = null;
            if (r.body() != null && !r.body().isBlank()) {
                try {
                    body = JSON.readTree(r.body());
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Answer(r.statusCode(), body, r.body(), r.headers());
        } catch (IOException e) {
            return new Answer(-1, null, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until /api/health answers UP with at least {@code regions} regions, or fails after the timeout. */
    public JsonNode awaitUp(int regions, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < end) {
            last = get("/api/health", "admin", "admin");
            if (last.status() == 200 && last.body() != null && "UP".equals(last.body().path("status").asText())
                    && last.body().path("regions").size() >= regions) {
                return last.body();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Safenest did not come up within " + timeout + "; last answer: "
                + (last == null ? "none" : last.status() + " " + last.raw()) + SafenestTestSupport.diagnosis());
    }
}
