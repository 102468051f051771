package org.safenest.allocation.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.safenest.api.allocation.AllocationService;
import org.safenest.api.allocation.StrategyDescription;

/** Completes the ids of the installed strategies. */
@Service
public class StrategyCompleter implements Completer {

    @Reference
    AllocationService allocation;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        allocation.strategies().stream().map(StrategyDescription::id).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
