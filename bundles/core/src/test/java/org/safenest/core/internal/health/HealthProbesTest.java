package org.safenest.core.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.junit.jupiter.api.Test;
import org.safenest.api.outbox.Outbox;

class HealthProbesTest {

    @Test
    void onlyGetAndHeadOfTheTwoExactPathsAreProbes() {
        assertTrue(HealthProbes.isProbe("GET", "health/live"));
        assertTrue(HealthProbes.isProbe("GET", "/health/ready"));
        assertTrue(HealthProbes.isProbe("HEAD", "health/ready"));
        for (String path : List.of("health", "health/", "health/ready/", "health/live/x", "health/checks", "health/ready;a=b",
                "health//ready", "regions/health/ready", "audit", "")) {
            assertFalse(HealthProbes.isProbe("GET", path), path);
        }
        assertFalse(HealthProbes.isProbe("POST", "health/ready"));
        assertFalse(HealthProbes.isProbe("DELETE", "health/live"));
        assertFalse(HealthProbes.isProbe("GET", null));
    }

    @Test
    void readyOnlyWhenReadinessChecksExistAndPass() {
        assertFalse(HealthProbes.ready(null), "no executor");
        assertFalse(HealthProbes.ready(executor(Map.of())), "no readiness check registered");
        assertTrue(HealthProbes.ready(executor(Map.of(HealthTags.READINESS, List.of(Result.Status.OK, Result.Status.WARN)))));
        for (Result.Status bad : List.of(Result.Status.TEMPORARILY_UNAVAILABLE, Result.Status.CRITICAL, Result.Status.HEALTH_CHECK_ERROR)) {
            assertFalse(HealthProbes.ready(executor(Map.of(HealthTags.READINESS, List.of(Result.Status.OK, bad)))), bad.name());
        }
    }

    @Test
    void liveUnlessALivenessCheckIsCritical() {
        assertTrue(HealthProbes.live(null));
        assertTrue(HealthProbes.live(executor(Map.of())));
        assertTrue(HealthProbes.live(executor(Map.of(HealthTags.LIVENESS, List.of(Result.Status.WARN, Result.Status.TEMPORARILY_UNAVAILABLE)))));
        assertFalse(HealthProbes.live(executor(Map.of(HealthTags.LIVENESS, List.of(Result.Status.CRITICAL)))));
        // readiness failures do not make the process dead
        assertTrue(HealthProbes.live(executor(Map.of(HealthTags.READINESS, List.of(Result.Status.CRITICAL)))));
    }

    @Test
    void databaseCheckIsCriticalWithoutDataSourceOrDatabase() throws SQLException {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", java.nio.file.Path.of("target", "derby.log").toString());
        }
        assertEquals(Result.Status.CRITICAL, new DatabaseCheck(null).execute().getStatus());
        org.apache.derby.jdbc.EmbeddedDataSource missing = new org.apache.derby.jdbc.EmbeddedDataSource();
        missing.setDatabaseName("memory:no-such-database"); // no create=true: cannot connect
        Result unreachable = new DatabaseCheck(missing).execute();
        assertEquals(Result.Status.CRITICAL, unreachable.getStatus(), unreachable.toString());
        org.apache.derby.jdbc.EmbeddedDataSource present = new org.apache.derby.jdbc.EmbeddedDataSource();
        present.setDatabaseName("memory:health-check");
        present.setCreateDatabase("create");
        assertEquals(Result.Status.OK, new DatabaseCheck(present).execute().getStatus());
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:health-check;drop=true")) {
            // dropping answers with an exception
        } catch (SQLException dropped) {
            // expected: 08006
        }
    }

    @Test
    void outboxCheckWarnsAboveTheLagThreshold() {
        Outbox outbox = outbox(List.of(new Outbox.ConsumerState("reporting", 10, 20, true)));
        assertEquals(Result.Status.OK, new OutboxCheck(outbox, 100).execute().getStatus());
        assertEquals(Result.Status.WARN, new OutboxCheck(outbox, 5).execute().getStatus());
        Outbox uninstalled = outbox(List.of(new Outbox.ConsumerState("reporting", 10, 20_000, false)));
        assertEquals(Result.Status.OK, new OutboxCheck(uninstalled, 5).execute().getStatus());
        assertEquals(Result.Status.TEMPORARILY_UNAVAILABLE, new OutboxCheck(null, 5).execute().getStatus());
    }

    private static Outbox outbox(List<Outbox.ConsumerState> states) {
        return (Outbox) java.lang.reflect.Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("consumers")) {
                        return states;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An executor whose checks, by tag, have the given statuses. */
    private static HealthCheckExecutor executor(Map<String, List<Result.Status>> byTag) {
        return new HealthCheckExecutor() {
            @Override
            public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector) {
                return Arrays.stream(selector.tags()).flatMap(t -> byTag.getOrDefault(t, List.of()).stream()).map(s -> result(s)).toList();
            }

            @Override
            public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector, HealthCheckExecutionOptions options) {
                return execute(selector);
            }
        };
    }

    private static HealthCheckExecutionResult result(Result.Status status) {
        return new HealthCheckExecutionResult() {
            @Override
            public Result getHealthCheckResult() {
                return new Result(status, "synthetic");
            }

            @Override
            public long getElapsedTimeInMs() {
                return 1;
            }

            @Override
            public Date getFinishedAt() {
                return new Date();
            }

            @Override
            public boolean hasTimedOut() {
                return false;
            }

            @Override
            public HealthCheckMetadata getHealthCheckMetadata() {
                return null;
            }
        };
    }
}
