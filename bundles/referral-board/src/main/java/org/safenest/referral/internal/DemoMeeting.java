package org.safenest.referral.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.demo.DemoData;
import org.safenest.api.error.SafenestException;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.referral.ReferralBoard;
import org.safenest.api.referral.ReferralProposal;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.security.Caller;

/**
 * Synthetic demo data of the referral board (issue 17: every demo meeting had passed without proposals, so the chair
 * had nothing to decide): three proposals of the demo worker's office on Kaohsiung's meeting of <em>today</em>,
 * submitted ten days ago (before the cutoff), ready for the demo {@code chair} to decide. Loaded with the demo cases
 * ({@code safenest:demo-cases}); every report number begins with {@value #PREFIX} and every text says it is
 * synthetic. Loading again on the same day adds nothing; on a later day it puts a new set on that day's meeting.
 */
@Component(service = DemoData.class)
public class DemoMeeting implements DemoData {

    static final String PREFIX = "DEMO-RB-";
    static final String REGION = "kaohsiung";
    /** Submitted this many days before the meeting: before the default cutoff of 7 days. */
    static final int DAYS_BEFORE = 10;

    private final ReferralBoard board;

    @Activate
    public DemoMeeting(@Reference ReferralBoard board) {
        this.board = board;
    }

    private static final List<ReferralProposal> PROPOSALS = List.of(
            new ReferralProposal("swc-fengshan", "fengshan", PREFIX + "001", 7,
                    "示範資料，非真實個案。Synthetic demo: school reports repeated bruises; the family accepts welfare services.",
                    "示範資料：疑似兒少保護，建議轉家防中心調查。Synthetic demo: possible maltreatment, proposed for investigation.",
                    TransferDirection.FF_TO_CP),
            new ReferralProposal("pc-fengshan", "fengshan", PREFIX + "002", 10,
                    "示範資料，非真實個案。Synthetic demo: investigation finished, minor injury, low risk.",
                    "示範資料：低風險，建議轉社福中心脆弱家庭服務。Synthetic demo: low risk, proposed for fragile-family services.",
                    TransferDirection.CP_TO_FF),
            new ReferralProposal("swc-fengshan", "fengshan", PREFIX + "003", 4,
                    "示範資料，非真實個案。Synthetic demo: caregiver overwhelmed, child often left alone in the evening.",
                    "示範資料：照顧疏忽疑慮，請會議決定由何者主責。Synthetic demo: neglect concern, the board decides who leads.",
                    TransferDirection.FF_TO_CP));

    @Override
    public String name() {
        return "referral board meeting";
    }

    @Override
    public List<String> load(Caller caller) {
        List<String> lines = new ArrayList<>();
        if (!(board instanceof JpaReferralBoard jpa)) {
            lines.add("referral board: not this implementation, no demo meeting");
            return lines;
        }
        List<SubmittedProposal> loaded = jpa.onTodaysMeeting(REGION).stream()
                .filter(p -> p.proposal().reportNumber() != null && p.proposal().reportNumber().startsWith(PREFIX)).toList();
        if (!loaded.isEmpty()) {
            loaded.forEach(p -> lines.add(p.id() + ": already on the meeting of " + p.meetingDate()));
            return lines;
        }
        for (ReferralProposal form : PROPOSALS) {
            try {
                SubmittedProposal p = jpa.demoPropose(caller, REGION, form, "worker", DAYS_BEFORE);
                lines.add(p.id() + ": on the referral board meeting of " + p.meetingDate() + " (today), for the chair to decide");
            } catch (SafenestException e) {
                lines.add(form.reportNumber() + ": " + e.getMessage());
            }
        }
        return lines;
    }
}
