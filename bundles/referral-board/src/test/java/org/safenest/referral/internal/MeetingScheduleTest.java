package org.safenest.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.safenest.api.referral.MeetingStatus;

/** The meeting calendar and the agenda rules on region dates (time zones are covered by {@link ReferralBoardTest}). */
class MeetingScheduleTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static MeetingSchedule parse(Map<String, ?> config) {
        List<String> problems = new ArrayList<>();
        MeetingSchedule s = MeetingSchedule.parse(config, problems);
        assertEquals(List.of(), problems);
        return s;
    }

    @Test
    void defaultsAreDay26AndSevenDays() {
        MeetingSchedule s = parse(Map.of());
        assertEquals(7, s.cutoffDays());
        assertEquals(Optional.of(d("2023-04-26")), s.scheduled("kaohsiung", YearMonth.of(2023, 4)));
        assertEquals(d("2023-04-19"), s.cutoff(d("2023-04-26")));
    }

    @Test
    void aProposalExactlySevenDaysBeforeGoesOnTheAgenda() {
        MeetingSchedule s = parse(Map.of("kaohsiung.meeting-day", "26"));
        assertEquals(Optional.of(d("2023-04-26")), s.meetingFor("kaohsiung", d("2023-04-19"), List.of()));
        assertEquals(Optional.of(d("2023-04-26")), s.meetingFor("kaohsiung", d("2023-04-01"), List.of()));
    }

    @Test
    void sixDaysBeforeIsTooLateAndGoesToTheNextMeeting() {
        MeetingSchedule s = parse(Map.of("kaohsiung.meeting-day", "26"));
        assertEquals(Optional.of(d("2023-05-26")), s.meetingFor("kaohsiung", d("2023-04-20"), List.of()));
        // on the meeting day itself and after it: the next month's
        assertEquals(Optional.of(d("2023-05-26")), s.meetingFor("kaohsiung", d("2023-04-26"), List.of()));
        assertEquals(Optional.of(d("2023-05-26")), s.meetingFor("kaohsiung", d("2023-04-30"), List.of()));
    }

    @Test
    void decemberRollsIntoJanuary() {
        MeetingSchedule s = parse(Map.of());
        assertEquals(Optional.of(d("2024-01-26")), s.meetingFor("kaohsiung", d("2023-12-20"), List.of()));
    }

    @Test
    void aDayPastTheEndOfTheMonthIsItsLastDay() {
        MeetingSchedule s = parse(Map.of("kaohsiung.meeting-day", "31"));
        assertEquals(Optional.of(d("2023-02-28")), s.scheduled("kaohsiung", YearMonth.of(2023, 2)));
        assertEquals(Optional.of(d("2024-02-29")), s.scheduled("kaohsiung", YearMonth.of(2024, 2)));
        assertEquals(Optional.of(d("2023-04-30")), s.scheduled("kaohsiung", YearMonth.of(2023, 4)));
        assertEquals(Optional.of(d("2023-01-31")), s.scheduled("kaohsiung", YearMonth.of(2023, 1)));
        // cutoff of 2023-02-28 is 2023-02-21; the 22nd goes to 2023-03-31
        assertEquals(Optional.of(d("2023-02-28")), s.meetingFor("kaohsiung", d("2023-02-21"), List.of()));
        assertEquals(Optional.of(d("2023-03-31")), s.meetingFor("kaohsiung", d("2023-02-22"), List.of()));
        // a cutoff reaching back into the previous month: 2024-03-31 closes on 2024-03-24, 2024-02-29 on 2024-02-22
        assertEquals(Optional.of(d("2024-02-29")), s.meetingFor("kaohsiung", d("2024-02-22"), List.of()));
    }

    @Test
    void aCutoffInThePreviousMonth() {
        MeetingSchedule s = parse(Map.of("kaohsiung.meeting-day", "3"));
        // the meeting of 2023-05-03 closes on 2023-04-26
        assertEquals(Optional.of(d("2023-05-03")), s.meetingFor("kaohsiung", d("2023-04-26"), List.of()));
        assertEquals(Optional.of(d("2023-06-03")), s.meetingFor("kaohsiung", d("2023-04-27"), List.of()));
    }

    @Test
    void regionsHaveTheirOwnDaysAndMonthsCanBeMoved() {
        MeetingSchedule s = parse(Map.of("meeting-day", "15", "kaohsiung.meeting-day", "26",
                "kaohsiung.meeting.2023-03", "30", "cutoff-days", "10"));
        assertEquals(10, s.cutoffDays());
        assertEquals(Optional.of(d("2023-03-30")), s.scheduled("kaohsiung", YearMonth.of(2023, 3)));
        assertEquals(Optional.of(d("2023-04-26")), s.scheduled("kaohsiung", YearMonth.of(2023, 4)));
        assertEquals(Optional.of(d("2023-04-15")), s.scheduled("hong-kong", YearMonth.of(2023, 4)));
        assertEquals(Optional.of(d("2023-04-26")), s.meetingFor("kaohsiung", d("2023-04-16"), List.of()));
        assertEquals(Optional.of(d("2023-05-26")), s.meetingFor("kaohsiung", d("2023-04-17"), List.of()));
    }

    @Test
    void noMeetingsBeforeTheStart() {
        MeetingSchedule s = parse(Map.of("kaohsiung.start", "2023-02-03", "kaohsiung.meeting.2023-02", "21"));
        assertEquals(Optional.empty(), s.scheduled("kaohsiung", YearMonth.of(2023, 1)));
        assertEquals(List.of(d("2023-02-21"), d("2023-03-26")),
                s.meetingsBetween("kaohsiung", d("2023-01-01"), d("2023-03-31"), List.of()));
        assertEquals(Optional.of(d("2023-02-21")), s.meetingFor("kaohsiung", d("2023-01-10"), List.of()));
    }

    @Test
    void storedMeetingsKeepTheirDates() {
        MeetingSchedule s = parse(Map.of("kaohsiung.meeting-day", "10"));
        // proposals were put on 2023-05-26 before the day was changed to the 10th: May keeps the 26th
        TreeSet<LocalDate> stored = new TreeSet<>(List.of(d("2023-05-26")));
        assertEquals(List.of(d("2023-04-10"), d("2023-05-26"), d("2023-06-10")),
                s.meetingsBetween("kaohsiung", d("2023-04-01"), d("2023-06-30"), stored));
        assertEquals(Optional.of(d("2023-05-26")), s.meetingFor("kaohsiung", d("2023-05-02"), stored));
        assertEquals(Optional.of(d("2023-06-10")), s.meetingFor("kaohsiung", d("2023-05-20"), stored));
    }

    @Test
    void theNotHeldRule() {
        MeetingSchedule s = parse(Map.of());
        LocalDate meeting = d("2023-03-26");
        // empty agenda: scheduled up to the cutoff day, not held after it
        assertEquals(MeetingStatus.SCHEDULED, s.status(meeting, true, d("2023-03-01")));
        assertEquals(MeetingStatus.SCHEDULED, s.status(meeting, true, d("2023-03-19")));
        assertEquals(MeetingStatus.NOT_HELD, s.status(meeting, true, d("2023-03-20")));
        assertEquals(MeetingStatus.NOT_HELD, s.status(meeting, true, d("2023-04-30")));
        // with proposals: scheduled up to and including its day, held after it
        assertEquals(MeetingStatus.SCHEDULED, s.status(meeting, false, d("2023-03-20")));
        assertEquals(MeetingStatus.SCHEDULED, s.status(meeting, false, d("2023-03-26")));
        assertEquals(MeetingStatus.HELD, s.status(meeting, false, d("2023-03-27")));
    }

    @Test
    void wrongEntriesAreSkippedAndReported() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> config = new java.util.HashMap<>(Map.of("kaohsiung.meeting-day", "32", "cutoff-days", "seven",
                "kaohsiung.meeting.2023-13", "5", "kaohsiung.start", "soon", "colour", "blue",
                "hong-kong.meeting-day", "12", "service.pid", "org.safenest.referral"));
        // what Declarative Services adds to a component's properties
        config.putAll(Map.of("$000.target", "(osgi.unit.name=safenest-referral)", "intake.target", "(service.ranking=1)",
                "component.id", 7L, "component.name", "org.safenest.referral.internal.JpaReferralBoard"));
        MeetingSchedule s = MeetingSchedule.parse(config, problems);
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.startsWith(MeetingSchedule.PID)));
        assertEquals(26, s.dayOfMonth("kaohsiung", YearMonth.of(2023, 13 - 1)));
        assertEquals(12, s.dayOfMonth("hong-kong", YearMonth.of(2023, 1)));
        assertEquals(7, s.cutoffDays());
    }
}
