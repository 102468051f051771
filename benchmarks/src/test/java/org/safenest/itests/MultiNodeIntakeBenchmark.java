package org.safenest.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.safenest.benchmarks.Loops;
import org.safenest.benchmarks.Loops.Operation;
import org.safenest.benchmarks.Loops.Run;
import org.safenest.benchmarks.SameRows;

/**
 * Intake over HTTP on PostgreSQL with one node and with two nodes (two distributions, as an operator runs them, on
 * one database), beside the ceiling for the same work: the rows one report writes, in one JDBC transaction, into
 * the same database (see {@link SameRows}). Everything shares one machine: the database, both nodes and the
 * clients. Skipped on Derby (several nodes need PostgreSQL). In the {@code org.safenest.itests} package for the
 * process-level {@link Distribution}. Synthetic reports only.
 */
public class MultiNodeIntakeBenchmark {

    @Test
    public void intakeOnOneAndTwoNodes() throws Exception {
        assumeTrue("several nodes share a PostgreSQL database; run with -Dsafenest.test.database=postgresql",
                TestDatabase.postgresql());
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int clients = Integer.getInteger("benchmark.clients", 8);
        int warmup = Integer.getInteger("benchmark.warmup", 60);
        Map<String, String> database = TestDatabase.datasourceFor("bench-nodes");
        String[] lines = database.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toArray(String[]::new);
        String auth = "Basic " + Base64.getEncoder().encodeToString("intake:intake".getBytes(StandardCharsets.UTF_8));
        String run = Long.toString(System.currentTimeMillis(), 36);

        try (Distribution a = new Distribution("bench-node-a", lines); Distribution b = new Distribution("bench-node-b", lines)) {
            a.start();
            new Api(a.port).awaitUp(2, Duration.ofSeconds(300));
            b.start();
            new Api(b.port).awaitUp(2, Duration.ofSeconds(300));

            // one connection per client, made once: the ceiling pays no pool and no connect
            Connection[] connections = new Connection[clients];
            for (int i = 0; i < clients; i++) {
                connections[i] = DriverManager.getConnection(database.get("url"), database.get("user"), database.get("password"));
            }
            try {
                Operation oneNode = (client, n) -> Loops.post(a.port, auth, "/api/regions/kaohsiung/intake",
                        Loops.reportJson("n1" + run + "-" + client + "-" + n)) == 201;
                Operation twoNodes = (client, n) -> Loops.post(client % 2 == 0 ? a.port : b.port, auth,
                        "/api/regions/kaohsiung/intake", Loops.reportJson("n2" + run + "-" + client + "-" + n)) == 201;

                System.out.printf(Locale.ROOT, "warming up: %d s of intake over HTTP on both nodes%n", warmup);
                Map<String, Long> before = SameRows.counts(connections[0]);
                Loops.loop("warm-up two nodes", clients, warmup, (client, n) -> Loops.post(client % 2 == 0 ? a.port : b.port,
                        auth, "/api/regions/kaohsiung/intake", Loops.reportJson("w" + run + "-" + client + "-" + n)) == 201);
                Map<String, Long> after = SameRows.counts(connections[0]);
                SameRows same = SameRows.of(connections[0], before, after, after.get("SN_REPORT") - before.get("SN_REPORT"));
                System.out.println("rows one report writes (counted over the warm-up): " + same.describe());
                Operation ceiling = (client, n) -> same.write(connections[client]);
                Loops.loop("warm-up same rows", clients, 5, ceiling);

                Run sameRows = Loops.loop("same rows as one report, one tx (ceiling)", clients, seconds, ceiling).printed();
                Run one = Loops.loop("intake over HTTP, one node", clients, seconds, oneNode).printed();
                Run two = Loops.loop("intake over HTTP, two nodes", clients, seconds, twoNodes).printed();
                same.remove(connections[0]);

                List<String> out = new ArrayList<>();
                out.add(String.format(Locale.ROOT, "Intake on PostgreSQL with one and two nodes, %d clients, %d s per loop after %d s of"
                        + " warm-up, %s, %d cores shared by the database, the nodes and the clients", clients, seconds, warmup,
                        Instant.now(), Runtime.getRuntime().availableProcessors()));
                for (Run r : List.of(sameRows, one, two)) {
                    out.add(r.line() + String.format(Locale.ROOT, "   %.3f of the ceiling", r.perSecond() / sameRows.perSecond()));
                }
                out.add("  (rows per report, counted: " + same.describe() + ")");
                out.add(String.format(Locale.ROOT, "two nodes / one node: %.2f", two.perSecond() / one.perSecond()));
                out.forEach(System.out::println);
                Path dir = Path.of(System.getProperty("benchmark.output", "target/benchmark-results"));
                Files.createDirectories(dir);
                Files.write(dir.resolve("intake-nodes-postgresql.txt"), out);
                for (Run r : List.of(sameRows, one, two)) {
                    assertTrue(r.name() + " did nothing: " + r.errors() + " errors", r.operations() > 0);
                }
            } finally {
                for (Connection c : connections) {
                    if (c != null) {
                        try {
                            c.close();
                        } catch (SQLException ignored) {
                            // closing
                        }
                    }
                }
            }
        }
    }
}
