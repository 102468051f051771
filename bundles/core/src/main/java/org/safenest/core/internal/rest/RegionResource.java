package org.safenest.core.internal.rest;

import java.nio.file.Path;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Roles;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.Office;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.Region;
import org.safenest.api.region.RegionService;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;

/** The regions and their reference data: {@code /api/regions/...}. */
@Component(service = RegionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@javax.ws.rs.Path("regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    private final RegionService regions;
    private final ApiResources resources;

    @Activate
    public RegionResource(@Reference RegionService regions, @Reference ApiResources resources) {
        this.regions = regions;
        this.resources = resources;
    }

    /** The body of a reload request; {@code folder} is optional (default: the region bundle's own files). */
    public record ReloadRequest(String folder) {
    }

    @GET
    @Roles(value = Roles.ANY_USER, note = "Lists the regions the user may see.")
    public List<Region> list(@Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        return regions.regions().stream().filter(r -> caller.mayAccessRegion(r.code())).toList();
    }

    /**
     * {@code /api/regions/{region}/NAME/...}: what capabilities contribute to a region (cases, statistics,
     * referrals, ...) as {@link org.safenest.api.rest.ApiResource} services; the region's own reference data
     * below has literal paths and is matched first. Each capability checks the caller's access itself.
     */
    @javax.ws.rs.Path("{region}/{name}")
    public Object capability(@PathParam("region") String region, @PathParam("name") String name) {
        return resources.resource(org.safenest.api.rest.ApiResource.REGION_PREFIX + name, ContributedResource.currentLocator());
    }

    @GET
    @javax.ws.rs.Path("{region}")
    @Roles(Roles.ANY_USER)
    public Region region(@PathParam("region") String region, @Context SecurityContext security) {
        return regions.require(allowed(region, security));
    }

    @GET
    @javax.ws.rs.Path("{region}/districts")
    @Roles(Roles.ANY_USER)
    public List<District> districts(@PathParam("region") String region, @Context SecurityContext security) {
        return regions.districts(allowed(region, security));
    }

    @GET
    @javax.ws.rs.Path("{region}/offices")
    @Roles(Roles.ANY_USER)
    public List<Office> offices(@PathParam("region") String region, @Context SecurityContext security) {
        return regions.offices(allowed(region, security));
    }

    @GET
    @javax.ws.rs.Path("{region}/preschools")
    @Roles(Roles.ANY_USER)
    public List<Preschool> preschools(@PathParam("region") String region, @QueryParam("district") String district,
            @Context SecurityContext security) {
        String code = allowed(region, security);
        String districtCode = null;
        if (district != null && !district.isBlank()) {
            districtCode = regions.district(code, district.trim()).map(District::code)
                    .orElseThrow(() -> new InvalidInputException("district", "unknown",
                            "Region '" + code + "' has no district '" + district.trim() + "'"));
        }
        return regions.preschools(code, districtCode);
    }

    @GET
    @javax.ws.rs.Path("{region}/indicators")
    @Roles(Roles.ANY_USER)
    public List<DistrictIndicator> indicators(@PathParam("region") String region, @QueryParam("indicator") String indicator,
            @Context SecurityContext security) {
        return regions.indicators(allowed(region, security), indicator == null || indicator.isBlank() ? null : indicator.trim());
    }

    @POST
    @javax.ws.rs.Path("{region}/reload")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("admin")
    public Region reload(@PathParam("region") String region, ReloadRequest request, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        String folder = request == null ? null : request.folder();
        return regions.reload(allowed(region, security), folder == null || folder.isBlank() ? null : Path.of(folder));
    }

    /** Checks the caller may see the region and that it exists (404 otherwise). */
    private String allowed(String region, SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        regions.require(region);
        return region;
    }
}
