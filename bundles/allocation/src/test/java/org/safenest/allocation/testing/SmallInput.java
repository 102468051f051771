package org.safenest.allocation.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safenest.allocation.internal.AllocationSettings;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Operator;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.allocation.TeamSize;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.GeoPoint;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.PreschoolSession;

/**
 * Small hand-made inputs for tests: units placed on a grid of kilometres (x east, y north of a fixed origin in Hong
 * Kong), teams and indicators named in the test. All of it is test data, marked synthetic.
 */
public final class SmallInput {

    /** Origin of the grid. */
    public static final GeoPoint ORIGIN = new GeoPoint(22.3, 114.1);

    private final List<AllocationUnit> units = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<DistrictIndicator> indicators = new ArrayList<>();
    private final Map<String, String> catchments = new LinkedHashMap<>();
    private Staffing staffing = AllocationSettings.DEFAULT_STAFFING;

    public static SmallInput create() {
        return new SmallInput();
    }

    /** A point {@code xKm} east and {@code yKm} north of the origin. */
    public static GeoPoint at(double xKm, double yKm) {
        double lat = ORIGIN.latitude() + yKm / 111.195;
        double lon = ORIGIN.longitude() + xKm / (111.195 * Math.cos(Math.toRadians(ORIGIN.latitude())));
        return new GeoPoint(lat, lon);
    }

    /** A unit at (x, y) km with pupils and cases in service. */
    public SmallInput unit(String code, String district, double xKm, double yKm, int pupils, int cases) {
        Preschool p = new Preschool(code, "Test unit " + code, "測試 " + code, district, "KINDERGARTEN", Set.of(PreschoolSession.AM),
                at(xKm, yKm));
        units.add(new AllocationUnit(p, pupils, cases, true));
        return this;
    }

    /** A current team based at its first unit. */
    public SmallInput team(String id, TeamKind kind, List<String> operators, String... unitCodes) {
        GeoPoint base = units.stream().filter(u -> u.code().equals(unitCodes[0])).findFirst().orElseThrow().preschool().location();
        teams.add(new Team(id, operators, kind, List.of(unitCodes), base));
        return this;
    }

    /** A current team based at (x, y) km. */
    public SmallInput teamAt(String id, TeamKind kind, List<String> operators, double xKm, double yKm, String... unitCodes) {
        teams.add(new Team(id, operators, kind, List.of(unitCodes), at(xKm, yKm)));
        return this;
    }

    public SmallInput indicator(String district, String indicator, double value) {
        indicators.add(new DistrictIndicator(district, indicator, value, "test", "2024", "test data"));
        return this;
    }

    public SmallInput catchment(String unit, String catchment) {
        catchments.put(unit, catchment);
        return this;
    }

    /** Staffing with small teams: full teams of {@code fullUnits} units and {@code fullWorkers} workers, half teams half. */
    public SmallInput staffing(int pupilsPerWorker, int fullUnits, int fullWorkers) {
        staffing = new Staffing(pupilsPerWorker, new TeamSize(fullUnits, fullWorkers, 1), new TeamSize(fullUnits / 2, fullWorkers / 2, 0.5));
        return this;
    }

    public AllocationInput build() {
        Set<String> ops = new LinkedHashSet<>();
        teams.forEach(t -> ops.addAll(t.operators()));
        List<Operator> operators = ops.stream().map(o -> new Operator(o, "Test operator " + o, true)).toList();
        return new AllocationInput("test", units, operators, teams, staffing, indicators, catchments, true);
    }
}
