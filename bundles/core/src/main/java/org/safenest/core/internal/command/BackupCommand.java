package org.safenest.core.internal.command;

import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.safenest.api.error.SafenestException;
import org.safenest.core.internal.backup.DatabaseBackup;

/** {@code safenest:backup}: an online backup of the embedded database while Safenest serves. */
@Command(scope = "safenest", name = "backup", description = "Backs the embedded Derby database up while Safenest serves "
        + "(Derby's SYSCS_BACKUP_DATABASE), into a new folder safenest-<date>-<time> under the given folder or the one in "
        + "etc/org.safenest.backup.cfg (default backup/). Shows progress, the size and the time taken. Without a folder "
        + "argument the oldest backups beyond 'keep' are deleted afterwards. Restore: see README, 'Backup and restore'.")
@Service
public class BackupCommand implements Action {

    @Reference
    DatabaseBackup backups;

    @Reference
    Session session;

    @Argument(index = 0, name = "folder", description = "The folder to hold the backup; omit for the configured one", required = false)
    @Completion(FileCompleter.class)
    String folder;

    @Override
    public Object execute() {
        String actor = String.valueOf(session.get("USER"));
        Path parent = folder == null ? backups.folder() : Path.of(folder).toAbsolutePath();
        System.out.println("Backing the database up into " + parent + " ...");
        try {
            DatabaseBackup.Backup b = folder == null ? backups.backupAndPrune(actor, BackupCommand::show)
                    : backups.backup(parent, actor, BackupCommand::show);
            System.out.println();
            System.out.printf("Done: %s, %s in %.1f s%n", b.folder(), megabytes(b.bytes()), b.took().toMillis() / 1000.0);
            if (folder == null) {
                List<DatabaseBackup.Backup> kept = backups.list(parent);
                System.out.println(kept.size() + " backup(s) kept in " + parent);
            }
        } catch (SafenestException | IllegalStateException e) {
            System.out.println();
            System.err.println("No backup: " + e.getMessage());
        }
        return null;
    }

    private static void show(DatabaseBackup.Progress p) {
        String of = p.total() > 0 ? String.format(" of about %s (%d %%)", megabytes(p.total()),
                Math.min(100, p.copied() * 100 / p.total())) : "";
        System.out.print("\r  copied " + megabytes(p.copied()) + of + "   ");
        System.out.flush();
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }
}
