package org.safenest.referral.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safenest.api.referral.MeetingStatus;

/**
 * When each region's board meets, read from the configuration PID {@value #PID}
 * ({@code etc/org.safenest.referral.cfg}):
 * <pre>
 * meeting-day = 26                  # day of the month for every region (default 26)
 * cutoff-days = 7                   # a proposal must come at least this many days before the meeting (default 7)
 * kaohsiung.meeting-day = 26        # the region's day of the month
 * kaohsiung.meeting.2023-03 = 30    # the day in one month, when the board moved that meeting
 * kaohsiung.start = 2023-02-03      # no meetings before this day (the board was set up then)
 * </pre>
 * A day past the end of a month means the month's last day (31 in February is the 28th or 29th).
 *
 * <p>The rules, all on dates in the region's time zone:
 * <ul>
 * <li>A meeting's cutoff is {@code cutoff-days} before it: a proposal submitted on or before the cutoff day goes on
 * that meeting's agenda, a later one on the next meeting's.</li>
 * <li>Meetings already holding proposals keep their date: the meetings of a month are the dates its stored proposals
 * carry, or, when none, the configured date. Changing the day of a month that already has proposals does not move
 * them.</li>
 * <li>A meeting with an empty agenda is {@link MeetingStatus#SCHEDULED} up to its cutoff day and
 * {@link MeetingStatus#NOT_HELD} after it (nothing can join it any more); a meeting with proposals is
 * {@link MeetingStatus#SCHEDULED} up to and including its day and {@link MeetingStatus#HELD} after it.</li>
 * </ul>
 */
public final class MeetingSchedule {

    public static final String PID = "org.safenest.referral";
    public static final int DEFAULT_DAY = 26;
    public static final int DEFAULT_CUTOFF_DAYS = 7;
    /** How far ahead a proposal's meeting is looked for. */
    static final int MONTHS_AHEAD = 36;

    private static final Pattern REGION_KEY = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(meeting-day|start|meeting\\.(\\d{4}-\\d{2}))");

    private final int defaultDay;
    private final int cutoffDays;
    private final Map<String, Integer> regionDays;
    private final Map<String, Map<YearMonth, Integer>> monthDays;
    private final Map<String, LocalDate> starts;

    private MeetingSchedule(int defaultDay, int cutoffDays, Map<String, Integer> regionDays,
            Map<String, Map<YearMonth, Integer>> monthDays, Map<String, LocalDate> starts) {
        this.defaultDay = defaultDay;
        this.cutoffDays = cutoffDays;
        this.regionDays = Map.copyOf(regionDays);
        this.monthDays = Map.copyOf(monthDays);
        this.starts = Map.copyOf(starts);
    }

    /** The defaults: day 26, cutoff 7 days, no start. */
    public static MeetingSchedule defaults() {
        return new MeetingSchedule(DEFAULT_DAY, DEFAULT_CUTOFF_DAYS, Map.of(), Map.of(), Map.of());
    }

    /**
     * Reads a configuration. Wrong entries are skipped with a problem (naming the key, never a value's meaning
     * beyond the key) added to {@code problems}; the others still apply.
     */
    public static MeetingSchedule parse(Map<String, ?> config, List<String> problems) {
        int defaultDay = DEFAULT_DAY;
        int cutoff = DEFAULT_CUTOFF_DAYS;
        Map<String, Integer> regionDays = new HashMap<>();
        Map<String, Map<YearMonth, Integer>> monthDays = new HashMap<>();
        Map<String, LocalDate> starts = new HashMap<>();
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(config == null ? Map.of() : config).entrySet()) {
            String key = e.getKey();
            String value = String.valueOf(e.getValue()).trim();
            if (key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.") || key.startsWith("osgi.")
                    || key.startsWith("$") || key.endsWith(".target")) {
                // framework and component properties, reference targets
                continue;
            }
            if (key.equals("meeting-day")) {
                Integer day = day(key, value, problems);
                if (day != null) {
                    defaultDay = day;
                }
                continue;
            }
            if (key.equals("cutoff-days")) {
                Integer days = number(key, value, 0, 60, problems);
                if (days != null) {
                    cutoff = days;
                }
                continue;
            }
            Matcher m = REGION_KEY.matcher(key);
            if (!m.matches()) {
                problems.add(PID + ": unknown key '" + key + "'; expected meeting-day, cutoff-days, <region>.meeting-day, "
                        + "<region>.meeting.<yyyy-MM> or <region>.start");
                continue;
            }
            String region = m.group(1);
            if (m.group(3) != null) {
                YearMonth month;
                try {
                    month = YearMonth.parse(m.group(3));
                } catch (DateTimeParseException ex) {
                    problems.add(PID + ": '" + key + "' does not name a month (yyyy-MM); skipped");
                    continue;
                }
                Integer day = day(key, value, problems);
                if (day != null) {
                    monthDays.computeIfAbsent(region, r -> new HashMap<>()).put(month, day);
                }
            } else if (m.group(2).equals("meeting-day")) {
                Integer day = day(key, value, problems);
                if (day != null) {
                    regionDays.put(region, day);
                }
            } else {
                try {
                    starts.put(region, LocalDate.parse(value));
                } catch (DateTimeParseException ex) {
                    problems.add(PID + ": '" + key + "' is not a date (yyyy-MM-dd); skipped");
                }
            }
        }
        Map<String, Map<YearMonth, Integer>> frozen = new HashMap<>();
        monthDays.forEach((r, m) -> frozen.put(r, Map.copyOf(m)));
        return new MeetingSchedule(defaultDay, cutoff, regionDays, frozen, starts);
    }

    private static Integer day(String key, String value, List<String> problems) {
        return number(key, value, 1, 31, problems);
    }

    private static Integer number(String key, String value, int min, int max, List<String> problems) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PID + ": '" + key + "' must be a whole number from " + min + " to " + max + "; skipped");
        return null;
    }

    public int cutoffDays() {
        return cutoffDays;
    }

    /** The first day the region's board may meet, or empty when not configured. */
    public Optional<LocalDate> start(String region) {
        return Optional.ofNullable(starts.get(region));
    }

    /** The configured day of the month (1-31) for the region in that month. */
    public int dayOfMonth(String region, YearMonth month) {
        Integer day = monthDays.getOrDefault(region, Map.of()).get(month);
        return day != null ? day : regionDays.getOrDefault(region, defaultDay);
    }

    /** The configured meeting date of the region in that month, or empty when it falls before the region's start. */
    public Optional<LocalDate> scheduled(String region, YearMonth month) {
        int day = dayOfMonth(region, month);
        LocalDate date = month.atDay(Math.min(day, month.lengthOfMonth()));
        LocalDate start = starts.get(region);
        return start != null && date.isBefore(start) ? Optional.empty() : Optional.of(date);
    }

    /** The last day a proposal may be submitted for a meeting on {@code date}. */
    public LocalDate cutoff(LocalDate date) {
        return date.minusDays(cutoffDays);
    }

    /**
     * The meetings of a month: the dates of {@code stored} (meetings holding proposals) within the month, or, when
     * there are none, the configured date.
     */
    public List<LocalDate> meetingsIn(String region, YearMonth month, NavigableSet<LocalDate> stored) {
        NavigableSet<LocalDate> inMonth = stored.subSet(month.atDay(1), true, month.atEndOfMonth(), true);
        if (!inMonth.isEmpty()) {
            return List.copyOf(inMonth);
        }
        return scheduled(region, month).map(List::of).orElse(List.of());
    }

    /** The meetings whose day falls within the dates (inclusive), oldest first. */
    public List<LocalDate> meetingsBetween(String region, LocalDate from, LocalDate to, Collection<LocalDate> stored) {
        NavigableSet<LocalDate> storedSet = new TreeSet<>(stored);
        List<LocalDate> result = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            for (LocalDate d : meetingsIn(region, m, storedSet)) {
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    result.add(d);
                }
            }
        }
        return result;
    }

    /**
     * The meeting a proposal submitted on {@code submittedOn} (region date) goes to: the first meeting whose cutoff
     * is that day or later. Empty when none within {@value #MONTHS_AHEAD} months.
     */
    public Optional<LocalDate> meetingFor(String region, LocalDate submittedOn, Collection<LocalDate> stored) {
        NavigableSet<LocalDate> storedSet = new TreeSet<>(stored);
        YearMonth first = YearMonth.from(submittedOn);
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            for (LocalDate d : meetingsIn(region, first.plusMonths(i), storedSet)) {
                if (!cutoff(d).isBefore(submittedOn)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    /** Where a meeting stands on {@code today} (region date). */
    public MeetingStatus status(LocalDate date, boolean agendaEmpty, LocalDate today) {
        if (agendaEmpty) {
            return today.isAfter(cutoff(date)) ? MeetingStatus.NOT_HELD : MeetingStatus.SCHEDULED;
        }
        return today.isAfter(date) ? MeetingStatus.HELD : MeetingStatus.SCHEDULED;
    }
}
