package org.safenest.intake.internal.rest;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.security.Caller;

/**
 * {@code POST /api/regions/{region}/intake}: records one report. 201 with the receipt for a new report (Location: the
 * case), 200 with the first receipt ({@code replay: true}) when the reportId was submitted before.
 */
@Component(service = ApiResource.class)
@javax.ws.rs.Path("regions/{region}/intake")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource implements ApiResource {

    private final IntakeService intake;

    @Activate
    public IntakeResource(@Reference IntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"intake", "dispatcher", "admin"})
    @Answer(status = 201, value = IntakeReceipt.class, description = "201 with the case's Location; 200 with the first receipt when the reportId was received before.")
    public Response submit(@PathParam("region") String region, IntakeReport report, @Context SecurityContext security,
            @Context UriInfo uri) {
        IntakeReceipt receipt = intake.submit(Caller.of(security.getUserPrincipal()), region, report);
        if (receipt.replay()) {
            return Response.ok(receipt).build();
        }
        URI location = uri.getBaseUriBuilder().path("regions").path(region).path("cases").path(receipt.caseNumber()).build();
        return Response.created(location).entity(receipt).build();
    }
}
