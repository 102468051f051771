package org.safenest.api.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * A monthly online meeting of the board.
 *
 * @param region the region code
 * @param date   the meeting day; identifies the meeting within the region
 * @param cutoff the last day a proposal can be submitted for it: one week before
 * @param status where it stands
 * @param agenda the proposals on its agenda, in order of submission
 */
public record ReferralMeeting(String region, LocalDate date, LocalDate cutoff, MeetingStatus status,
        List<SubmittedProposal> agenda) {
    public ReferralMeeting {
        agenda = List.copyOf(agenda);
    }
}
