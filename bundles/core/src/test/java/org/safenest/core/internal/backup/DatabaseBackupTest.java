package org.safenest.core.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.testsupport.MemoryAudit;

class DatabaseBackupTest {

    @TempDir
    Path dir;

    @Test
    void aBackupIsACompleteDatabaseThatOpensOnItsOwn() throws Exception {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toString());
        }
        EmbeddedDataSource live = new EmbeddedDataSource();
        live.setDatabaseName(dir.resolve("derby/safenest").toString());
        live.setCreateDatabase("create");
        try (Connection c = live.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, NOTE VARCHAR(40))");
            for (int i = 1; i <= 500; i++) {
                s.execute("INSERT INTO T VALUES (" + i + ", 'synthetic row')");
            }
        }
        MemoryAudit audit = new MemoryAudit();
        DatabaseBackup backups = new DatabaseBackup(live, audit, config(dir.resolve("backup").toString(), "", 2),
                java.time.Clock.systemUTC());
        List<DatabaseBackup.Progress> progress = new ArrayList<>();
        DatabaseBackup.Backup b = backups.backup(dir.resolve("backup"), "admin", progress::add);

        assertTrue(b.name().startsWith("safenest-"), b.name());
        assertTrue(Files.isDirectory(b.folder().resolve("safenest")), "Derby writes the database folder inside");
        assertTrue(b.bytes() > 0);
        assertEquals(b.bytes(), progress.get(progress.size() - 1).copied(), "the last progress is the whole backup");
        assertEquals(1, audit.byAction("database.backup").size());

        // the restore step of the README: the copied folder is the database
        EmbeddedDataSource restored = new EmbeddedDataSource();
        restored.setDatabaseName(b.folder().resolve("safenest").toString());
        try (Connection c = restored.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM T")) {
            r.next();
            assertEquals(500, r.getInt(1));
        }
        shutdown(restored);
        shutdown(live);
    }

    @Test
    void pruneKeepsTheNewest() throws Exception {
        Path parent = dir.resolve("backups");
        for (String n : List.of("safenest-20260101-010000", "safenest-20260102-010000", "safenest-20260103-010000", "other")) {
            Files.createDirectories(parent.resolve(n).resolve("safenest"));
            Files.writeString(parent.resolve(n).resolve("safenest/service.properties"), "synthetic");
        }
        DatabaseBackup backups = new DatabaseBackup(null, new MemoryAudit(), config("x", "", 2), java.time.Clock.systemUTC());
        assertEquals(List.of("safenest-20260101-010000"), backups.prune(parent, 2));
        assertEquals(List.of("safenest-20260102-010000", "safenest-20260103-010000"),
                backups.list(parent).stream().map(DatabaseBackup.Backup::name).toList());
        assertTrue(Files.exists(parent.resolve("other")), "folders that are not backups stay");
        assertEquals(List.of(), backups.prune(parent, 0), "keep 0 keeps all");
    }

    @Test
    void scheduleAndUrls() {
        assertEquals(LocalDateTime.parse("2026-12-06T02:30"), DatabaseBackup.nextRun(LocalDateTime.parse("2026-12-06T01:00"), LocalTime.of(2, 30)));
        assertEquals(LocalDateTime.parse("2026-12-07T02:30"), DatabaseBackup.nextRun(LocalDateTime.parse("2026-12-06T02:30"), LocalTime.of(2, 30)));
        assertEquals(null, DatabaseBackup.dailyAt(config("x", " ", 1)));
        assertEquals(LocalTime.of(2, 30), DatabaseBackup.dailyAt(config("x", "02:30", 1)));
        assertThrows(IllegalArgumentException.class, () -> DatabaseBackup.dailyAt(config("x", "half past two", 1)));
        assertEquals(Path.of("/opt/safenest/data/derby/safenest"),
                DatabaseBackup.databaseFolder("jdbc:derby:/opt/safenest/data/derby/safenest;create=true"));
    }

    private static void shutdown(EmbeddedDataSource ds) {
        ds.setShutdownDatabase("shutdown");
        try (Connection c = ds.getConnection()) {
            // shutting down answers with an exception
        } catch (SQLException expected) {
            // 08006
        }
    }

    static BackupConfiguration config(String folder, String dailyAt, int keep) {
        return new BackupConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BackupConfiguration.class;
            }

            @Override
            public String folder() {
                return folder;
            }

            @Override
            public String daily_at() {
                return dailyAt;
            }

            @Override
            public int keep() {
                return keep;
            }
        };
    }
}
