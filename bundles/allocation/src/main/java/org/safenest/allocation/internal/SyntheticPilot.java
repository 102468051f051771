package org.safenest.allocation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.safenest.allocation.support.Geography;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Operator;
import org.safenest.api.allocation.Staffing;
import org.safenest.api.allocation.Team;
import org.safenest.api.allocation.TeamKind;
import org.safenest.api.region.GeoPoint;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.PreschoolSession;

/**
 * SYNTHETIC data for a region whose pupil numbers, cases and current assignment are not public (Hong Kong): pupils
 * per unit, the operators, the pilot's teams and the cases in service, generated deterministically (a fixed seed; the
 * same preschools always give the same data) and calibrated on the pilot's published figures.
 *
 * <ul>
 * <li>Pupils: a log-normal size per unit, larger for units that run whole-day sessions and for those that run
 * several sessions, scaled so that the region's total is exactly {@link Figures#pupils()} (113,204 for Hong Kong).
 * <li>Teams: {@link Figures#fullTeams()} full and {@link Figures#halfTeams()} half teams (35 and 22), each grown
 * around a seed unit from the nearest units still free, preferring its own district: mostly local, a few spanning
 * districts at their edges; and some consortium teams formed as alliances of two distant groups of units. 35 x 16 +
 * 22 x 8 = 736 units served.
 * <li>Operators: {@link Figures#operators()} (41), named "Synthetic operator NN"; {@link Figures#consortia()} (17) of
 * the teams are run jointly by two or three of them; four operators run two half teams each, as HKCSS's proposal A
 * expects.
 * <li>Cases in service: {@link Figures#cases()} (about 15,000) spread over the served units in proportion to their
 * pupils with noise; unserved units have none.
 * </ul>
 */
public final class SyntheticPilot {

    /**
     * The published figures the data is calibrated on.
     *
     * @param referenceUnits     the number of units the figures are for (Hong Kong: 1,040 kindergartens); other
     *                           numbers of units scale pupils, teams and cases in proportion
     * @param pupils             total pupils
     * @param operators          operators (NGOs)
     * @param fullTeams          full teams
     * @param halfTeams          half teams
     * @param consortia          teams run by several operators
     * @param consortiumHalfTeams of which half teams
     * @param spanningAlliances  consortium teams formed from two distant groups of units
     * @param cases              cases in service
     * @param seed               the fixed seed
     */
    public record Figures(int referenceUnits, int pupils, int operators, int fullTeams, int halfTeams, int consortia,
            int consortiumHalfTeams, int spanningAlliances, int cases, long seed) {

        /** The 2018/19 pilot as the HKCSS paper (2022-10-07) reports it. */
        public static final Figures HONG_KONG_PILOT = new Figures(1040, 113_204, 41, 35, 22, 17, 10, 6, 15_000, 20181001L);

        /** These figures for a region of {@code units} units: counts scale in proportion. */
        public Figures scaledTo(int units) {
            if (units == referenceUnits) {
                return this;
            }
            double f = (double) units / referenceUnits;
            int full = (int) Math.round(fullTeams * f);
            int half = (int) Math.round(halfTeams * f);
            int teams = full + half;
            return new Figures(units, (int) Math.round(pupils * f), Math.max(1, Math.min(teams, (int) Math.round(operators * f))),
                    full, half, Math.min(teams, (int) Math.round(consortia * f)), Math.min(half, (int) Math.round(consortiumHalfTeams * f)),
                    Math.min(teams, (int) Math.round(spanningAlliances * f)), (int) Math.round(cases * f), seed);
        }
    }

    /** The generated data. Every record in it is marked synthetic. */
    public record Result(List<AllocationUnit> units, List<Operator> operators, List<Team> teams) {
    }

    /** The id prefix of the pilot's teams. */
    public static final String TEAM_PREFIX = "pilot-";

    private SyntheticPilot() {
    }

    /** Generates the data for these preschools (in any order: they are sorted by code first). */
    public static Result generate(List<Preschool> preschools, Staffing staffing, Figures figures) {
        List<Preschool> sorted = new ArrayList<>(preschools);
        sorted.sort(Comparator.comparing(Preschool::code));
        if (sorted.isEmpty()) {
            return new Result(List.of(), List.of(), List.of());
        }
        Figures f = figures.scaledTo(sorted.size());
        Random random = new Random(f.seed());
        int[] pupils = pupils(sorted, f.pupils(), random);

        List<Operator> operators = new ArrayList<>();
        for (int i = 1; i <= f.operators(); i++) {
            operators.add(new Operator(operatorId(i), String.format("Synthetic operator %02d", i), true));
        }
        List<TeamSpec> specs = specs(f, staffing, sorted.size());
        List<Team> teams = form(sorted, specs, staffing, random);

        Set<String> served = new HashSet<>();
        for (Team t : teams) {
            served.addAll(t.units());
        }
        int[] cases = cases(sorted, pupils, served, f.cases(), random);
        List<AllocationUnit> units = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            units.add(new AllocationUnit(sorted.get(i), pupils[i], cases[i], true));
        }
        return new Result(units, operators, teams);
    }

    static String operatorId(int i) {
        return String.format("op-%02d", i);
    }

    /** Pupils per unit: at least 10, adding up to {@code total} exactly (largest remainder). */
    static int[] pupils(List<Preschool> units, int total, Random random) {
        int n = units.size();
        int minimum = Math.min(10, total / n);
        double[] weight = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Set<PreschoolSession> s = units.get(i).sessions();
            double factor = s.contains(PreschoolSession.WHOLE_DAY) ? (s.size() > 1 ? 2.0 : 1.6) : (s.size() > 1 ? 1.1 : 0.6);
            weight[i] = factor * Math.exp(0.45 * random.nextGaussian());
            sum += weight[i];
        }
        return apportion(weight, sum, total - minimum * n, minimum);
    }

    /** Cases in service per unit: none at unserved units, {@code total} over the served ones by pupils with noise. */
    static int[] cases(List<Preschool> units, int[] pupils, Set<String> served, int total, Random random) {
        int n = units.size();
        double[] weight = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double noise = 0.5 + random.nextDouble();
            if (served.contains(units.get(i).code())) {
                weight[i] = pupils[i] * noise;
                sum += weight[i];
            }
        }
        return apportion(weight, sum, sum == 0 ? 0 : total, 0);
    }

    private static int[] apportion(double[] weight, double sum, int amount, int minimum) {
        int n = weight.length;
        int[] result = new int[n];
        double[] remainder = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = sum == 0 ? 0 : amount * weight[i] / sum;
            result[i] = (int) Math.floor(exact);
            remainder[i] = exact - result[i];
            given += result[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> remainder[b] != remainder[a] ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int k = 0; given < amount; k++, given++) {
            result[order[k % n]]++;
        }
        for (int i = 0; i < n; i++) {
            result[i] += minimum;
        }
        return result;
    }

    /** What each team is: its kind, its operators, whether it is an alliance of two distant groups. */
    record TeamSpec(TeamKind kind, List<String> operators, boolean spanning, int sameOperatorAs) {
    }

    /**
     * The teams to form. Single-operator teams: operators 1.. run one full team each, some run two; the four after
     * them run two half teams each; the first few also run a half team. Consortia of two or three operators take the
     * rest, with the operators that run no team of their own among them.
     */
    static List<TeamSpec> specs(Figures f, Staffing staffing, int unitCount) {
        int singleFull = f.fullTeams() - (f.consortia() - f.consortiumHalfTeams());
        int singleHalf = f.halfTeams() - f.consortiumHalfTeams();
        int consortia = f.consortia();
        int ops = f.operators();
        List<TeamSpec> specs = new ArrayList<>();
        // operators that run two half teams of their own (HKCSS proposal A combines them)
        int pairedHalf = Math.min(4, singleHalf / 2);
        int next = 1;
        List<String> singleOperators = new ArrayList<>();
        // operators running only consortium teams: the last third of the operators
        int consortiumOnly = consortia == 0 ? 0 : Math.min(ops - 1, Math.max(1, ops / 3));
        int ownTeamOperators = Math.max(1, ops - consortiumOnly);
        for (int i = 0; i < pairedHalf; i++) {
            String op = operatorId(ownTeamOperators - i);
            specs.add(new TeamSpec(TeamKind.HALF, List.of(op), false, -1));
            specs.add(new TeamSpec(TeamKind.HALF, List.of(op), false, specs.size() - 1));
        }
        int fullOperators = Math.max(1, ownTeamOperators - pairedHalf);
        for (int i = 0; i < singleFull; i++) {
            int index = i < fullOperators ? i : i - fullOperators;
            String op = operatorId(next + index % fullOperators);
            int previous = -1;
            if (i >= fullOperators) {
                for (int s = 0; s < specs.size(); s++) {
                    if (specs.get(s).operators().equals(List.of(op))) {
                        previous = s;
                    }
                }
            }
            specs.add(new TeamSpec(TeamKind.FULL, List.of(op), false, previous));
            singleOperators.add(op);
        }
        for (int i = 0; i < singleHalf - 2 * pairedHalf; i++) {
            String op = operatorId(1 + (4 + i) % fullOperators);
            int previous = -1;
            for (int s = 0; s < specs.size(); s++) {
                if (specs.get(s).operators().equals(List.of(op))) {
                    previous = s;
                }
            }
            specs.add(new TeamSpec(TeamKind.HALF, List.of(op), false, previous));
        }
        int spanning = 0;
        for (int c = 0; c < consortia; c++) {
            TeamKind kind = c < f.consortiumHalfTeams() ? TeamKind.HALF : TeamKind.FULL;
            Set<String> members = new LinkedHashSet<>();
            if (consortiumOnly > 0) {
                members.add(operatorId(ownTeamOperators + 1 + c % consortiumOnly));
                members.add(operatorId(ownTeamOperators + 1 + (c + 5) % consortiumOnly));
            }
            members.add(operatorId(1 + (c * 3) % ownTeamOperators));
            if (c % 3 == 0 && ownTeamOperators > 1) {
                members.add(operatorId(1 + (c * 3 + 7) % ownTeamOperators));
            }
            if (members.size() < 2 && ops > 1) {
                members.add(operatorId(1 + (c + 1) % ops));
            }
            boolean span = c % 3 == 1 && spanning < f.spanningAlliances();
            if (span) {
                spanning++;
            }
            specs.add(new TeamSpec(kind, List.copyOf(members), span, -1));
        }
        // never more units than there are
        int capacity = 0;
        List<TeamSpec> fitting = new ArrayList<>();
        for (TeamSpec s : specs) {
            int size = staffing.size(s.kind()).units();
            if (capacity + size <= unitCount) {
                fitting.add(s);
                capacity += size;
            }
        }
        return fitting;
    }

    /** Grows the teams one by one in a shuffled order, each around a seed unit, from the units still free. */
    static List<Team> form(List<Preschool> preschools, List<TeamSpec> specs, Staffing staffing, Random random) {
        List<Preschool> free = new ArrayList<>(preschools);
        Team[] teams = new Team[specs.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            order.add(i);
        }
        // an operator's second team is formed after its first, next to it
        java.util.Collections.shuffle(order, random);
        order.sort(Comparator.comparingInt(i -> specs.get(i).sameOperatorAs() < 0 ? 0 : 1));
        for (int i : order) {
            TeamSpec spec = specs.get(i);
            int size = staffing.size(spec.kind()).units();
            List<Preschool> members = new ArrayList<>();
            Preschool seed;
            if (spec.sameOperatorAs() >= 0 && teams[spec.sameOperatorAs()] != null) {
                seed = nearest(free, teams[spec.sameOperatorAs()].base());
            } else {
                seed = free.get(random.nextInt(free.size()));
            }
            if (spec.spanning()) {
                int first = size / 2;
                members.addAll(nearestOf(free, seed, first, true));
                free.removeAll(new HashSet<>(members));
                List<Preschool> elsewhere = free.stream().filter(p -> !p.district().equals(seed.district())).toList();
                Preschool other = elsewhere.isEmpty() ? free.get(random.nextInt(free.size()))
                        : elsewhere.get(random.nextInt(elsewhere.size()));
                List<Preschool> second = nearestOf(free, other, size - first, true);
                members.addAll(second);
                free.removeAll(new HashSet<>(second));
            } else {
                members.addAll(nearestOf(free, seed, size, true));
                free.removeAll(new HashSet<>(members));
            }
            members.sort(Comparator.comparing(Preschool::code));
            List<GeoPoint> points = members.stream().map(Preschool::location).toList();
            teams[i] = new Team(String.format("%s%02d", TEAM_PREFIX, i + 1), spec.operators(), spec.kind(),
                    members.stream().map(Preschool::code).toList(), Geography.medoid(points));
        }
        return List.of(teams);
    }

    private static Preschool nearest(List<Preschool> free, GeoPoint from) {
        Preschool best = null;
        double bestKm = Double.MAX_VALUE;
        for (Preschool p : free) {
            double km = from.distanceKm(p.location());
            if (km < bestKm) {
                bestKm = km;
                best = p;
            }
        }
        return best;
    }

    /** The {@code count} free units nearest the seed (the seed first); units of another district count 1.5 times as far. */
    private static List<Preschool> nearestOf(List<Preschool> free, Preschool seed, int count, boolean preferDistrict) {
        int n = free.size();
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            Preschool p = free.get(i);
            key[i] = seed.location().distanceKm(p.location()) * (preferDistrict && !p.district().equals(seed.district()) ? 1.5 : 1.0);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : free.get(a).code().compareTo(free.get(b).code()));
        List<Preschool> result = new ArrayList<>();
        for (int i = 0; i < Math.min(count, n); i++) {
            result.add(free.get(order[i]));
        }
        return result;
    }
}
