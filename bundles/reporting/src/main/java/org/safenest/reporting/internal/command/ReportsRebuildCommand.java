package org.safenest.reporting.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.safenest.api.region.RegionService;
import org.safenest.reporting.internal.facts.FactConsumer;

/**
 * {@code safenest:reports-rebuild}: drops a region's statistics and builds them again from the events intake keeps with
 * its records, then from the outbox.
 */
@Command(scope = "safenest", name = "reports-rebuild", description = "Drops a region's statistics and builds them again from the "
        + "events intake keeps with its cases (every event since the first, also those the outbox has pruned), then from the "
        + "outbox, showing progress until done. Other regions' figures are untouched. Statistics of the region are "
        + "incomplete while it runs.")
@Service
public class ReportsRebuildCommand implements Action {

    @Reference
    FactConsumer facts;

    @Reference
    RegionService regions;

    @Option(name = "-n", aliases = "--no-wait", description = "Start the rebuild and return at once (safenest:reports shows progress)")
    boolean noWait;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung or hong-kong", required = true)
    String region;

    @Override
    public Object execute() throws Exception {
        regions.require(region);
        long events = facts.rebuild(region);
        System.out.printf("Rebuilding the statistics of %s from %,d event(s) kept by intake, then the outbox...%n", region, events);
        if (noWait) {
            return null;
        }
        long last = -1;
        while (true) {
            long waiting = facts.waiting();
            long done = Math.max(0, events - facts.historyWaiting());
            if (done != last) {
                System.out.printf("  %,d of %,d kept events (%d%%)%n", done, events, events == 0 ? 100 : done * 100 / Math.max(1, events));
                last = done;
            }
            if (waiting == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.println("Done: the statistics of " + region + " are complete.");
        return null;
    }
}
