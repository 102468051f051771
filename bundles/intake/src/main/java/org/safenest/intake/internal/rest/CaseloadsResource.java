package org.safenest.intake.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.intake.OfficeCaseload;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;

/** Caseloads of a supervisor's offices, {@code /api/regions/{region}/caseloads}: each worker's open cases and due items. */
@Component(service = ApiResource.class)
@javax.ws.rs.Path("regions/{region}/caseloads")
@Produces(MediaType.APPLICATION_JSON)
public class CaseloadsResource implements ApiResource {

    private final IntakeService intake;

    @Activate
    public CaseloadsResource(@Reference IntakeService intake) {
        this.intake = intake;
    }

    /** The offices the caller supervises (or one, {@code office}), each worker's caseload. */
    @GET
    @Roles(value = {"supervisor", "admin"}, note = "The offices the supervisor supervises.")
    public List<OfficeCaseload> caseloads(@PathParam("region") String region, @QueryParam("office") String office,
            @Context SecurityContext security) {
        return intake.caseloads(Caller.of(security.getUserPrincipal()), region, CaseResource.blank(office));
    }
}
