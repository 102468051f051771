package org.safenest.allocation.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;

/** Completes the codes of regions that have units to allocate. */
@Service
public class RegionCompleter implements Completer {

    @Reference
    RegionService regions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        regions.regions().stream().filter(r -> r.counts().preschools() > 0).map(Region::code).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
