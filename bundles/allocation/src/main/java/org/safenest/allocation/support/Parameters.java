package org.safenest.allocation.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;

/**
 * A strategy's parameters as given, checked against those it declares. A declared key ending in {@code .*} accepts
 * any key with that prefix ({@code weight.*}). Missing parameters take the declared default. Errors name the field
 * as {@code parameters.<key>} and are {@link InvalidInputException}s (400).
 */
public final class Parameters {

    private final String strategy;
    private final Map<String, StrategyParameter> declared = new TreeMap<>();
    private final Map<String, String> given;

    public Parameters(String strategy, List<StrategyParameter> declared, Map<String, String> given) {
        this.strategy = strategy;
        for (StrategyParameter p : declared) {
            this.declared.put(p.key(), p);
        }
        this.given = given == null ? Map.of() : Map.copyOf(given);
        List<FieldError> errors = new ArrayList<>();
        for (String key : new TreeMap<>(this.given).keySet()) {
            if (!isDeclared(key)) {
                errors.add(new FieldError("parameters." + key, "unknown",
                        "Strategy '" + strategy + "' has no parameter '" + key + "' (it has: " + String.join(", ", this.declared.keySet()) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private boolean isDeclared(String key) {
        if (declared.containsKey(key)) {
            return true;
        }
        for (String d : declared.keySet()) {
            if (d.endsWith(".*") && key.startsWith(d.substring(0, d.length() - 1)) && key.length() > d.length() - 1) {
                return true;
            }
        }
        return false;
    }

    /** The given keys that start with a prefix, with their values (for {@code weight.*}). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        given.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k, v);
            }
        });
        return result;
    }

    /** The value given, else the declared default (null when neither). */
    public String string(String key) {
        String v = given.get(key);
        if (v != null && !v.isBlank()) {
            return v.trim();
        }
        StrategyParameter p = declared.get(key);
        return p == null ? null : p.defaultValue();
    }

    public double number(String key, double min, double max) {
        String v = string(key);
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || d < min || d > max) {
                throw invalid(key, "out-of-range", "Parameter '" + key + "' of strategy '" + strategy + "' must be between "
                        + fmt(min) + " and " + fmt(max));
            }
            return d;
        } catch (NumberFormatException | NullPointerException e) {
            throw invalid(key, "not-a-number", "Parameter '" + key + "' of strategy '" + strategy + "' must be a number");
        }
    }

    public int integer(String key, int min, int max) {
        String v = string(key);
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw invalid(key, "out-of-range", "Parameter '" + key + "' of strategy '" + strategy + "' must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw invalid(key, "not-an-integer", "Parameter '" + key + "' of strategy '" + strategy + "' must be a whole number");
        }
    }

    public boolean flag(String key) {
        String v = string(key);
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw invalid(key, "not-a-boolean", "Parameter '" + key + "' of strategy '" + strategy + "' must be true or false");
    }

    public String choice(String key, Set<String> allowed) {
        String v = string(key);
        if (v == null || !allowed.contains(v)) {
            throw invalid(key, "unknown-value", "Parameter '" + key + "' of strategy '" + strategy + "' must be one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return v;
    }

    /** An error for one parameter. */
    public InvalidInputException invalid(String key, String code, String message) {
        return new InvalidInputException("parameters." + key, code, message);
    }

    /** The parameters as given. */
    public Map<String, String> given() {
        return given;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
