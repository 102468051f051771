package org.safenest.referral.internal;

import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.privacy.internal.TextPersonalDataGuard;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.referral.ReferralProposal;
import org.safenest.api.referral.SubmittedProposal;
import org.safenest.api.security.Caller;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryOutbox;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/**
 * The board on its real persistence unit ({@code safenest-referral}) on in-memory Derby, one database per test class,
 * emptied before each test. The clock is set in Taipei time; the data is synthetic.
 */
abstract class BoardTestBase {

    static UnitDatabase db;

    Fixtures.MovableClock clock;
    MemoryAudit audit;
    MemoryOutbox outbox;
    MemoryRegions regions;
    JpaReferralBoard board;
    /** The platform's guard itself (safenest-privacy), as the board gets it in OSGi; loaded once for all tests. */
    static final PersonalDataGuard GUARD = new TextPersonalDataGuard();

    @BeforeAll
    static void openDatabase() {
        db = new UnitDatabase("safenest-referral");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void newBoard() {
        Fixtures.clear(db::required);
        clock = new Fixtures.MovableClock(Instant.parse("2023-04-01T02:00:00Z"));
        audit = new MemoryAudit();
        outbox = new MemoryOutbox();
        regions = Fixtures.regions();
        board = board(Map.of());
    }

    JpaReferralBoard board(Map<String, ?> config) {
        return new JpaReferralBoard(db::required, regions, audit, outbox, GUARD, clock, new HashMap<>(config));
    }

    static ReferralProposal form(String reportNumber, TransferDirection direction) {
        return new ReferralProposal(direction == TransferDirection.FF_TO_CP ? "swc-fengshan" : "pc-fengshan", "fengshan",
                reportNumber, 5, "案主5歲，學校反映近兩週未到校，案母表示經濟壓力大。",
                direction == TransferDirection.FF_TO_CP ? "訪視時發現疑似受虐傷痕，建議由兒保開案。" : "調查後再受虐風險低，案母能自我反思，建議轉脆弱家庭服務。",
                direction);
    }

    /** Submits a valid proposal as {@code caller} at a Taipei local time. */
    SubmittedProposal proposeAt(String taipeiTime, Caller caller, String reportNumber, TransferDirection direction) {
        clock.setTaipei(taipeiTime);
        return board.propose(caller, "kaohsiung", form(reportNumber, direction));
    }

    SubmittedProposal proposeAt(String taipeiTime) {
        return proposeAt(taipeiTime, Fixtures.WORKER, "KHH-2023-000123", TransferDirection.FF_TO_CP);
    }
}
