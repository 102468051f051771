package org.safenest.dispatch.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;

/** Completes region codes. */
@Service
public class RegionCodes implements Completer {

    @Reference
    RegionService regions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        regions.regions().stream().map(Region::code).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
