package org.safenest.allocation.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;

/** Look-ups over one input: units by code, the current team and operators of each unit, units by district. */
public final class AllocationIndex {

    private final AllocationInput input;
    private final Map<String, AllocationUnit> units = new LinkedHashMap<>();
    private final Map<String, Team> currentTeam = new LinkedHashMap<>();
    private final Map<String, List<AllocationUnit>> byDistrict = new TreeMap<>();

    public AllocationIndex(AllocationInput input) {
        this.input = input;
        for (AllocationUnit u : input.units()) {
            units.put(u.code(), u);
            byDistrict.computeIfAbsent(u.preschool().district(), d -> new ArrayList<>()).add(u);
        }
        for (Team t : input.currentTeams()) {
            for (String code : t.units()) {
                if (units.containsKey(code)) {
                    currentTeam.put(code, t);
                }
            }
        }
    }

    public AllocationInput input() {
        return input;
    }

    /** The unit with this code; {@link IllegalArgumentException} for a code not in the input. */
    public AllocationUnit unit(String code) {
        AllocationUnit u = units.get(code);
        if (u == null) {
            throw new IllegalArgumentException("no unit " + code + " in the input");
        }
        return u;
    }

    public boolean has(String code) {
        return units.containsKey(code);
    }

    /** The units of the given codes, in that order; codes not in the input are skipped. */
    public List<AllocationUnit> units(List<String> codes) {
        List<AllocationUnit> result = new ArrayList<>(codes.size());
        for (String c : codes) {
            AllocationUnit u = units.get(c);
            if (u != null) {
                result.add(u);
            }
        }
        return result;
    }

    /** The team serving the unit now, or null when it is unserved now. */
    public Team currentTeam(String unit) {
        return currentTeam.get(unit);
    }

    /** The operators serving the unit now (empty when unserved now). */
    public List<String> currentOperators(String unit) {
        Team t = currentTeam.get(unit);
        return t == null ? List.of() : t.operators();
    }

    public boolean servedNow(String unit) {
        return currentTeam.containsKey(unit);
    }

    /** Units not served by any current team, in input order. */
    public List<AllocationUnit> unservedNow() {
        List<AllocationUnit> result = new ArrayList<>();
        for (AllocationUnit u : units.values()) {
            if (!currentTeam.containsKey(u.code())) {
                result.add(u);
            }
        }
        return result;
    }

    /** Units by district code, districts in code order, units in input order. */
    public Map<String, List<AllocationUnit>> byDistrict() {
        return Collections.unmodifiableMap(byDistrict);
    }

    /** Sum of the pupils of the units. */
    public static int pupils(List<AllocationUnit> units) {
        int sum = 0;
        for (AllocationUnit u : units) {
            sum += u.pupils();
        }
        return sum;
    }

    /** Codes of the units, in order. */
    public static List<String> codes(List<AllocationUnit> units) {
        List<String> result = new ArrayList<>(units.size());
        for (AllocationUnit u : units) {
            result.add(u.code());
        }
        return result;
    }
}
