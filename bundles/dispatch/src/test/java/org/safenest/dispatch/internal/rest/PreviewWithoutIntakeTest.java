package org.safenest.dispatch.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.dispatch.internal.DispatchAdmin;
import org.safenest.dispatch.internal.DispatchStore;
import org.safenest.dispatch.internal.PublishResult;
import org.safenest.dispatch.internal.RegionRefs;
import org.safenest.dispatch.internal.RuleBook;
import org.safenest.dispatch.internal.RuleFiles;
import org.safenest.dispatch.internal.SourceProblem;
import org.safenest.testsupport.MemoryAudit;
import org.safenest.testsupport.MemoryRegions;
import org.safenest.testsupport.UnitDatabase;

/** The preview's answers without the intake capability (a clear 409, not a 500) and with a wrong period. */
class PreviewWithoutIntakeTest {

    private static final String DRAFT = "# version: 1\n# adopted_on: 2024-01-01\n# effective_from: 2024-01-01\n"
            + "id,case_type,service_line,district,part,office,fallback,explanation\nA,,,d1,,o1,,\n";

    private UnitDatabase db;
    private DispatchResource resource;
    private final SecurityContext dispatcher = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return new Caller("dispatcher", Set.of(Role.DISPATCHER), Set.of());
        }

        @Override
        public boolean isUserInRole(String role) {
            return "dispatcher".equals(role);
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    };

    @BeforeEach
    void open() {
        db = new UnitDatabase("safenest-dispatch");
        MemoryRegions regions = new MemoryRegions(org.safenest.dispatch.internal.TestRegionsAccess.testland());
        RuleBook book = new RuleBook(new DispatchStore(db::required), r -> org.safenest.dispatch.internal.TestRegionsAccess.refs(regions, r),
                new MemoryAudit(), Clock.systemUTC());
        DispatchAdmin admin = new DispatchAdmin() {
            @Override
            public List<RuleFileError> validate(String region, RuleFiles files) {
                return book.validate(region, files);
            }

            @Override
            public PublishResult publish(Caller caller, String region, RuleFiles files) {
                return book.publish(caller.name(), region, files);
            }

            @Override
            public PublishResult publish(Caller caller, String region, RuleFiles files, LocalDate effectiveFrom) {
                return book.publish(caller.name(), region, files, effectiveFrom);
            }

            @Override
            public RuleBook.Draft draft(String region, RuleFiles files, LocalDate effectiveFrom) {
                return book.draft(region, files, effectiveFrom);
            }

            @Override
            public List<SourceProblem> problems() {
                return List.of();
            }

            @Override
            public Path dropFolder() {
                return null;
            }

            @Override
            public ZoneId zone(String region) {
                return book.zone(region);
            }
        };
        resource = new DispatchResource(null, admin, regions);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void withoutIntakeThePreviewSaysSo() {
        DispatchResource.RuleSetRequest request = new DispatchResource.RuleSetRequest(Map.of("v1.csv", DRAFT), null);
        ConflictException e = assertThrows(ConflictException.class,
                () -> resource.preview("testland", "2024-01-01", "2024-01-31", null, request, dispatcher));
        assertTrue(e.getMessage().contains("intake capability (safenest-intake) is not installed"), e.getMessage());
    }

    @Test
    void aWrongPeriodIsAnErrorBesideItsFields() {
        DispatchResource.RuleSetRequest request = new DispatchResource.RuleSetRequest(Map.of("v1.csv", DRAFT), null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resource.preview("testland", null, "2024-13-01", null, request, dispatcher));
        assertEquals(List.of("from", "to"), e.errors().stream().map(f -> f.field()).toList());
        InvalidInputException backwards = assertThrows(InvalidInputException.class,
                () -> resource.preview("testland", "2024-02-01", "2024-01-01", null, request, dispatcher));
        assertEquals("before-from", backwards.errors().get(0).code());
    }
}
