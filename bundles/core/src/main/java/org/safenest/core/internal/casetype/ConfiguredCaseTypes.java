package org.safenest.core.internal.casetype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.region.RegionService;
import org.safenest.core.internal.region.RegionCaseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case types of each region: {@link CaseType#DEFAULTS}, then the types the region's own files add
 * ({@code case-types} in region.properties, see docs/regions.md), then those added in
 * {@code etc/org.safenest.casetypes.cfg} (a code the region's files define already is not added twice), one line each:
 * {@code <region>.<code> = <Chinese name>|<English name>|<SERVICE_LINE>}, for example
 * {@code kaohsiung.child-drug = 兒少毒品|Child and youth drug-related|CHILD_PROTECTION}. Changes apply
 * without a restart; a wrong line is logged and skipped, the others still apply.
 */
@Component(configurationPid = ConfiguredCaseTypes.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ConfiguredCaseTypes implements CaseTypeCatalogue {

    public static final String PID = "org.safenest.casetypes";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredCaseTypes.class);
    private static final Pattern KEY = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.([a-z0-9][a-z0-9-]{0,63})");

    private final RegionService regions;
    private final RegionCaseTypes regionFiles;
    private volatile Map<String, List<CaseType>> extra = Map.of();

    @Activate
    public ConfiguredCaseTypes(@Reference RegionService regions, @Reference RegionCaseTypes regionFiles, Map<String, Object> config) {
        this.regions = regions;
        this.regionFiles = regionFiles;
        modified(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        this.extra = parse(config);
    }

    /** Reads the configured types; package-visible for tests. */
    static Map<String, List<CaseType>> parse(Map<String, Object> config) {
        Map<String, List<CaseType>> result = new TreeMap<>();
        Map<String, Object> sorted = new TreeMap<>(config);
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.") || key.startsWith("osgi.")) {
                continue;
            }
            var m = KEY.matcher(key);
            String[] parts = String.valueOf(e.getValue()).split("\\|");
            if (!m.matches() || parts.length != 3) {
                LOG.error("{}: '{}' is not '<region>.<code> = <Chinese name>|<English name>|<SERVICE_LINE>'; skipped", PID, key);
                continue;
            }
            ServiceLine line;
            try {
                line = ServiceLine.valueOf(parts[2].trim());
            } catch (IllegalArgumentException ex) {
                LOG.error("{}: '{}' names service line '{}', not one of {}; skipped", PID, key, parts[2].trim(),
                        java.util.Arrays.toString(ServiceLine.values()));
                continue;
            }
            String code = m.group(2);
            if (CaseType.DEFAULTS.stream().anyMatch(t -> t.code().equals(code))) {
                LOG.error("{}: '{}' redefines the default case type '{}'; skipped", PID, key, code);
                continue;
            }
            result.computeIfAbsent(m.group(1), r -> new ArrayList<>()).add(new CaseType(code, parts[0].trim(), parts[1].trim(), line));
        }
        Map<String, List<CaseType>> frozen = new LinkedHashMap<>();
        result.forEach((r, list) -> frozen.put(r, Collections.unmodifiableList(list)));
        return frozen;
    }

    @Override
    public List<CaseType> caseTypes(String region) {
        regions.require(region);
        List<CaseType> all = new ArrayList<>(CaseType.DEFAULTS);
        all.addAll(regionFiles.caseTypes(region));
        for (CaseType t : extra.getOrDefault(region, List.of())) {
            if (all.stream().noneMatch(a -> a.code().equals(t.code()))) {
                all.add(t);
            }
        }
        return all;
    }

    @Override
    public Optional<CaseType> caseType(String region, String code) {
        return caseTypes(region).stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
