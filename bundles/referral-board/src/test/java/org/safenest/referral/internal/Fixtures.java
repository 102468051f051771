package org.safenest.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.safenest.api.region.District;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.ServedArea;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.referral.internal.jpa.Transactions;
import org.safenest.testsupport.MemoryRegions;

/**
 * Test doubles and helpers: a small Kaohsiung and Hong Kong (codes as in the region bundles), an audit log in memory,
 * a clock the test moves, callers, and the production persistence unit on in-memory Derby. All data is synthetic.
 */
final class Fixtures {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private Fixtures() {
    }

    // ------------------------------------------------------------------ callers (demo users of etc/users.properties)

    static Caller caller(String name, Set<String> regions, Role... roles) {
        return new Caller(name, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), regions);
    }

    static final Caller WORKER = caller("worker", Set.of(), Role.SOCIAL_WORKER);
    static final Caller SUPERVISOR = caller("supervisor", Set.of(), Role.SUPERVISOR);
    static final Caller CHAIR = caller("chair", Set.of("kaohsiung"), Role.BOARD_CHAIR);
    static final Caller ADMIN = caller("admin", Set.of(), Role.ADMIN);
    static final Caller ANALYST = caller("analyst", Set.of(), Role.ANALYST);
    static final Caller HK_WORKER = caller("hkworker", Set.of("hong-kong"), Role.SOCIAL_WORKER);

    // ------------------------------------------------------------------ clock

    /** A clock that stays where the test puts it. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        /** Sets the clock to a local time in Taipei, as {@code 2023-04-19T23:59:59}. */
        void setTaipei(String localDateTime) {
            now = ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), TAIPEI).toInstant();
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    // ------------------------------------------------------------------ audit

    // ------------------------------------------------------------------ regions

    /** Kaohsiung with three districts, two centres, a station and another unit; Hong Kong with one family service centre. */
    static MemoryRegions regions() {
        return new MemoryRegions(
                MemoryRegions.region("kaohsiung", "Kaohsiung City", "高雄市", "Asia/Taipei",
                        List.of(new District("fengshan", "鳳山區", "Fengshan District", List.of()),
                                new District("lingya", "苓雅區", "Lingya District", List.of()),
                                new District("qishan", "旗山區", "Qishan District", List.of())),
                        List.of(new Office("swc-fengshan", "鳳山社會福利服務中心", "Fengshan Social Welfare Service Centre",
                                        OfficeType.WELFARE_SERVICE_CENTRE, "south", "pc-fengshan", null, List.of(new ServedArea("fengshan", null))),
                                new Office("swc-lingya", "苓雅社會福利服務中心", "Lingya Social Welfare Service Centre",
                                        OfficeType.WELFARE_SERVICE_CENTRE, "west-central", "pc-headquarters", null,
                                        List.of(new ServedArea("lingya", null))),
                                new Office("pc-fengshan", "家防中心鳳山站", "Protection Centre Fengshan station", OfficeType.PROTECTION_STATION,
                                        "south", null, null, List.of(new ServedArea("fengshan", null))),
                                new Office("other-unit", "其他單位", "Another unit", OfficeType.OTHER, null, null, null, List.of()))),
                MemoryRegions.region("hong-kong", "Hong Kong", "香港", "Asia/Hong_Kong",
                        List.of(new District("islands", "離島區", "Islands", List.of())),
                        List.of(new Office("ifsc-tung-chung", "東涌綜合家庭服務中心", "Tung Chung IFSC", OfficeType.FAMILY_SERVICE_CENTRE,
                                null, null, null, List.of(new ServedArea("islands", null))))));
    }

    // ------------------------------------------------------------------ database

    /** Empties the board's tables (between tests that share a database). */
    static void clear(Transactions tx) {
        tx.required(em -> {
            em.createQuery("DELETE FROM ProposalEntity").executeUpdate();
            em.createQuery("DELETE FROM CounterEntity").executeUpdate();
            return null;
        });
    }
}
