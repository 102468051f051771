package org.safenest.core.internal.command;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.SafenestException;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;

/** {@code safenest:region-reload}: reloads a region's reference data from its bundle or from a folder. */
@Command(scope = "safenest", name = "region-reload", description = "Reloads a region's reference data from its region bundle, "
        + "or replaces it from a folder holding region.properties and the files it names (same formats). "
        + "On any error nothing changes and the error names the file and line.")
@Service
public class RegionReloadCommand implements Action {

    @Reference
    RegionService regions;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung or hong-kong", required = true)
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "folder", description = "A folder with the region's files; omit to reload the region bundle's own files", required = false)
    String folder;

    @Override
    public Object execute() {
        String actor = String.valueOf(session.get("USER"));
        System.out.println("Reloading region " + region + (folder == null ? " from its bundle" : " from " + folder) + " ...");
        try {
            Region r = regions.reload(region, folder == null ? null : Path.of(folder));
            audit.record(AuditRecord.of(actor, "shell safenest:region-reload", region, folder, AuditOutcome.SUCCESS, r.counts().toString()));
            System.out.println("Done: " + r.counts().districts() + " districts, " + r.counts().offices() + " offices, "
                    + r.counts().preschools() + " preschools, " + r.counts().indicators() + " indicators.");
        } catch (SafenestException e) {
            audit.record(AuditRecord.of(actor, "shell safenest:region-reload", region, folder, AuditOutcome.REJECTED, e.getMessage()));
            System.err.println("Not reloaded: " + e.getMessage());
            if (e instanceof org.safenest.api.error.InvalidInputException invalid && invalid.errors().size() > 1) {
                invalid.errors().forEach(f -> System.err.println("  " + f.message()));
            }
        }
        return null;
    }
}
