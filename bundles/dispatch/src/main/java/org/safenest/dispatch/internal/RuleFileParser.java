package org.safenest.dispatch.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;

/**
 * Reads rule-set versions in the documented format (see the bundle's README) and checks them against a region:
 * <ul>
 * <li>a folder: {@code versions.csv} ({@code version,adopted_on,effective_from,rules,note}) and the rule files
 * it names ({@code id,case_type,service_line,district,part,office,fallback,explanation});</li>
 * <li>a single rule file whose first lines name its version: {@code # version: 9}, {@code # adopted_on:
 * 2024-03-01}, {@code # effective_from: 2024-03-01}, {@code # note: ...}.</li>
 * </ul>
 * Every error names its file and line. Nothing is published here.
 */
public final class RuleFileParser {

    public static final List<String> RULE_COLUMNS =
            List.of("id", "case_type", "service_line", "district", "part", "office", "fallback", "explanation");
    public static final List<String> VERSION_COLUMNS = List.of("version", "adopted_on", "effective_from", "rules", "note");
    /** Keys of the header of a single rule file. */
    public static final List<String> SINGLE_KEYS = List.of("version", "adopted_on", "effective_from", "note");
    /** At most this many errors are listed per source; the rest are counted. */
    static final int MAX_ERRORS = 200;
    /** Longest rule id, note and explanation (as stored). */
    static final int MAX_ID = 100;
    static final int MAX_TEXT = 2000;

    /** Where a version is defined: the file and line of its versions.csv row or of its {@code # version} line. */
    public record Origin(String source, int line) {
    }

    /** What was read: the versions (only when there is no error), every error, and where each version is defined. */
    public record Result(List<DispatchRuleSet> versions, List<RuleFileError> errors, Map<Integer, Origin> origins) {
        public boolean ok() {
            return errors.isEmpty();
        }

        /** Where the version is defined ({@code (unknown, 0)} when it is not). */
        public Origin origin(int version) {
            return origins.getOrDefault(version, new Origin("(unknown)", 0));
        }
    }

    private final RegionRefs refs;
    private final List<RuleFileError> errors = new ArrayList<>();
    /** Rule files whose rows all had errors (so "empty" would be misleading). */
    private int lastRuleRows;
    private final Map<Integer, Origin> origins = new HashMap<>();
    private final java.util.Set<String> emptyBecauseOfErrors = new java.util.HashSet<>();

    private RuleFileParser(RegionRefs refs) {
        this.refs = refs;
    }

    /** Reads a folder source: {@code versions.csv} and the rule files it names. */
    public static Result readFolder(RegionRefs refs, RuleFiles files) {
        RuleFileParser p = new RuleFileParser(refs);
        List<DispatchRuleSet> versions = p.folder(files);
        return p.result(versions);
    }

    /**
     * Reads a source: its {@code versions.csv} and the rule files it names when it has one; otherwise each of its
     * files as a single rule file with its {@code #} header (versions must then differ and their effective dates
     * follow their numbers).
     */
    public static Result read(RegionRefs refs, RuleFiles files) {
        String versions;
        try {
            versions = files.read(RuleFiles.VERSIONS);
        } catch (IOException e) {
            versions = null;
        }
        List<String> names = files.names();
        if (versions != null || names.isEmpty()) {
            return readFolder(refs, files);
        }
        RuleFileParser p = new RuleFileParser(refs);
        List<DispatchRuleSet> sets = new ArrayList<>();
        for (String name : names) {
            String source = files.describe(name);
            try {
                String text = files.read(name);
                DispatchRuleSet set = p.single(source, text == null ? "" : text);
                if (set != null) {
                    sets.add(set);
                }
            } catch (IOException e) {
                p.error(source, 0, "cannot be read: " + e.getMessage());
            }
        }
        sets.sort(Comparator.comparingInt(DispatchRuleSet::version));
        for (int i = 1; i < sets.size(); i++) {
            DispatchRuleSet prev = sets.get(i - 1);
            DispatchRuleSet cur = sets.get(i);
            if (cur.version() == prev.version()) {
                p.error(cur.source(), 0, "version " + cur.version() + " is also defined by " + prev.source());
            } else if (cur.effectiveFrom().isBefore(prev.effectiveFrom())) {
                p.error(cur.source(), 0, "effective_from " + cur.effectiveFrom() + " is earlier than " + prev.effectiveFrom()
                        + ", the effective date of version " + prev.version() + " (" + prev.source() + ")");
            }
        }
        return p.result(sets);
    }

    /** Reads one rule file whose {@code #} header lines name its version, dates and note. */
    public static Result readSingle(RegionRefs refs, String source, String content) {
        RuleFileParser p = new RuleFileParser(refs);
        DispatchRuleSet set = p.single(source, content == null ? "" : content);
        return p.result(set == null ? List.of() : List.of(set));
    }

    private Result result(List<DispatchRuleSet> versions) {
        List<RuleFileError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(RuleFileError::source).thenComparingInt(RuleFileError::line));
        if (sorted.size() > MAX_ERRORS) {
            int more = sorted.size() - MAX_ERRORS;
            RuleFileError last = sorted.get(MAX_ERRORS);
            sorted = new ArrayList<>(sorted.subList(0, MAX_ERRORS));
            sorted.add(new RuleFileError(last.source(), 0, more + " more errors not listed"));
        }
        return new Result(sorted.isEmpty() ? List.copyOf(versions) : List.of(), List.copyOf(sorted), Map.copyOf(origins));
    }

    private void error(String source, int line, String message) {
        errors.add(new RuleFileError(source, line, message));
    }

    // ------------------------------------------------------------------ folder form

    private List<DispatchRuleSet> folder(RuleFiles files) {
        String versionsName = files.describe(RuleFiles.VERSIONS);
        String text;
        try {
            text = files.read(RuleFiles.VERSIONS);
        } catch (IOException e) {
            error(versionsName, 0, "cannot be read: " + e.getMessage());
            return List.of();
        }
        if (text == null) {
            error(versionsName, 0, "missing: a rule-set folder lists its versions in " + RuleFiles.VERSIONS
                    + " (" + String.join(",", VERSION_COLUMNS) + ")");
            return List.of();
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.rows(text);
        } catch (Csv.Malformed e) {
            error(versionsName, e.line, e.getMessage());
            return List.of();
        }
        int[] columns = header(versionsName, rows, VERSION_COLUMNS, List.of("version", "adopted_on", "effective_from", "rules"));
        if (columns == null) {
            return List.of();
        }
        if (rows.size() == 1) {
            error(versionsName, rows.get(0).line(), "lists no version: add a line per version under the header");
            return List.of();
        }
        Map<String, List<DispatchRule>> ruleFiles = new HashMap<>();
        emptyBecauseOfErrors.clear();
        List<DispatchRuleSet> sets = new ArrayList<>();
        Integer previousVersion = null;
        LocalDate previousEffective = null;
        int previousLine = 0;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            int errorsBefore = errors.size();
            int line = row.line();
            extraCells(versionsName, row, rows.get(0).cells().size());
            Integer version = versionNumber(versionsName, line, row.cell(columns[0]));
            LocalDate adopted = date(versionsName, line, "adopted_on", row.cell(columns[1]));
            LocalDate effective = date(versionsName, line, "effective_from", row.cell(columns[2]));
            String rulesName = row.cell(columns[3]);
            String note = columns[4] < 0 ? "" : row.cell(columns[4]);
            if (note.length() > MAX_TEXT) {
                error(versionsName, line, "the note is longer than " + MAX_TEXT + " characters");
            }
            if (adopted != null && effective != null && effective.isBefore(adopted)) {
                error(versionsName, line, "effective_from " + effective + " is before adopted_on " + adopted
                        + ": a version cannot apply before it was adopted");
            }
            if (version != null && previousVersion != null && version <= previousVersion) {
                error(versionsName, line, "version " + version + " does not increase: the version on line " + previousLine
                        + " is " + previousVersion + " (list versions oldest first, each with a new, higher number)");
            }
            if (effective != null && previousEffective != null && effective.isBefore(previousEffective)) {
                error(versionsName, line, "effective_from " + effective + " is earlier than " + previousEffective
                        + ", the effective date of the previous version (line " + previousLine + ")");
            }
            List<DispatchRule> rules = null;
            if (rulesName.isEmpty()) {
                error(versionsName, line, "'rules' is empty: name the rule file of this version");
            } else {
                if (!ruleFiles.containsKey(rulesName)) {
                    ruleFiles.put(rulesName, ruleFile(files, versionsName, line, rulesName));
                }
                rules = ruleFiles.get(rulesName);
                if (rules != null && rules.isEmpty() && !emptyBecauseOfErrors.contains(rulesName)) {
                    error(versionsName, line, "the rule set of this version is empty: rule file '" + rulesName + "' holds no rule");
                }
            }
            if (version != null) {
                previousVersion = version;
            }
            if (effective != null) {
                previousEffective = effective;
            }
            previousLine = line;
            if (version != null) {
                origins.putIfAbsent(version, new Origin(versionsName, line));
            }
            if (errors.size() == errorsBefore && rules != null) {
                sets.add(new DispatchRuleSet(refs.region(), version, adopted, effective, note, files.describe(rulesName),
                        null, null, rules));
            }
        }
        return sets;
    }

    /** Reads a rule file named by versions.csv; null when it is missing or unreadable (error reported). */
    private List<DispatchRule> ruleFile(RuleFiles files, String versionsName, int line, String name) {
        String text;
        try {
            text = files.read(name);
        } catch (IOException e) {
            error(versionsName, line, "rule file '" + name + "' cannot be read: " + e.getMessage());
            return null;
        }
        if (text == null) {
            error(versionsName, line, "rule file '" + name + "' not found next to " + RuleFiles.VERSIONS);
            return null;
        }
        List<DispatchRule> rules = rules(files.describe(name), text);
        if (rules != null && rules.isEmpty() && lastRuleRows > 0) {
            emptyBecauseOfErrors.add(name);
        }
        return rules;
    }

    // ------------------------------------------------------------------ single-file form

    private DispatchRuleSet single(String source, String content) {
        int errorsBefore = errors.size();
        String[] lines = Csv.stripBom(content).split("\r\n|\n|\r", -1);
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Integer> metaLines = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            // a spreadsheet may quote the cell and add empty cells: "# note: a, b",,,,
            String cell = l.replaceAll(",+$", "").strip();
            if (cell.startsWith("\"") && cell.endsWith("\"") && cell.length() >= 2) {
                cell = cell.substring(1, cell.length() - 1).replace("\"\"", "\"").strip();
            }
            if (cell.isEmpty()) {
                continue;
            }
            if (!cell.startsWith("#")) {
                break;
            }
            lines[i] = "";
            String entry = cell.substring(1).strip();
            int sep = indexOfSeparator(entry);
            if (sep < 0) {
                continue; // a plain comment
            }
            String key = entry.substring(0, sep).strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            String value = entry.substring(sep + 1).strip();
            if (!SINGLE_KEYS.contains(key)) {
                continue; // a comment that happens to hold a colon
            }
            if (meta.containsKey(key)) {
                error(source, i + 1, "'" + key + "' is given twice (first on line " + metaLines.get(key) + ")");
                continue;
            }
            meta.put(key, value);
            metaLines.put(key, i + 1);
        }
        for (String key : List.of("version", "adopted_on", "effective_from")) {
            if (!meta.containsKey(key)) {
                error(source, 1, "missing header line '# " + key + ": ...': a single rule file starts with '# version: N', "
                        + "'# adopted_on: yyyy-mm-dd', '# effective_from: yyyy-mm-dd' and optionally '# note: ...'");
            }
        }
        Integer version = meta.containsKey("version") ? versionNumber(source, metaLines.get("version"), meta.get("version")) : null;
        if (version != null) {
            origins.put(version, new Origin(source, metaLines.get("version")));
        }
        LocalDate adopted = meta.containsKey("adopted_on") ? date(source, metaLines.get("adopted_on"), "adopted_on", meta.get("adopted_on")) : null;
        LocalDate effective = meta.containsKey("effective_from")
                ? date(source, metaLines.get("effective_from"), "effective_from", meta.get("effective_from")) : null;
        if (adopted != null && effective != null && effective.isBefore(adopted)) {
            error(source, metaLines.get("effective_from"), "effective_from " + effective + " is before adopted_on " + adopted
                    + ": a version cannot apply before it was adopted");
        }
        if (meta.getOrDefault("note", "").length() > MAX_TEXT) {
            error(source, metaLines.get("note"), "the note is longer than " + MAX_TEXT + " characters");
        }
        List<DispatchRule> rules = rules(source, String.join("\n", lines));
        if (rules != null && rules.isEmpty() && lastRuleRows == 0) {
            error(source, 0, "the rule set is empty: the file holds no rule");
        }
        if (errors.size() > errorsBefore || rules == null) {
            return null;
        }
        return new DispatchRuleSet(refs.region(), version, adopted, effective, meta.getOrDefault("note", ""), source, null, null, rules);
    }

    private static int indexOfSeparator(String entry) {
        int colon = entry.indexOf(':');
        int equals = entry.indexOf('=');
        if (colon < 0) {
            return equals;
        }
        return equals < 0 ? colon : Math.min(colon, equals);
    }

    // ------------------------------------------------------------------ rule files

    /** The rules of a rule file; null when its header is unusable (error reported). */
    private List<DispatchRule> rules(String source, String text) {
        List<Csv.Row> rows;
        try {
            rows = Csv.rows(text);
        } catch (Csv.Malformed e) {
            error(source, e.line, e.getMessage());
            return null;
        }
        int[] c = header(source, rows, RULE_COLUMNS, RULE_COLUMNS.subList(0, 6));
        if (c == null) {
            return null;
        }
        List<DispatchRule> rules = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        lastRuleRows = rows.size() - 1;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            int line = row.line();
            int errorsBefore = errors.size();
            extraCells(source, row, rows.get(0).cells().size());
            String id = row.cell(c[0]);
            if (id.isEmpty()) {
                error(source, line, "the rule has no id: give every rule a unique id (such as FF-fengshan-north)");
            } else if (id.length() > MAX_ID) {
                error(source, line, "rule id '" + id.substring(0, 20) + "...' is longer than " + MAX_ID + " characters");
            } else if (ids.containsKey(id)) {
                error(source, line, "duplicate rule id '" + id + "' (first on line " + ids.get(id) + ")");
            } else {
                ids.put(id, line);
            }
            String caseTypeCode = blankToNull(row.cell(c[1]));
            CaseType caseType = null;
            if (caseTypeCode != null) {
                caseType = refs.caseTypes().get(caseTypeCode);
                if (caseType == null) {
                    error(source, line, "unknown case type '" + caseTypeCode + "' (region " + refs.region() + " knows: "
                            + String.join(", ", refs.caseTypes().keySet().stream().sorted().toList()) + ")");
                }
            }
            String lineName = blankToNull(row.cell(c[2]));
            ServiceLine serviceLine = null;
            if (lineName != null) {
                serviceLine = serviceLine(lineName);
                if (serviceLine == null) {
                    error(source, line, "unknown service line '" + lineName + "' (one of "
                            + Arrays.stream(ServiceLine.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
                }
            }
            if (caseType != null && serviceLine != null && caseType.serviceLine() != serviceLine) {
                error(source, line, "case type '" + caseType.code() + "' belongs to service line " + caseType.serviceLine().name()
                        + ", not " + serviceLine.name() + ": the rule could never match");
            }
            String districtName = blankToNull(row.cell(c[3]));
            District district = null;
            if (districtName != null) {
                district = refs.district(districtName);
                if (district == null) {
                    error(source, line, "unknown district '" + districtName + "' in region " + refs.region());
                }
            }
            String partCode = blankToNull(row.cell(c[4]));
            if (partCode != null) {
                if (districtName == null) {
                    error(source, line, "part '" + partCode + "' needs a district");
                } else if (district != null) {
                    DistrictPart part = RegionRefs.part(district, partCode);
                    if (part == null) {
                        error(source, line, "unknown part '" + partCode + "' of district '" + district.code() + "' ("
                                + (district.parts().isEmpty() ? "the district is not split"
                                        : "its parts: " + district.parts().stream().map(DistrictPart::code).collect(Collectors.joining(", ")))
                                + ")");
                    }
                }
            }
            String office = blankToNull(row.cell(c[5]));
            if (office == null) {
                error(source, line, "missing office: every rule names the office it sends reports to");
            } else if (OfficeRoutes.isRoute(office)) {
                org.safenest.api.region.OfficeType type = OfficeRoutes.servingType(office);
                if (type == null) {
                    error(source, line, "unknown office type in '" + office + "' (" + OfficeRoutes.SERVING + " one of "
                            + Arrays.stream(org.safenest.api.region.OfficeType.values()).map(OfficeRoutes::typeName)
                                    .collect(Collectors.joining(", ")) + ")");
                } else if (refs.offices().values().stream().noneMatch(o -> o.type() == type)) {
                    error(source, line, "region " + refs.region() + " has no office of type " + OfficeRoutes.typeName(type)
                            + ": '" + office + "' could never send a report anywhere");
                } else {
                    office = OfficeRoutes.SERVING + OfficeRoutes.typeName(type);
                }
            } else if (!refs.offices().containsKey(office)) {
                error(source, line, "unknown office '" + office + "' in region " + refs.region());
            }
            Boolean fallback = fallback(c[6] < 0 ? "" : row.cell(c[6]));
            if (fallback == null) {
                error(source, line, "fallback must be 'yes' or empty, not '" + row.cell(c[6]) + "'");
            }
            String explanation = c[7] < 0 ? "" : row.cell(c[7]);
            if (explanation.length() > MAX_TEXT) {
                error(source, line, "the explanation is longer than " + MAX_TEXT + " characters");
            }
            if (errors.size() == errorsBefore) {
                rules.add(new DispatchRule(id, caseTypeCode, serviceLine, district == null ? null : district.code(), partCode,
                        office, fallback, explanation, line));
            }
        }
        return rules;
    }

    /**
     * Finds the columns of a header row; returns the index of each expected column in {@code expected} order (-1
     * for an optional column that is absent), or null when a required column is missing (error reported).
     */
    private int[] header(String source, List<Csv.Row> rows, List<String> expected, List<String> required) {
        if (rows.isEmpty()) {
            error(source, 1, "the file is empty: the first line must be the header " + String.join(",", expected));
            return null;
        }
        Csv.Row head = rows.get(0);
        int[] index = new int[expected.size()];
        Arrays.fill(index, -1);
        boolean ok = true;
        for (int i = 0; i < head.cells().size(); i++) {
            String name = head.cells().get(i).toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.isEmpty()) {
                continue;
            }
            int k = expected.indexOf(name);
            if (k < 0) {
                error(source, head.line(), "unknown column '" + head.cells().get(i) + "' (the header is " + String.join(",", expected) + ")");
                ok = false;
            } else if (index[k] >= 0) {
                error(source, head.line(), "column '" + name + "' appears twice");
                ok = false;
            } else {
                index[k] = i;
            }
        }
        for (String r : required) {
            if (index[expected.indexOf(r)] < 0) {
                error(source, head.line(), "missing column '" + r + "' (the header is " + String.join(",", expected) + ")");
                ok = false;
            }
        }
        return ok ? index : null;
    }

    /** Cells beyond the header's width are tolerated only when empty (spreadsheets pad rows). */
    private void extraCells(String source, Csv.Row row, int width) {
        for (int i = width; i < row.cells().size(); i++) {
            if (!row.cells().get(i).isEmpty()) {
                error(source, row.line(), "more cells than the header has columns: '" + row.cells().get(i) + "'");
                return;
            }
        }
    }

    private Integer versionNumber(String source, int line, String value) {
        if (value.isEmpty()) {
            error(source, line, "'version' is empty: number the versions 1, 2, 3, ...");
            return null;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(source, line, "version '" + value + "' is not a whole number from 1");
        return null;
    }

    private LocalDate date(String source, int line, String column, String value) {
        if (value.isEmpty()) {
            error(source, line, "'" + column + "' is empty: give a date as yyyy-mm-dd");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(source, line, "bad date '" + value + "' in " + column + ": expected yyyy-mm-dd, such as 2023-01-16");
            return null;
        }
    }

    private static ServiceLine serviceLine(String name) {
        try {
            return ServiceLine.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Boolean fallback(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "" , "no" -> Boolean.FALSE;
            case "yes" -> Boolean.TRUE;
            default -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
