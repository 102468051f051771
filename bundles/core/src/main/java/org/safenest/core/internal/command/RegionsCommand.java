package org.safenest.core.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;

/** {@code safenest:regions}: the regions loaded, with the size of their reference data. */
@Command(scope = "safenest", name = "regions", description = "Lists the regions loaded, with their districts, offices, preschools and indicators")
@Service
public class RegionsCommand implements Action {

    @Reference
    RegionService regions;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Region");
        table.column("Name");
        table.column("Districts").alignRight();
        table.column("Offices").alignRight();
        table.column("Preschools").alignRight();
        table.column("Indicators").alignRight();
        table.column("Loaded");
        table.column("Source");
        for (Region r : regions.regions()) {
            table.addRow().addContent(r.code(), r.nameZh() + " " + r.nameEn(), r.counts().districts(), r.counts().offices(),
                    r.counts().preschools(), r.counts().indicators(), r.loadedAt(), r.source());
        }
        table.print(System.out);
        return null;
    }
}
