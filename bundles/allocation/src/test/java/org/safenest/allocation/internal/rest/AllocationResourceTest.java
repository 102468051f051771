package org.safenest.allocation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.allocation.internal.AllocationServiceImpl;
import org.safenest.allocation.internal.AllocationSettings;
import org.safenest.allocation.testing.LocalDatabase;
import org.safenest.allocation.testing.HongKong;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.PlanComparison;
import org.safenest.api.allocation.PlanStatus;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.allocation.StrategyRun;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.testsupport.MemoryRegions;

/** The REST resource called directly, with the service on Derby and Hong Kong's data. */
class AllocationResourceTest {

    private final LocalDatabase db = new LocalDatabase();
    private final List<AuditRecord> audited = new ArrayList<>();
    private final AllocationServiceImpl service = new AllocationServiceImpl(db, new MemoryRegions(HongKong.data()),
            new AuditLog() {
                @Override
                public AuditRecord record(AuditRecord r) {
                    audited.add(r);
                    return r;
                }

                @Override
                public List<AuditRecord> query(AuditQuery q) {
                    return audited;
                }

                @Override
                public long count(AuditQuery q) {
                    return audited.size();
                }
            });
    private final AllocationResource resource = new AllocationResource(service);

    AllocationResourceTest() {
        AllocationStrategy keep = new AllocationStrategy() {
            @Override
            public String id() {
                return "keep";
            }

            @Override
            public String name() {
                return "Keep";
            }

            @Override
            public String description() {
                return "keeps the current teams";
            }

            @Override
            public List<StrategyParameter> parameters() {
                return List.of();
            }

            @Override
            public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
                return new AllocationPlan("keep", parameters, input.currentTeams(), List.of(), null, input.synthetic(), List.of(), Instant.now());
            }
        };
        service.strategies(Map.of("keep", keep));
        service.settings(AllocationSettings.of(Map.of("fallback", "keep")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SecurityContext as(String name, Role... roles) {
        Caller caller = new Caller(name, roles.length == 0 ? Set.of() : Set.of(roles), Set.of());
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BASIC";
            }
        };
    }

    private static HttpHeaders accepting(String... types) {
        List<MediaType> media = new ArrayList<>();
        for (String t : types) {
            media.add(MediaType.valueOf(t));
        }
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getAcceptableMediaTypes") ? media : null);
    }

    private static UriInfo at(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getAbsolutePathBuilder") ? new SimpleUriBuilder(path) : null);
    }

    @Test
    void strategiesShowTheActiveOneAndWhetherItIsInstalled() {
        AllocationResource.Strategies s = resource.strategies("hong-kong", as("w", Role.SOCIAL_WORKER));
        assertEquals("keep", s.active());
        assertTrue(s.activeInstalled());
        assertEquals("keep", s.fallback());
        assertEquals(List.of("keep"), s.available().stream().map(x -> x.id()).toList());
        assertThrows(NotFoundException.class, () -> resource.strategies("taipei", as("w", Role.SOCIAL_WORKER)));
    }

    @Test
    void computingAnswers201WithTheStoredPlanAndListingSummarises() {
        Response r = resource.compute("hong-kong", new AllocationResource.PlanRequest(null, null), as("ana", Role.ANALYST),
                at("http://localhost:8181/api/regions/hong-kong/allocation/plans"));
        assertEquals(201, r.getStatus());
        StoredPlan plan = (StoredPlan) r.getEntity();
        assertEquals(URI.create("http://localhost:8181/api/regions/hong-kong/allocation/plans/" + plan.id()), r.getLocation());
        assertEquals("keep", plan.plan().strategy());
        List<AllocationResource.PlanSummary> list = resource.plans("hong-kong", as("w", Role.SOCIAL_WORKER));
        assertEquals(1, list.size());
        assertEquals(304, list.get(0).metrics().unservedUnits());
        assertTrue(list.get(0).synthetic());
        assertEquals(plan, resource.plan("hong-kong", plan.id(), as("w", Role.SOCIAL_WORKER)));
        assertThrows(NotFoundException.class, () -> resource.plan("hong-kong", "999", as("w", Role.SOCIAL_WORKER)));
        assertThrows(AccessDeniedException.class, () -> resource.compute("hong-kong", null, as("w", Role.SOCIAL_WORKER), at("x")));
        assertThrows(AccessDeniedException.class, () -> resource.adopt("hong-kong", plan.id(), as("ana", Role.ANALYST)));
        assertThrows(NotFoundException.class, () -> resource.current("hong-kong", as("w", Role.SOCIAL_WORKER)));
        assertEquals(PlanStatus.ADOPTED, resource.adopt("hong-kong", plan.id(), as("sup", Role.SUPERVISOR)).status());
        assertEquals(plan.id(), resource.current("hong-kong", as("w", Role.SOCIAL_WORKER)).id());
    }

    @Test
    void compareAnswersJsonOrCsv() {
        AllocationResource.CompareRequest both = new AllocationResource.CompareRequest(List.of("keep"), List.of(new StrategyRun("keep", Map.of())));
        Response json = resource.compare("hong-kong", null, both, accepting("application/json"), as("ana", Role.ANALYST));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, json.getMediaType());
        assertEquals(2, ((PlanComparison) json.getEntity()).plans().size());
        Response csv = resource.compare("hong-kong", "csv", both, accepting("*/*"), as("ana", Role.ANALYST));
        assertTrue(csv.getMediaType().toString().startsWith("text/csv"));
        String body = (String) csv.getEntity();
        assertTrue(body.startsWith("measure,keep,keep\r\nsynthetic data,true,true\r\n"), body);
        Response accepted = resource.compare("hong-kong", null, null, accepting("text/csv"), as("ana", Role.ANALYST));
        assertTrue(accepted.getEntity() instanceof String, "Accept: text/csv");
        assertThrows(InvalidInputException.class, () -> resource.compare("hong-kong", "xml", null, accepting("*/*"), as("ana", Role.ANALYST)));
        assertThrows(AccessDeniedException.class, () -> resource.compare("hong-kong", null, null, accepting("*/*"), as("w", Role.SOCIAL_WORKER)));
    }

    @Test
    void csvIsChosenByFormatOrAcceptHeader() {
        assertTrue(AllocationResource.csv("csv", accepting("application/json")));
        assertFalse(AllocationResource.csv("json", accepting("text/csv")));
        assertTrue(AllocationResource.csv(null, accepting("text/csv", "application/json")));
        assertFalse(AllocationResource.csv(null, accepting("application/json", "text/csv")));
        assertFalse(AllocationResource.csv(null, accepting("*/*")));
    }

    @Test
    void onlyAnAdminSelectsTheActiveStrategy() {
        assertThrows(AccessDeniedException.class, () -> resource.select("hong-kong", new AllocationResource.SelectRequest("keep"),
                as("sup", Role.SUPERVISOR)));
        assertThrows(InvalidInputException.class, () -> resource.select("hong-kong", new AllocationResource.SelectRequest("nope"),
                as("admin", Role.ADMIN)));
        assertThrows(InvalidInputException.class, () -> resource.select("hong-kong", null, as("admin", Role.ADMIN)));
        assertEquals("keep", resource.select("hong-kong", new AllocationResource.SelectRequest("keep"), as("admin", Role.ADMIN)).active());
        assertEquals("allocation.select-strategy", audited.get(audited.size() - 1).action());
    }

    /** Just enough of a UriBuilder for {@code getAbsolutePathBuilder().path(id).build()}. */
    private static final class SimpleUriBuilder extends UriBuilder {
        private String path;

        SimpleUriBuilder(String path) {
            this.path = path;
        }

        @Override
        public UriBuilder path(String segment) {
            path = path + "/" + segment;
            return this;
        }

        @Override
        public URI build(Object... values) {
            return URI.create(path);
        }

        // the rest is not used
        @Override public UriBuilder clone() { return new SimpleUriBuilder(path); }
        @Override public UriBuilder uri(URI uri) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder uri(String uriTemplate) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder scheme(String scheme) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder schemeSpecificPart(String ssp) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder userInfo(String ui) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder host(String host) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder port(int port) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder replacePath(String p) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder path(@SuppressWarnings("rawtypes") Class resource) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder path(@SuppressWarnings("rawtypes") Class resource, String method) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder path(java.lang.reflect.Method method) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder segment(String... segments) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder replaceMatrix(String matrix) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder matrixParam(String name, Object... values) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder replaceMatrixParam(String name, Object... values) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder replaceQuery(String query) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder queryParam(String name, Object... values) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder replaceQueryParam(String name, Object... values) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder fragment(String fragment) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder resolveTemplate(String name, Object value) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder resolveTemplate(String name, Object value, boolean encodeSlashInPath) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder resolveTemplateFromEncoded(String name, Object value) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder resolveTemplates(Map<String, Object> templateValues) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder resolveTemplates(Map<String, Object> templateValues, boolean encodeSlashInPath) { throw new UnsupportedOperationException(); }
        @Override public UriBuilder resolveTemplatesFromEncoded(Map<String, Object> templateValues) { throw new UnsupportedOperationException(); }
        @Override public URI buildFromMap(Map<String, ?> values) { throw new UnsupportedOperationException(); }
        @Override public URI buildFromMap(Map<String, ?> values, boolean encodeSlashInPath) { throw new UnsupportedOperationException(); }
        @Override public URI buildFromEncodedMap(Map<String, ?> values) { throw new UnsupportedOperationException(); }
        @Override public URI build(Object[] values, boolean encodeSlashInPath) { throw new UnsupportedOperationException(); }
        @Override public URI buildFromEncoded(Object... values) { throw new UnsupportedOperationException(); }
        @Override public String toTemplate() { return path; }
    }
}
