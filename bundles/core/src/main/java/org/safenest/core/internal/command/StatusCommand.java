package org.safenest.core.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.core.internal.region.RegionLoading;
import org.safenest.core.internal.security.SecurityMode;
import org.safenest.core.internal.security.SecurityStatus;

/** {@code safenest:status}: the same facts as {@code GET /api/health}, for operators at the console. */
@Command(scope = "safenest", name = "status", description = "Shows whether Safenest is up: its bundles, the regions loaded, any loading problem, and the security mode with its warnings")
@Service
public class StatusCommand implements Action {

    @Reference
    BundleContext context;

    @Reference
    RegionService regions;

    @Reference
    RegionLoading loading;

    @Reference
    SecurityMode security;

    @Override
    public Object execute() {
        System.out.println("Bundles:");
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("safenest-")) {
                System.out.printf("  %-32s %-14s %s%n", b.getSymbolicName(), b.getVersion(),
                        b.getState() == Bundle.ACTIVE ? "Active" : "NOT ACTIVE (state " + b.getState() + ")");
            }
        }
        System.out.println("Regions:" + (loading.loading() ? " (still loading)" : ""));
        for (Region r : regions.regions()) {
            System.out.printf("  %-12s %s, %d districts, %d offices, %d preschools%n", r.code(), r.nameEn(),
                    r.counts().districts(), r.counts().offices(), r.counts().preschools());
        }
        loading.problems().forEach((bundle, problem) -> System.out.println("  PROBLEM " + bundle + ": " + problem));
        SecurityStatus s = security.refresh();
        System.out.println("Security: " + s.mode().toUpperCase(java.util.Locale.ROOT) + " mode"
                + (s.serving() ? "" : ", REFUSING every request (503) until set up") + "; passwords hashed: " + s.passwordHashing()
                + "; HTTPS: " + (s.https() ? "on, port " + s.httpsPort() : "off") + "; SSH console: " + s.sshHost());
        s.blockers().forEach(b -> System.out.println("  TO DO   " + b));
        s.warnings().forEach(w -> System.out.println("  WARNING " + w));
        System.out.println("API: /api/health (HTTP Basic login; administrators see the security section)");
        return null;
    }
}
