package org.safenest.reporting.internal.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.Col;
import org.apache.karaf.shell.support.table.ShellTable;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.SafenestException;
import org.safenest.api.reporting.ColumnType;
import org.safenest.api.reporting.ReportColumn;
import org.safenest.api.reporting.ReportNote;
import org.safenest.api.reporting.ReportRequest;
import org.safenest.api.reporting.ReportTable;
import org.safenest.api.reporting.ReportingService;
import org.safenest.api.security.Caller;
import org.safenest.reporting.internal.TableExport;

/** {@code safenest:report}: runs a report and prints it as a table, with small counts suppressed as on the web. */
@Command(scope = "safenest", name = "report", description = "Runs a statistical report for a region and prints it as a table, "
        + "small counts suppressed as in every published figure. Options come before the arguments: safenest:report -g month,caseType kaohsiung intake-volume")
@Service
public class ReportCommand implements Action {

    @Reference
    ReportingService reporting;

    @Reference
    Session session;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung", required = true)
    String region;

    @Argument(index = 1, name = "report", description = "The report id (see safenest:reports), such as intake-volume", required = true)
    String report;

    @Option(name = "--from", aliases = "-f", description = "First day of the period, yyyy-MM-dd (default: 12 months back)")
    String from;

    @Option(name = "--to", aliases = "-t", description = "Last day of the period, yyyy-MM-dd (default: today)")
    String to;

    @Option(name = "--group", aliases = "-g", description = "Grouping, comma-separated, such as month,district (default: the report's first)")
    String group;

    @Option(name = "--param", aliases = "-p", description = "A parameter of the report as key=value (repeatable), such as plans=p1,p2",
            multiValued = true)
    List<String> params;

    @Option(name = "--lang", aliases = "-l", description = "zh (default) or en: the language of labels and names")
    String lang = "zh";

    @Override
    public Object execute() {
        try {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (params != null) {
                for (String p : params) {
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        throw new InvalidInputException("param", "invalid", "A parameter is key=value, not '" + p + "'");
                    }
                    parameters.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
                }
            }
            List<String> grouping = group == null ? List.of()
                    : Arrays.stream(group.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            Object user = session == null ? null : session.get("USER");
            ReportTable table = reporting.run(Caller.administrator(user == null ? "console" : String.valueOf(user)), report,
                    new ReportRequest(region, date("from", from), date("to", to), grouping, 0, parameters));
            String language = TableExport.language(lang);
            System.out.println(report + "  " + table.request().from() + " .. " + table.request().to() + "  ("
                    + String.join(", ", table.request().grouping()) + ")");
            ShellTable shell = new ShellTable();
            for (ReportColumn c : table.columns()) {
                Col col = shell.column(TableExport.label(c, language));
                if (c.type() != ColumnType.TEXT && c.type() != ColumnType.MONTH && c.type() != ColumnType.DATE) {
                    col.alignRight();
                }
            }
            for (List<Object> row : table.rows()) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    cells.add(TableExport.text(table, i, row.get(i), language));
                }
                shell.addRow().addContent(cells);
            }
            shell.print(System.out);
            if (table.rows().isEmpty()) {
                System.out.println("zh".equals(language) ? "此期間沒有資料。" : "No data for this period.");
            }
            for (ReportNote n : table.notes()) {
                System.out.println("* " + ("zh".equals(language) ? n.textZh() : n.textEn()));
            }
        } catch (SafenestException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "invalid-date", "--" + field + " must be a date as yyyy-MM-dd");
        }
    }
}
