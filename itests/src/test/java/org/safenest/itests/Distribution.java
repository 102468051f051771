package org.safenest.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution unpacked into a folder of {@code target/} and run as an operator runs it: {@code bin/start},
 * {@code bin/stop}, or a {@code kill -9} of its JVM. Free ports are chosen so that a running Safenest does not
 * disturb the tests. Output of the scripts goes to {@code target/NAME.log}.
 */
final class Distribution implements AutoCloseable {

    final Path home;
    final int port;
    /** The console's SSH port ({@code bin/client}). */
    final int sshPort;
    private final File log;

    Distribution(String name) throws Exception {
        this(name, TestDatabase.datasourceLines(name));
    }

    /** @param database the DataSource settings to append to the distribution's file (none: Derby as shipped) */
    Distribution(String name, String[] database) throws Exception {
        Path target = Path.of("target", name);
        deleteTree(target);
        Files.createDirectories(target);
        log = new File("target/" + name + ".log");
        run(target, "tar", "xzf", SafenestTestSupport.distribution().getAbsolutePath());
        try (Stream<Path> s = Files.list(target)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow().toAbsolutePath();
        }
        port = SafenestTestSupport.freePort();
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + port);
        sshPort = SafenestTestSupport.freePort();
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + sshPort);
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + SafenestTestSupport.freePort(),
                "rmiServerPort = " + SafenestTestSupport.freePort());
        if (database.length > 0) {
            append("etc/org.ops4j.datasource-safenest.cfg", database);
        }
    }

    void start() throws Exception {
        run(home, "bin/start");
    }

    /** {@code bin/stop}, then waits for the JVM to end (and ends it after 60 s). */
    void stop() throws Exception {
        Long pid = pid();
        run(home, "bin/stop");
        awaitExit(pid, 60);
    }

    /** Ends the JVM at once, as a power cut or the OOM killer would: {@code kill -9}. */
    void kill() throws Exception {
        Long pid = pid();
        if (pid == null) {
            throw new AssertionError("no karaf.pid: the distribution is not running");
        }
        run(home, "kill", "-9", Long.toString(pid));
        awaitExit(pid, 30);
    }

    /**
     * A console command as an operator gives it over SSH: {@code bin/client -a PORT -u admin -p admin COMMAND}
     * (the demo administrator); answers what the console printed.
     */
    String console(String command) throws Exception {
        Process p = new ProcessBuilder(List.of("bin/client", "-a", Integer.toString(sshPort), "-h", "127.0.0.1", "-u", "admin",
                "-p", "admin", "-r", "10", command)).directory(home.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        assertEquals(command + " failed: " + out, 0, p.exitValue());
        return out;
    }

    private Long pid() throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
        return pid.isEmpty() ? null : Long.parseLong(pid);
    }

    private static void awaitExit(Long pid, int seconds) throws Exception {
        ProcessHandle process = pid == null ? null : ProcessHandle.of(pid).orElse(null);
        if (process == null) {
            return;
        }
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    void append(String file, String... lines) throws IOException {
        Path p = home.resolve(file);
        Files.writeString(p, "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Sets {@code key = value} in a {@code .cfg} file of the distribution, replacing the line that sets it. */
    void set(String file, String key, String value) throws IOException {
        Path p = home.resolve(file);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
        lines.removeIf(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
        lines.add(key + " = " + value);
        // written whole and then moved, so that Karaf's file watcher never reads half a file
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void run(Path dir, String... command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        b.environment().put(TestJvm.ENVIRONMENT, TestJvm.options());
        Process p = b.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        assertEquals(String.join(" ", command) + " failed; see " + log, 0, p.exitValue());
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (Exception | AssertionError e) {
            Long pid = pid();
            if (pid != null) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
