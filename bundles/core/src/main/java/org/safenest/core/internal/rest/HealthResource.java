package org.safenest.core.internal.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Roles;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionCounts;
import org.safenest.api.region.RegionService;
import org.safenest.api.schema.SchemaReady;
import org.safenest.core.internal.region.RegionLoading;
import org.safenest.core.internal.security.SecurityMode;
import org.safenest.core.internal.security.SecurityStatus;
import org.safenest.core.internal.schema.SchemaMigrations;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;

/** {@code GET /api/health}: whether the platform is up, its Safenest features and bundles, the regions loaded. */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** Any bundle whose symbolic name starts with this belongs to Safenest. */
    public static final String BUNDLE_PREFIX = "safenest-";

    private final BundleContext context;
    private final RegionService regions;
    private final RegionLoading loading;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeaturesService features;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SecurityMode security;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SchemaMigrations schemas;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Activate
    public HealthResource(BundleContext context, @Reference RegionService regions, @Reference RegionLoading loading) {
        this.context = context;
        this.regions = regions;
        this.loading = loading;
    }

    public record Health(String status, List<String> features, List<BundleState> bundles, List<RegionState> regions,
            Map<String, String> problems, SecurityStatus security) {
    }

    public record BundleState(String name, String version, String state) {
    }

    public record RegionState(String code, String nameEn, String nameZh, RegionCounts counts) {
    }

    /** The health; its {@code security} section (mode, what refuses service, warnings) only for administrators. */
    @GET
    @Roles(Roles.ANY_USER)
    public Health health(@Context SecurityContext caller) {
        List<BundleState> bundles = new ArrayList<>();
        boolean allActive = true;
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && name.startsWith(BUNDLE_PREFIX)) {
                String state = state(b.getState());
                allActive &= b.getState() == Bundle.ACTIVE;
                bundles.add(new BundleState(name, b.getVersion().toString(), state));
            }
        }
        bundles.sort(Comparator.comparing(BundleState::name));
        List<String> installed = new ArrayList<>();
        FeaturesService fs = features;
        if (fs != null) {
            try {
                Arrays.stream(fs.listInstalledFeatures()).map(Feature::getName).filter(n -> n.startsWith("safenest-"))
                        .sorted().forEach(installed::add);
            } catch (Exception e) {
                installed.add("(features unavailable: " + e.getClass().getSimpleName() + ")");
            }
        }
        List<RegionState> loaded = new ArrayList<>();
        for (Region r : regions.regions()) {
            loaded.add(new RegionState(r.code(), r.nameEn(), r.nameZh(), r.counts()));
        }
        Map<String, String> problems = new java.util.TreeMap<>(loading.problems());
        boolean starting = loading.loading() || schemasPending(problems) || waitingForSchema();
        String status = !problems.isEmpty() || !allActive ? "DEGRADED" : starting ? "STARTING" : "UP";
        SecurityMode mode = security;
        SecurityStatus securityStatus = mode != null && caller != null && caller.isUserInRole(SecurityMode.ADMIN_ROLE)
                ? mode.status() : null;
        return new Health(status, installed, bundles, loaded, problems, securityStatus);
    }

    /** Whether a unit's schema is still being migrated; a failed migration is a problem. */
    private boolean schemasPending(Map<String, String> problems) {
        SchemaMigrations sm = schemas;
        if (sm == null) {
            return false;
        }
        boolean pending = false;
        for (SchemaMigrations.UnitState u : sm.units()) {
            if ("failed".equals(u.status())) {
                problems.put("schema " + u.unit(), "migration failed: " + u.error());
            } else if (!"ready".equals(u.status())) {
                pending = true;
            }
        }
        return pending;
    }

    /**
     * Whether a Safenest component is still on its way: it waits for a unit's schema, or for a service that another
     * Safenest component of a started bundle provides and has not yet registered (a chain that begins with a schema
     * migration). A component waiting for a capability that is not installed does not count.
     */
    private boolean waitingForSchema() {
        ServiceComponentRuntime runtime = scr;
        if (runtime == null) {
            return false;
        }
        List<ComponentDescriptionDTO> descriptions = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && name.startsWith(BUNDLE_PREFIX) && b.getState() == Bundle.ACTIVE) {
                descriptions.addAll(runtime.getComponentDescriptionDTOs(b));
            }
        }
        // the services that enabled Safenest components provide but have not registered yet
        java.util.Set<String> coming = new java.util.HashSet<>();
        coming.add(SchemaReady.class.getName());
        Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> unsatisfied = new java.util.HashMap<>();
        for (ComponentDescriptionDTO d : descriptions) {
            if (!runtime.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    unsatisfied.computeIfAbsent(d, k -> new ArrayList<>()).add(c);
                    coming.addAll(Arrays.asList(d.serviceInterfaces));
                }
            }
        }
        for (Map.Entry<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> e : unsatisfied.entrySet()) {
            for (ComponentConfigurationDTO c : e.getValue()) {
                for (var missing : c.unsatisfiedReferences) {
                    for (ReferenceDTO r : e.getKey().references) {
                        if (r.name.equals(missing.name) && coming.contains(r.interfaceName)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }
}
