package org.safenest.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the distribution under test runs on: embedded Derby (its default, nothing to change) or PostgreSQL,
 * chosen by the system property {@code safenest.test.database} ({@code derby} or {@code postgresql}). For PostgreSQL
 * the tests start a throwaway cluster with {@code .ci/postgres} once per test JVM (and stop it when the JVM ends),
 * or use the server named by {@code safenest.test.postgresql.url} (for example {@code jdbc:postgresql://127.0.0.1:5432/},
 * user {@code safenest.test.postgresql.user}, default {@code postgres}); every distribution gets a database of its own.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String serverUrl;

    private TestDatabase() {
    }

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("safenest.test.database", "derby").trim().toLowerCase(Locale.ROOT));
    }

    /** A label for test output: which database the run uses. */
    public static String label() {
        return postgresql() ? "PostgreSQL" : "Derby";
    }

    /**
     * The entries of {@code etc/org.ops4j.datasource-safenest.cfg} that point a fresh distribution at a database of its
     * own, made now; empty for Derby (the shipped file is right as it is).
     */
    public static Map<String, String> datasourceFor(String name) {
        Map<String, String> cfg = new LinkedHashMap<>();
        if (!postgresql()) {
            return cfg;
        }
        String database = ("sn_" + name.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        String server = server();
        try (Connection c = DriverManager.getConnection(server + "postgres", user(), "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + " on " + server + ": " + e.getMessage(), e);
        }
        cfg.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        cfg.put("url", server + database);
        cfg.put("user", user());
        cfg.put("password", "");
        return cfg;
    }

    /** The same entries as lines of a configuration file. */
    public static String[] datasourceLines(String name) {
        return datasourceFor(name).entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toArray(String[]::new);
    }

    private static String user() {
        return System.getProperty("safenest.test.postgresql.user", "postgres");
    }

    /** The JDBC URL of the server without a database name, ending in {@code /}. */
    static synchronized String server() {
        if (serverUrl != null) {
            return serverUrl;
        }
        String given = System.getProperty("safenest.test.postgresql.url", "").trim();
        if (!given.isEmpty()) {
            serverUrl = given.endsWith("/") ? given : given + "/";
            return serverUrl;
        }
        Path repo = repositoryRoot();
        // a cluster per test JVM (failsafe runs two side by side), named by its process id
        Path folder = Path.of("target", "postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        String url = run(repo, repo.resolve(".ci/postgres").toString(), "start", folder.toString()).trim();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(repo, repo.resolve(".ci/postgres").toString(), "stop", folder.toString())));
        serverUrl = url;
        return serverUrl;
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(".ci/postgres"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException(".ci/postgres not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private static String run(Path dir, String... command) {
        try {
            File out = File.createTempFile("postgres", ".out");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            Files.deleteIfExists(out.toPath());
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
            }
            String[] lines = text.trim().split("\n");
            return lines[lines.length - 1];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
