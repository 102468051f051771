package org.safenest.core.internal.rest;

import java.nio.file.Path;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.core.internal.region.RegionAdministration;
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

    /** The media types an uploaded region archive may come as. */
    static final String ZIP = "application/zip";

    private final RegionService regions;
    private final ApiResources resources;
    private final RegionAdministration admin;

    @Activate
    public RegionResource(@Reference RegionService regions, @Reference ApiResources resources,
            @Reference RegionAdministration admin) {
        this.regions = regions;
        this.resources = resources;
        this.admin = admin;
    }

    /**
     * Creates a region from a zip archive of its files ({@code region.properties} and the files it names). With
     * {@code dryRun=true} only checks them and answers every problem by file and line (200); otherwise 201 with the
     * region, or 400 with every problem (a region that exists already is one: replace it with PUT).
     */
    @POST
    @Consumes({ZIP, "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @Roles("admin")
    @Answer(status = 201, value = RegionAdministration.UploadResult.class,
            description = "201 with the region created; with dryRun=true 200 and every problem by file and line, nothing changed.")
    public Response create(byte[] zip, @QueryParam("dryRun") boolean dryRun, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN);
        return answer(admin.upload(null, zip, dryRun, caller.name()));
    }

    /** Creates or replaces the region {@code region} from a zip archive of its files; {@code dryRun} as for POST. */
    @PUT
    @javax.ws.rs.Path("{region}")
    @Consumes({ZIP, "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @Roles("admin")
    @Answer(value = RegionAdministration.UploadResult.class,
            description = "200 with the region replaced (201 when it was new); with dryRun=true 200 and every problem, nothing changed.")
    public Response replace(@PathParam("region") String region, byte[] zip, @QueryParam("dryRun") boolean dryRun,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN);
        caller.requireRegion(region);
        return answer(admin.upload(region, zip, dryRun, caller.name()));
    }

    /**
     * Removes a region and its reference data (204). Refused (409) while a region bundle provides it or a capability
     * keeps records of it: cases, published dispatch rule-set versions.
     */
    @DELETE
    @javax.ws.rs.Path("{region}")
    @Roles("admin")
    @Answer(status = 204, description = "Removed; 409 with what the region still holds while it holds anything.")
    public Response remove(@PathParam("region") String region, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN);
        caller.requireRegion(region);
        admin.remove(region, caller.name());
        return Response.noContent().build();
    }

    private static Response answer(RegionAdministration.UploadResult result) {
        if (result.dryRun()) {
            return Response.ok(result).build();
        }
        if (!result.ok()) {
            throw new InvalidInputException(result.problems().stream()
                    .map(p -> new FieldError(p.file() + (p.line() > 0 ? ":" + p.line() : ""), "invalid-region-data", p.message()))
                    .toList());
        }
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(result).build();
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
