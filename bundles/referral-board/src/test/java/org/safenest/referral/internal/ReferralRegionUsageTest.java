package org.safenest.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.safenest.api.intake.TransferDirection;

/** A region with proposals on the referral board is not removed: the board says what it keeps. */
class ReferralRegionUsageTest extends BoardTestBase {

    @Test
    void aRegionWithProposalsIsKept() {
        ReferralRegionUsage usage = new ReferralRegionUsage(db::required);
        assertEquals(Optional.empty(), usage.records("kaohsiung"));
        proposeAt("2023-04-03T10:00", Fixtures.WORKER, "KHH-2023-000101", TransferDirection.FF_TO_CP);
        proposeAt("2023-04-03T10:05", Fixtures.WORKER, "KHH-2023-000102", TransferDirection.CP_TO_FF);
        assertEquals(Optional.of("2 referral proposal(s)"), usage.records("kaohsiung"));
        assertEquals(Optional.empty(), usage.records("hong-kong"));
    }
}
