package org.safenest.intake.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What intake does with personal data found in a report's free text, per region (configuration PID
 * {@code org.safenest.intake}: {@code personal-data = refuse|warn} for every region, {@code <region>.personal-data}
 * for one). Refuse is the default, and an unknown word counts as refuse.
 */
record PersonalDataPolicy(Mode fallback, Map<String, Mode> regions) {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataPolicy.class);
    static final String KEY = "personal-data";

    enum Mode {
        /** 400 invalid-input naming each field that carries personal data. */
        REFUSE,
        /** The report is recorded; its receipt carries the findings as warnings. */
        WARN
    }

    static final PersonalDataPolicy DEFAULT = new PersonalDataPolicy(Mode.REFUSE, Map.of());

    Mode of(String region) {
        return regions.getOrDefault(region, fallback);
    }

    static PersonalDataPolicy parse(Map<String, ?> config) {
        if (config == null) {
            return DEFAULT;
        }
        Mode fallback = Mode.REFUSE;
        Map<String, Mode> regions = new HashMap<>();
        for (Map.Entry<String, ?> e : config.entrySet()) {
            String key = e.getKey();
            if (key.equals(KEY)) {
                fallback = mode(key, e.getValue());
            } else if (key.endsWith("." + KEY)) {
                regions.put(key.substring(0, key.length() - KEY.length() - 1), mode(key, e.getValue()));
            }
        }
        return new PersonalDataPolicy(fallback, Map.copyOf(regions));
    }

    private static Mode mode(String key, Object value) {
        String v = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (v.equals("warn")) {
            return Mode.WARN;
        }
        if (!v.equals("refuse")) {
            LOG.error("org.safenest.intake: {} = {} is neither refuse nor warn; personal data is refused", key, v);
        }
        return Mode.REFUSE;
    }
}
