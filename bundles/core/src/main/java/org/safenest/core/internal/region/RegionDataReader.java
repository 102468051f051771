package org.safenest.core.internal.region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.region.Catchment;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.GeoPoint;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.PreschoolSession;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.ServedArea;

/**
 * Reads a region's reference data from its descriptor ({@code region.properties}) and the files it names,
 * in the formats the public sources publish them. See the region bundles' {@code region.properties} for
 * the keys; each format is described on its method. Every error names the file and line.
 */
public final class RegionDataReader {

    static final String DESCRIPTOR = "region.properties";
    private static final Pattern FOOTNOTE = Pattern.compile("\\s*\\(\\d+\\)");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern INDICATOR_KEY = Pattern.compile("indicators\\.(\\d+)\\..*");
    private static final Pattern SERVED = Pattern.compile("^([^()（）]+?)\\s*[(（](.+)[)）]$");

    /** The generic offices format (see {@link #readOffices}). */
    static final String OFFICES_CSV = "offices-csv";
    /** The keys of region.properties besides indicators.N.*, centre.*, area.* and station.* (docs/regions.md). */
    static final Set<String> KEYS = Set.of("code", "name.en", "name.zh", "time-zone", "districts", "offices", "offices.format",
            "preschools", "preschools.format", "preschools.levels", "catchments", "catchments.format", "catchments.derive",
            "catchments.derive.weight", "case-types");
    /** At most this many problems are gathered. */
    static final int MAX_PROBLEMS = 200;

    private final RegionSource source;
    private final MessageDigest digest;
    private final Set<RegionDataException.Problem> problems = new java.util.LinkedHashSet<>();
    private List<CaseType> caseTypes = List.of();
    private Properties descriptor;

    private RegionDataReader(RegionSource source) {
        this.source = source;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a region's files hold: the reference data and the case types the region adds to the defaults. */
    public record RegionFiles(RegionData data, List<CaseType> caseTypes) {
        public RegionFiles {
            caseTypes = List.copyOf(caseTypes);
        }
    }

    /** Reads the whole region's reference data, or fails with every problem found (file and line). */
    public static RegionData read(RegionSource source) throws RegionDataException {
        return readAll(source).data();
    }

    /** Reads everything the region's files hold, or fails with every problem found (file and line). */
    public static RegionFiles readAll(RegionSource source) throws RegionDataException {
        RegionDataReader reader = new RegionDataReader(source);
        RegionData data = reader.read();
        return new RegionFiles(data, reader.caseTypes);
    }

    /** Reads only the region code from the descriptor. */
    public static String code(RegionSource source) throws RegionDataException {
        RegionDataReader reader = new RegionDataReader(source);
        reader.loadDescriptor();
        return reader.regionCode();
    }

    private void loadDescriptor() throws RegionDataException {
        descriptor = new Properties();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes(DESCRIPTOR)), StandardCharsets.UTF_8)) {
            descriptor.load(r);
        } catch (IOException e) {
            throw new RegionDataException(DESCRIPTOR, 0, e.getMessage());
        }
    }

    private String regionCode() throws RegionDataException {
        String code = required("code");
        if (!CODE.matcher(code).matches()) {
            throw new RegionDataException(DESCRIPTOR, 0, "code '" + code + "' must be lower-case letters, digits and '-'");
        }
        return code;
    }

    /** A step of reading that may fail with a problem; the reader notes the problem and goes on. */
    @FunctionalInterface
    private interface Step<T> {
        T get() throws RegionDataException;
    }

    /** Runs a step; on a problem notes it and answers {@code otherwise}. */
    private <T> T attempt(Step<T> step, T otherwise) {
        try {
            return step.get();
        } catch (RegionDataException e) {
            note(e);
            return otherwise;
        }
    }

    private void note(RegionDataException e) {
        for (RegionDataException.Problem p : e.problems()) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            }
        }
    }

    private RegionData read() throws RegionDataException {
        loadDescriptor();
        String code = attempt(this::regionCode, null);
        String timeZone = attempt(() -> {
            String tz = required("time-zone");
            try {
                ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw new RegionDataException(DESCRIPTOR, 0, "time-zone '" + tz + "' is not a known time zone (an IANA id such as Asia/Taipei)");
            }
            return tz;
        }, null);
        String nameEn = attempt(() -> limit(required("name.en"), 200, DESCRIPTOR, 0, "name.en"), null);
        String nameZh = attempt(() -> limit(required("name.zh"), 200, DESCRIPTOR, 0, "name.zh"), null);

        List<District> districts = attempt(() -> readDistricts(required("districts")), List.of());
        if (districts.isEmpty()) {
            // nothing else can be checked without districts
            throw new RegionDataException(new ArrayList<>(problems));
        }
        DistrictIndex index = new DistrictIndex(districts);
        List<Office> offices = new ArrayList<>();
        String officesFile = descriptor.getProperty("offices");
        if (officesFile != null && !officesFile.isBlank()) {
            offices = attempt(() -> {
                String format = required("offices.format");
                return switch (format) {
                    case OFFICES_CSV -> readOffices(officesFile.trim(), index);
                    case "kaohsiung-welfare-centres" -> readWelfareCentres(officesFile.trim(), index);
                    default -> throw new RegionDataException(DESCRIPTOR, 0, "offices.format '" + format
                            + "' is not known (known: " + OFFICES_CSV + ", kaohsiung-welfare-centres)");
                };
            }, List.of());
        }
        List<Preschool> preschools = new ArrayList<>();
        String preschoolsFile = descriptor.getProperty("preschools");
        if (preschoolsFile != null && !preschoolsFile.isBlank()) {
            preschools = attempt(() -> {
                String format = required("preschools.format");
                if (!"edb-school-location".equals(format)) {
                    throw new RegionDataException(DESCRIPTOR, 0, "preschools.format '" + format + "' is not known (known: edb-school-location)");
                }
                return readEdbSchools(preschoolsFile.trim(), index);
            }, List.of());
        }
        List<DistrictIndicator> indicators = new ArrayList<>();
        int n = 1;
        for (; descriptor.getProperty("indicators." + n + ".file") != null; n++) {
            String prefix = "indicators." + n + ".";
            indicators.addAll(attempt(() -> readIndicators(prefix, index), List.of()));
        }
        for (String key : new TreeSet<>(descriptor.stringPropertyNames())) {
            Matcher m = INDICATOR_KEY.matcher(key);
            if (m.matches() && Integer.parseInt(m.group(1)) >= n) {
                note(new RegionDataException(DESCRIPTOR, 0, "'" + key + "' is not read: indicators are numbered 1, 2, 3, ... without gaps ("
                        + "indicators." + n + " is missing)"));
            }
        }
        String caseTypesFile = descriptor.getProperty("case-types");
        if (caseTypesFile != null && !caseTypesFile.isBlank()) {
            caseTypes = attempt(() -> readCaseTypes(caseTypesFile.trim()), List.of());
        }
        for (String key : new TreeSet<>(descriptor.stringPropertyNames())) {
            if (!KEYS.contains(key) && !INDICATOR_KEY.matcher(key).matches() && !key.startsWith("centre.") && !key.startsWith("area.")
                    && !key.startsWith("station.")) {
                note(new RegionDataException(DESCRIPTOR, 0, "unknown key '" + key + "' (see the region.properties reference, docs/regions.md)"));
            }
        }
        List<DistrictIndicator> readIndicators = indicators;
        List<Preschool> readPreschools = preschools;
        List<Catchment> catchments = attempt(() -> readCatchments(index, readPreschools, readIndicators), List.of());
        if (!problems.isEmpty()) {
            throw new RegionDataException(new ArrayList<>(problems));
        }
        return new RegionData(code, nameEn, nameZh, timeZone, source.describe(),
                HexFormat.of().formatHex(digest.digest()), districts, offices, preschools, indicators, catchments);
    }

    // ------------------------------------------------------------------ catchments

    /**
     * Catchments (the areas district-based teams cover), optional. Either a file, {@code catchments = <file>} with
     * {@code catchments.format} {@code unit-catchment} (header {@code unit,catchment}: a preschool code and its
     * catchment id, every preschool named once) or {@code district-catchment} (header {@code district,catchment}: every
     * preschool of the district, a district by code or name); or, while the list is not among the region's files,
     * {@code catchments.derive = <count>} (and optionally {@code catchments.derive.weight = <indicator key>}, the
     * district indicator the count is shared by; default: the number of preschools): SYNTHETIC catchments derived from
     * the preschools' coordinates ({@link CatchmentDerivation}). A file wins over {@code derive}.
     */
    private List<Catchment> readCatchments(DistrictIndex index, List<Preschool> preschools, List<DistrictIndicator> indicators)
            throws RegionDataException {
        String file = descriptor.getProperty("catchments");
        if (file != null && !file.isBlank()) {
            return readCatchmentFile(file.trim(), required("catchments.format"), index, preschools);
        }
        String derive = descriptor.getProperty("catchments.derive");
        if (derive == null || derive.isBlank()) {
            return List.of();
        }
        int count;
        try {
            count = Integer.parseInt(derive.trim());
        } catch (NumberFormatException e) {
            throw new RegionDataException(DESCRIPTOR, 0, "catchments.derive '" + derive.trim() + "' is not a whole number");
        }
        if (count < 1) {
            throw new RegionDataException(DESCRIPTOR, 0, "catchments.derive must be at least 1");
        }
        if (preschools.isEmpty()) {
            throw new RegionDataException(DESCRIPTOR, 0, "catchments.derive needs preschools to derive catchments from");
        }
        Map<String, Double> weights = new HashMap<>();
        String weight = descriptor.getProperty("catchments.derive.weight");
        if (weight != null && !weight.isBlank()) {
            for (DistrictIndicator i : indicators) {
                if (i.indicator().equals(weight.trim())) {
                    weights.put(i.district(), i.value());
                }
            }
            if (weights.isEmpty()) {
                throw new RegionDataException(DESCRIPTOR, 0, "catchments.derive.weight '" + weight.trim() + "' is not an indicator of the region");
            }
        }
        return CatchmentDerivation.derive(count, index.districts, preschools, weights);
    }

    private List<Catchment> readCatchmentFile(String file, String format, DistrictIndex index, List<Preschool> preschools)
            throws RegionDataException {
        boolean byUnit = switch (format) {
            case "unit-catchment" -> true;
            case "district-catchment" -> false;
            default -> throw new RegionDataException(DESCRIPTOR, 0, "catchments.format '" + format
                    + "' is not known (known: unit-catchment, district-catchment)");
        };
        Map<String, List<Preschool>> byDistrict = new HashMap<>();
        Map<String, Preschool> byCode = new HashMap<>();
        for (Preschool p : preschools) {
            byDistrict.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p);
            byCode.put(p.code(), p);
        }
        Map<String, String> result = new java.util.TreeMap<>();
        for (CSVRecord rec : csv(file, true)) {
            try {
                long line = rec.getRecordNumber() + 1;
                String catchment = limit(field(rec, "catchment", file), 64, file, line, "catchment");
                if (byUnit) {
                    String unit = field(rec, "unit", file);
                    if (!byCode.containsKey(unit)) {
                        throw new RegionDataException(file, line, "unit '" + unit + "' is not a preschool of the region");
                    }
                    if (result.put(unit, catchment) != null) {
                        throw new RegionDataException(file, line, "unit '" + unit + "' appears twice");
                    }
                } else {
                    District d = index.find(field(rec, "district", file));
                    if (d == null) {
                        throw new RegionDataException(file, line, "district '" + rec.get("district") + "' is not in the districts file");
                    }
                    for (Preschool p : byDistrict.getOrDefault(d.code(), List.of())) {
                        if (result.put(p.code(), catchment) != null) {
                            throw new RegionDataException(file, line, "district '" + d.code() + "' appears twice");
                        }
                    }
                }
            } catch (RegionDataException e) {
                note(e);
            }
        }
        for (Preschool p : preschools) {
            if (!result.containsKey(p.code())) {
                throw new RegionDataException(file, 0, "preschool " + p.code() + " (" + p.nameEn() + ") has no catchment");
            }
        }
        List<Catchment> catchments = new ArrayList<>();
        result.forEach((unit, c) -> catchments.add(new Catchment(unit, c, false)));
        return catchments;
    }

    // ------------------------------------------------------------------ districts

    /**
     * Format {@code districts.csv}: header {@code code,name_zh,name_en,parts}; {@code parts} is empty or
     * {@code code=description} pairs separated by ';' for a district split between offices.
     */
    private List<District> readDistricts(String file) throws RegionDataException {
        List<District> result = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (CSVRecord rec : csv(file, true)) {
            try {
                long line = rec.getRecordNumber() + 1;
                String code = field(rec, "code", file);
                if (!CODE.matcher(code).matches()) {
                    throw new RegionDataException(file, line, "district code '" + code + "' must be lower-case letters, digits and '-'");
                }
                if (!seen.add(code)) {
                    throw new RegionDataException(file, line, "district code '" + code + "' appears twice");
                }
                List<DistrictPart> parts = new ArrayList<>();
                String partsText = rec.isMapped("parts") ? rec.get("parts").trim() : "";
                if (!partsText.isEmpty()) {
                    for (String p : partsText.split(";")) {
                        int eq = p.indexOf('=');
                        if (eq <= 0) {
                            throw new RegionDataException(file, line, "part '" + p + "' must read code=description");
                        }
                        parts.add(new DistrictPart(p.substring(0, eq).trim(), p.substring(eq + 1).trim()));
                    }
                }
                result.add(new District(code, limit(field(rec, "name_zh", file), 200, file, line, "name_zh"),
                        limit(field(rec, "name_en", file), 200, file, line, "name_en"), parts));
            } catch (RegionDataException e) {
                note(e);
            }
        }
        if (result.isEmpty()) {
            throw new RegionDataException(file, 0, "no districts");
        }
        return result;
    }

    // ------------------------------------------------------------------ Kaohsiung's welfare centres

    /**
     * Format {@code kaohsiung-welfare-centres}: header
     * {@code centre,area,protection_station,longitude,latitude,districts}; districts by Chinese name separated
     * by ';', a part in brackets ({@code 鳳山區(國泰路以北41里)}). The descriptor maps each centre, area and
     * station to a code and an English name: {@code centre.<name> = code|English name},
     * {@code area.<name> = code|English name}, {@code station.<name> = code|Chinese name|English name}.
     * Yields one office per centre and one per protection station (serving the districts of its centres).
     */
    private List<Office> readWelfareCentres(String file, DistrictIndex index) throws RegionDataException {
        List<Office> centres = new ArrayList<>();
        Map<String, String[]> stations = new LinkedHashMap<>();
        Map<String, List<ServedArea>> stationAreas = new HashMap<>();
        Map<String, String> stationArea = new HashMap<>();
        Set<String> served = new TreeSet<>();
        for (CSVRecord rec : csv(file, true)) {
            try {
                long line = rec.getRecordNumber() + 1;
                String name = field(rec, "centre", file);
                String[] centre = mapping("centre." + name, 2, file, line);
                String areaName = field(rec, "area", file);
                String area = mapping("area." + areaName, 2, file, line)[0];
                String stationName = field(rec, "protection_station", file);
                String[] station = stations.get(stationName);
                if (station == null) {
                    station = mapping("station." + stationName, 3, file, line);
                    stations.put(stationName, station);
                    stationArea.put(station[0], area);
                }
                List<ServedArea> areas = new ArrayList<>();
                for (String d : field(rec, "districts", file).split(";")) {
                    ServedArea sa = servedArea(d.trim(), index, file, line);
                    areas.add(sa);
                    boolean conflict = !served.add(sa.district() + (sa.part() == null ? "" : ":" + sa.part()))
                            || (sa.part() == null ? served.stream().anyMatch(k -> k.startsWith(sa.district() + ":"))
                                    : served.contains(sa.district()));
                    if (conflict) {
                        throw new RegionDataException(file, line, "district '" + d.trim() + "' is already served by another centre");
                    }
                }
                stationAreas.computeIfAbsent(station[0], k -> new ArrayList<>()).addAll(areas);
                GeoPoint location = new GeoPoint(number(field(rec, "latitude", file), file, line),
                        number(field(rec, "longitude", file), file, line));
                limit(name, 200, file, line, "centre");
                limit(centre[1], 200, DESCRIPTOR, 0, "centre." + name);
                centres.add(new Office(centre[0], name, centre[1], OfficeType.WELFARE_SERVICE_CENTRE, area, station[0],
                        location, areas));
            } catch (RegionDataException e) {
                note(e);
            }
        }
        for (District d : index.districts) {
            boolean whole = served.contains(d.code());
            boolean allParts = !d.parts().isEmpty() && d.parts().stream().allMatch(p -> served.contains(d.code() + ":" + p.code()));
            if (!whole && !allParts) {
                note(new RegionDataException(file, 0, "district " + d.nameZh() + " (" + d.code() + ") is served by no centre"));
            }
        }
        List<Office> result = new ArrayList<>(centres);
        for (String[] s : stations.values()) {
            result.add(new Office(s[0], s[1], s[2], OfficeType.PROTECTION_STATION, stationArea.get(s[0]), null, null,
                    stationAreas.get(s[0])));
        }
        return result;
    }

    private ServedArea servedArea(String text, DistrictIndex index, String file, long line) throws RegionDataException {
        int colon = text.indexOf(':');
        if (colon > 0 && index.find(text) == null) {
            String districtName = text.substring(0, colon).trim();
            String partCode = text.substring(colon + 1).trim();
            District district = index.find(districtName);
            if (district == null) {
                throw new RegionDataException(file, line, "district '" + districtName + "' is not in the districts file");
            }
            for (DistrictPart p : district.parts()) {
                if (p.code().equals(partCode)) {
                    return new ServedArea(district.code(), p.code());
                }
            }
            throw new RegionDataException(file, line, "part '" + partCode + "' of " + districtName + " is not a part listed in the districts file");
        }
        Matcher m = SERVED.matcher(text);
        String districtName = m.matches() ? m.group(1).trim() : text;
        District district = index.find(districtName);
        if (district == null) {
            throw new RegionDataException(file, line, "district '" + districtName + "' is not in the districts file");
        }
        if (!m.matches()) {
            return new ServedArea(district.code(), null);
        }
        String description = m.group(2).trim();
        for (DistrictPart p : district.parts()) {
            if (p.description().equals(description) || p.code().equals(description)) {
                return new ServedArea(district.code(), p.code());
            }
        }
        throw new RegionDataException(file, line, "part '" + description + "' of " + districtName + " is not a part listed in the districts file");
    }

    // ------------------------------------------------------------------ case types

    /**
     * Format of {@code case-types}: header {@code code,name_zh,name_en,service_line}, one case type the region adds to
     * the defaults ({@link CaseType#DEFAULTS}) per row; {@code service_line} is one of {@link ServiceLine}'s names.
     */
    private List<CaseType> readCaseTypes(String file) throws RegionDataException {
        List<CaseType> result = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CSVRecord rec : csv(file, true)) {
            long line = rec.getRecordNumber() + 1;
            try {
                String code = field(rec, "code", file);
                if (!CODE.matcher(code).matches()) {
                    throw new RegionDataException(file, line, "case type code '" + code + "' must be lower-case letters, digits and '-'");
                }
                if (CaseType.DEFAULTS.stream().anyMatch(t -> t.code().equals(code))) {
                    throw new RegionDataException(file, line, "'" + code + "' is a default case type that every region has already");
                }
                if (seen.containsKey(code)) {
                    throw new RegionDataException(file, line, "case type '" + code + "' appears twice (first on line " + seen.get(code) + ")");
                }
                seen.put(code, line);
                String lineName = field(rec, "service_line", file);
                ServiceLine serviceLine;
                try {
                    serviceLine = ServiceLine.valueOf(lineName.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw new RegionDataException(file, line, "service_line '" + lineName + "' is not one of "
                            + java.util.Arrays.toString(ServiceLine.values()));
                }
                result.add(new CaseType(code, limit(field(rec, "name_zh", file), 200, file, line, "name_zh"),
                        limit(field(rec, "name_en", file), 200, file, line, "name_en"), serviceLine));
            } catch (RegionDataException e) {
                note(e);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ the generic offices format

    /**
     * Format {@code offices-csv}, for any region: header
     * {@code code,name_zh,name_en,type,parent,area,longitude,latitude,districts} ({@code parent}, {@code area},
     * {@code longitude} and {@code latitude} may be left out or empty), one office per row.
     * <ul>
     * <li>{@code code}: lower-case letters, digits and '-', unique; rules and cases name the office by it;</li>
     * <li>{@code type}: {@code welfare-service-centre}, {@code protection-station}, {@code family-service-centre} or
     * {@code other};</li>
     * <li>{@code parent}: the code of another office of the file (a centre's protection station), or empty;</li>
     * <li>{@code districts}: the districts or district parts served, separated by ';': a district by code, Chinese or
     * English name; a part as {@code district:part} (part code) or {@code 鳳山區(國泰路以北41里)} (the part's
     * description from the districts file); {@code *} for every district of the region.</li>
     * </ul>
     * Two offices of the same type may not serve the same district or part (so "the office of this type that serves
     * the district" is one office), and every district must be served by some office.
     */
    private List<Office> readOffices(String file, DistrictIndex index) throws RegionDataException {
        List<Office> result = new ArrayList<>();
        Map<String, Long> codes = new HashMap<>();
        Map<String, Long> parentLines = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        /** type -> district or district:part -> the office serving it */
        Map<OfficeType, Map<String, String>> servedByType = new EnumMap<>(OfficeType.class);
        Set<String> served = new TreeSet<>();
        for (CSVRecord rec : csv(file, true)) {
            long line = rec.getRecordNumber() + 1;
            try {
                String code = field(rec, "code", file);
                if (!CODE.matcher(code).matches()) {
                    throw new RegionDataException(file, line, "office code '" + code + "' must be lower-case letters, digits and '-'");
                }
                if (codes.containsKey(code)) {
                    throw new RegionDataException(file, line, "office code '" + code + "' appears twice (first on line " + codes.get(code) + ")");
                }
                codes.put(code, line);
                String nameZh = limit(field(rec, "name_zh", file), 200, file, line, "name_zh");
                String nameEn = limit(field(rec, "name_en", file), 200, file, line, "name_en");
                OfficeType type = officeType(field(rec, "type", file), file, line);
                String parent = optional(rec, "parent");
                if (parent != null) {
                    parents.put(code, parent);
                    parentLines.put(code, line);
                }
                String area = optional(rec, "area");
                if (area != null) {
                    limit(area, 64, file, line, "area");
                }
                String lon = optional(rec, "longitude");
                String lat = optional(rec, "latitude");
                GeoPoint location = null;
                if (lon != null || lat != null) {
                    if (lon == null || lat == null) {
                        throw new RegionDataException(file, line, "give both longitude and latitude, or neither");
                    }
                    location = new GeoPoint(number(lat, file, line), number(lon, file, line));
                    if (Math.abs(location.latitude()) > 90 || Math.abs(location.longitude()) > 180) {
                        throw new RegionDataException(file, line, "coordinates " + lon + ", " + lat + " are not a longitude and a latitude");
                    }
                }
                List<ServedArea> areas = new ArrayList<>();
                String districtsText = field(rec, "districts", file);
                if (districtsText.equals("*")) {
                    for (District d : index.districts) {
                        areas.add(new ServedArea(d.code(), null));
                    }
                } else {
                    for (String d : districtsText.split(";")) {
                        if (!d.isBlank()) {
                            areas.add(servedArea(d.trim(), index, file, line));
                        }
                    }
                }
                if (areas.stream().mapToInt(a -> a.district().length() + (a.part() == null ? 0 : a.part().length() + 1) + 1).sum() > 4000) {
                    throw new RegionDataException(file, line, "serves more districts than can be stored (4,000 characters of codes)");
                }
                Map<String, String> byType = servedByType.computeIfAbsent(type, t -> new HashMap<>());
                for (ServedArea sa : areas) {
                    String key = sa.district() + (sa.part() == null ? "" : ":" + sa.part());
                    String other = byType.get(key);
                    if (other == null && sa.part() == null) {
                        other = byType.entrySet().stream().filter(e -> e.getKey().startsWith(sa.district() + ":"))
                                .map(Map.Entry::getValue).findFirst().orElse(null);
                    } else if (other == null) {
                        other = byType.get(sa.district());
                    }
                    if (other != null) {
                        throw new RegionDataException(file, line, "'" + key + "' is already served by " + other
                                + ", another office of type " + typeName(type) + ": one office of a type serves a district or part");
                    }
                    byType.put(key, code);
                    served.add(key);
                }
                result.add(new Office(code, nameZh, nameEn, type, area, parent, location, areas));
            } catch (RegionDataException e) {
                note(e);
            }
        }
        for (Map.Entry<String, String> p : parents.entrySet()) {
            if (!codes.containsKey(p.getValue())) {
                note(new RegionDataException(file, parentLines.get(p.getKey()), "parent '" + p.getValue() + "' is not an office of this file"));
            } else if (p.getValue().equals(p.getKey())) {
                note(new RegionDataException(file, parentLines.get(p.getKey()), "an office cannot be its own parent"));
            }
        }
        for (District d : index.districts) {
            boolean whole = served.contains(d.code());
            boolean allParts = !d.parts().isEmpty() && d.parts().stream().allMatch(p -> served.contains(d.code() + ":" + p.code()));
            if (!whole && !allParts) {
                note(new RegionDataException(file, 0, "district " + d.nameZh() + " (" + d.code() + ") is served by no office"));
            }
        }
        if (result.isEmpty() && problems.isEmpty()) {
            throw new RegionDataException(file, 0, "no offices");
        }
        return result;
    }

    /** The type names of the generic format: the {@link OfficeType} names in lower case with '-'. */
    static String typeName(OfficeType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static OfficeType officeType(String text, String file, long line) throws RegionDataException {
        for (OfficeType t : OfficeType.values()) {
            if (typeName(t).equals(text.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return t;
            }
        }
        throw new RegionDataException(file, line, "type '" + text + "' is not known (known: "
                + java.util.Arrays.stream(OfficeType.values()).map(RegionDataReader::typeName).collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    private static String optional(CSVRecord rec, String column) {
        if (!rec.isMapped(column) || !rec.isSet(column)) {
            return null;
        }
        String v = rec.get(column).trim();
        return v.isEmpty() ? null : v;
    }

    // ------------------------------------------------------------------ Hong Kong's Education Bureau list

    /**
     * Format {@code edb-school-location}: the Education Bureau's "School Location and Information" CSV (UTF-8,
     * bilingual headers), one row per school session. Rows whose {@code SCHOOL LEVEL} is in
     * {@code preschools.levels} are kept; the school number without its last two digits identifies a school,
     * whose sessions are gathered; the first row of a school gives its name, district and coordinates.
     */
    private List<Preschool> readEdbSchools(String file, DistrictIndex index) throws RegionDataException {
        Set<String> levels = new TreeSet<>();
        for (String l : required("preschools.levels").split(",")) {
            levels.add(l.trim().toUpperCase(Locale.ROOT));
        }
        Map<String, Preschool> schools = new LinkedHashMap<>();
        Map<String, Set<PreschoolSession>> sessions = new HashMap<>();
        for (CSVRecord rec : csv(file, true)) {
            try {
                long line = rec.getRecordNumber() + 1;
                if (!levels.contains(field(rec, "SCHOOL LEVEL", file).toUpperCase(Locale.ROOT))) {
                    continue;
                }
                String number = field(rec, "SCHOOL NO.", file);
                if (number.length() < 3) {
                    throw new RegionDataException(file, line, "SCHOOL NO. '" + number + "' is too short");
                }
                String code = number.substring(0, number.length() - 2);
                PreschoolSession session = switch (field(rec, "SESSION", file).toUpperCase(Locale.ROOT)) {
                    case "A.M." -> PreschoolSession.AM;
                    case "P.M." -> PreschoolSession.PM;
                    case "WHOLE DAY" -> PreschoolSession.WHOLE_DAY;
                    default -> throw new RegionDataException(file, line, "SESSION '" + rec.get("SESSION") + "' is not A.M., P.M. or WHOLE DAY");
                };
                sessions.computeIfAbsent(code, k -> EnumSet.noneOf(PreschoolSession.class)).add(session);
                if (!schools.containsKey(code)) {
                    String districtName = field(rec, "DISTRICT", file);
                    District district = index.find(districtName);
                    if (district == null) {
                        throw new RegionDataException(file, line, "DISTRICT '" + districtName + "' is not in the districts file");
                    }
                    GeoPoint location = new GeoPoint(number(field(rec, "LATITUDE", file), file, line),
                            number(field(rec, "LONGITUDE", file), file, line));
                    schools.put(code, new Preschool(code, field(rec, "ENGLISH NAME", file), field(rec, "中文名稱", file),
                            district.code(), field(rec, "SCHOOL LEVEL", file), Set.of(session), location));
                }
            } catch (RegionDataException e) {
                note(e);
            }
        }
        List<Preschool> result = new ArrayList<>(schools.size());
        for (Preschool p : schools.values()) {
            result.add(new Preschool(p.code(), p.nameEn(), p.nameZh(), p.district(), p.category(), sessions.get(p.code()),
                    p.location()));
        }
        return result;
    }

    // ------------------------------------------------------------------ indicators

    /**
     * Two formats. {@code district-table}: a statistical table as published (for example by Hong Kong's Census
     * and Statistics Department), with header rows above one row per district; the district is the first cell
     * of a row that names a district (footnote marks such as "(1)" ignored); the value column is the one whose
     * header cells include every text of {@code columns} (separated by '|'); numbers may use spaces or commas
     * as thousands separators; rows naming no district (totals, notes) are skipped. Every district must have
     * a value. {@code indicators-csv}: header {@code district,indicator,value,unit,period,source}, any number
     * of indicators, for data a region adds without code.
     */
    private List<DistrictIndicator> readIndicators(String prefix, DistrictIndex index) throws RegionDataException {
        String file = required(prefix + "file");
        String format = required(prefix + "format");
        if ("indicators-csv".equals(format)) {
            List<DistrictIndicator> result = new ArrayList<>();
            for (CSVRecord rec : csv(file, true)) {
                try {
                    long line = rec.getRecordNumber() + 1;
                    District d = index.find(field(rec, "district", file));
                    if (d == null) {
                        throw new RegionDataException(file, line, "district '" + rec.get("district") + "' is not in the districts file");
                    }
                    result.add(new DistrictIndicator(d.code(), limit(field(rec, "indicator", file), 100, file, line, "indicator"),
                            number(field(rec, "value", file), file, line), limit(rec.get("unit"), 40, file, line, "unit"),
                            limit(rec.get("period"), 40, file, line, "period"), limit(rec.get("source"), 500, file, line, "source")));
                } catch (RegionDataException e) {
                    note(e);
                }
            }
            return result;
        }
        if (!"district-table".equals(format)) {
            throw new RegionDataException(DESCRIPTOR, 0, prefix + "format '" + format + "' is not known (known: district-table, indicators-csv)");
        }
        List<String> wanted = new ArrayList<>();
        for (String c : required(prefix + "columns").split("\\|")) {
            wanted.add(c.trim().toLowerCase(Locale.ROOT));
        }
        List<CSVRecord> rows = csv(file, false);
        List<CSVRecord> header = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        int column = -1;
        for (CSVRecord rec : rows) {
            long line = rec.getRecordNumber();
            District district = null;
            for (String cell : rec) {
                if (!cell.isBlank()) {
                    district = index.find(FOOTNOTE.matcher(cell).replaceAll("").trim());
                    if (district != null) {
                        break;
                    }
                }
            }
            if (district == null) {
                if (values.isEmpty()) {
                    header.add(rec);
                }
                continue;
            }
            if (column < 0) {
                column = findColumn(header, wanted, file, line);
            }
            try {
                if (column >= rec.size() || rec.get(column).isBlank()) {
                    throw new RegionDataException(file, line, "no value for district " + district.code());
                }
                if (values.put(district.code(), number(rec.get(column), file, line)) != null) {
                    throw new RegionDataException(file, line, "district " + district.code() + " appears twice");
                }
            } catch (RegionDataException e) {
                note(e);
                values.putIfAbsent(district.code(), Double.NaN); // noted; not reported again as missing
            }
        }
        List<DistrictIndicator> result = new ArrayList<>();
        for (District d : index.districts) {
            Double v = values.get(d.code());
            if (v == null) {
                throw new RegionDataException(file, 0, "no row for district " + d.nameEn() + " (" + d.code() + ")");
            }
            result.add(new DistrictIndicator(d.code(), limit(required(prefix + "key"), 100, DESCRIPTOR, 0, prefix + "key"), v,
                    limit(descriptor.getProperty(prefix + "unit"), 40, DESCRIPTOR, 0, prefix + "unit"),
                    limit(descriptor.getProperty(prefix + "period"), 40, DESCRIPTOR, 0, prefix + "period"),
                    limit(descriptor.getProperty(prefix + "source"), 500, DESCRIPTOR, 0, prefix + "source")));
        }
        return result;
    }

    private static int findColumn(List<CSVRecord> header, List<String> wanted, String file, long line) throws RegionDataException {
        int width = header.stream().mapToInt(CSVRecord::size).max().orElse(0);
        for (int c = 0; c < width; c++) {
            Set<String> texts = new TreeSet<>();
            for (CSVRecord h : header) {
                if (c < h.size()) {
                    texts.add(h.get(c).trim().toLowerCase(Locale.ROOT));
                }
            }
            if (texts.containsAll(wanted)) {
                return c;
            }
        }
        throw new RegionDataException(file, line, "no column headed " + String.join(" + ", wanted) + " above the first district row");
    }

    // ------------------------------------------------------------------ helpers

    private byte[] bytes(String name) throws RegionDataException {
        try (InputStream in = source.open(name)) {
            byte[] data = in.readAllBytes();
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(data);
            return data;
        } catch (IOException e) {
            throw new RegionDataException(name, 0, "cannot read (" + e.getMessage() + ") from " + source.describe());
        }
    }

    private List<CSVRecord> csv(String file, boolean withHeader) throws RegionDataException {
        byte[] data = bytes(file);
        int start = data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF ? 3 : 0;
        CSVFormat format = withHeader
                ? CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                : CSVFormat.DEFAULT;
        try (CSVParser parser = CSVParser.parse(new String(data, start, data.length - start, StandardCharsets.UTF_8), format)) {
            return parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RegionDataException(file, 0, "not a valid CSV file: " + e.getMessage());
        }
    }

    private String required(String key) throws RegionDataException {
        String v = descriptor.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new RegionDataException(DESCRIPTOR, 0, "missing key '" + key + "'");
        }
        return v.trim();
    }

    private String[] mapping(String key, int parts, String file, long line) throws RegionDataException {
        String v = descriptor.getProperty(key);
        if (v == null) {
            throw new RegionDataException(file, line, "'" + key.substring(key.indexOf('.') + 1) + "' has no entry '" + key
                    + " = ...' in " + DESCRIPTOR);
        }
        String[] p = v.split("\\|");
        if (p.length != parts) {
            throw new RegionDataException(DESCRIPTOR, 0, "'" + key + "' must have " + parts + " parts separated by '|'");
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i].trim();
        }
        return p;
    }

    private static String field(CSVRecord rec, String column, String file) throws RegionDataException {
        if (!rec.isMapped(column)) {
            throw new RegionDataException(file, 1, "no column '" + column + "'");
        }
        if (!rec.isSet(column)) {
            throw new RegionDataException(file, rec.getRecordNumber() + 1, "the row has no '" + column + "' field");
        }
        String v = rec.get(column).trim();
        if (v.isEmpty()) {
            throw new RegionDataException(file, rec.getRecordNumber() + 1, "'" + column + "' is empty");
        }
        return v;
    }

    /** The database keeps at most {@code max} characters of this field: refuse longer text here, with its line. */
    private static String limit(String text, int max, String file, long line, String field) throws RegionDataException {
        if (text != null && text.length() > max) {
            throw new RegionDataException(file, line, "'" + field + "' is longer than " + max + " characters");
        }
        return text;
    }

    /** Spaces, no-break spaces and commas are thousands separators; the decimal mark is '.'. */
    private static double number(String text, String file, long line) throws RegionDataException {
        try {
            return Double.parseDouble(text.replace(" ", "").replace(",", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            throw new RegionDataException(file, line, "'" + text + "' is not a number");
        }
    }

    /** Finds a district by code, Chinese name or English name (case and " District" suffix ignored). */
    static final class DistrictIndex {
        final List<District> districts;
        private final Map<String, District> byKey = new HashMap<>();

        DistrictIndex(List<District> districts) {
            this.districts = districts;
            for (District d : districts) {
                byKey.put(d.code(), d);
                byKey.put(d.nameZh(), d);
                byKey.put(normalise(d.nameEn()), d);
            }
        }

        District find(String name) {
            District d = byKey.get(name);
            return d != null ? d : byKey.get(normalise(name));
        }

        static String normalise(String name) {
            String n = name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\s+", " ").trim();
            return n.endsWith(" district") ? n.substring(0, n.length() - " district".length()) : n;
        }
    }
}
