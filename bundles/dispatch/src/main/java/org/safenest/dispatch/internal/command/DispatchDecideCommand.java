package org.safenest.dispatch.internal.command;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.SafenestException;
import org.safenest.dispatch.internal.DispatchAdmin;

/** {@code safenest:dispatch-decide}: which office a report would get on a date, and why. Writes nothing. */
@Command(scope = "safenest", name = "dispatch-decide", description = "Shows which office a report of a case type from a district "
        + "(or district part) would be dispatched to on a date, by the rule-set version in force then, and why. Writes nothing.")
@Service
public class DispatchDecideCommand implements Action {

    @Reference
    DispatchService dispatch;

    @Reference
    DispatchAdmin admin;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung", required = true)
    @Completion(RegionCodes.class)
    String region;

    @Argument(index = 1, name = "caseType", description = "The case type code, such as child-protection or fragile-family", required = true)
    String caseType;

    @Argument(index = 2, name = "district", description = "The district code (or name), such as fengshan", required = true)
    String district;

    @Option(name = "--part", aliases = "-p", description = "The district part, where offices split the district (Fengshan: north or south)")
    String part;

    @Option(name = "--date", aliases = "-d", description = "The day the report is received, yyyy-mm-dd; default today in the region's time zone")
    String date;

    // The shell reads options only before the first argument; these take --part and --date after the arguments.
    @Argument(index = 3, name = "options", description = "--part <part> and --date <yyyy-mm-dd> may also follow the arguments",
            required = false, multiValued = true)
    List<String> trailing;

    @Override
    public Object execute() {
        try {
            readTrailingOptions();
            ZoneId zone = admin.zone(region);
            LocalDate day;
            try {
                day = date == null ? LocalDate.now(zone) : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("date", "invalid-value", "--date must be yyyy-mm-dd, not '" + date + "'");
            }
            DispatchDecision d = dispatch.dispatch(region, caseType, district, part, day.atStartOfDay(zone).toInstant());
            System.out.println("Date:     " + day);
            System.out.println("Office:   " + (d.manualQueue() ? "(manual dispatch queue)" : d.office()));
            System.out.println("Basis:    " + d.basis());
            System.out.println("Version:  " + (d.ruleSetVersion() == 0 ? "(none in force)" : d.ruleSetVersion()));
            System.out.println("Rule:     " + (d.ruleId() == null ? "-" : d.ruleId()));
            System.out.println("Why:      " + d.explanation());
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> System.out.println(f.field() + ": " + f.message()));
        } catch (SafenestException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }

    private void readTrailingOptions() {
        if (trailing == null) {
            return;
        }
        for (int i = 0; i < trailing.size(); i++) {
            String name = trailing.get(i);
            String value = i + 1 < trailing.size() ? trailing.get(i + 1) : null;
            if (value != null && (name.equals("--part") || name.equals("-p"))) {
                part = value;
            } else if (value != null && (name.equals("--date") || name.equals("-d"))) {
                date = value;
            } else {
                throw new InvalidInputException("options", "unknown", "Unexpected '" + name + "': give --part <part> or --date <yyyy-mm-dd>");
            }
            i++;
        }
    }
}
