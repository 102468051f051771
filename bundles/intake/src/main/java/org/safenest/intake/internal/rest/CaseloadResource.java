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
import org.safenest.api.intake.CaseSummary;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;

/** A worker's caseload, {@code /api/regions/{region}/caseload}: their open cases, what is due first ("my cases"). */
@Component(service = ApiResource.class)
@javax.ws.rs.Path("regions/{region}/caseload")
@Produces(MediaType.APPLICATION_JSON)
public class CaseloadResource implements ApiResource {

    private final IntakeService intake;

    @Activate
    public CaseloadResource(@Reference IntakeService intake) {
        this.intake = intake;
    }

    /** The caller's open cases ({@code worker} for a supervisor looking at a worker of their office). */
    @GET
    @Roles(value = {"social-worker", "supervisor", "admin"}, note = "A worker sees their own cases; a supervisor those of the workers of the offices they supervise.")
    public List<CaseSummary> caseload(@PathParam("region") String region, @QueryParam("worker") String worker,
            @Context SecurityContext security) {
        return intake.caseload(Caller.of(security.getUserPrincipal()), region, CaseResource.blank(worker));
    }
}
