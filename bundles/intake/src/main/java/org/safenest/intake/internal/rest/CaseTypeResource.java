package org.safenest.intake.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.security.Caller;

/**
 * {@code GET /api/regions/{region}/case-types}: the kinds of report the region's intake window takes (the defaults
 * of the dispatch procedures, then the region's own), with their names in both languages and their service line.
 * Reference data for forms: any logged-in user of the region may read it.
 */
@Component(service = ApiResource.class)
@javax.ws.rs.Path("regions/{region}/case-types")
@Produces(MediaType.APPLICATION_JSON)
public class CaseTypeResource implements ApiResource {

    private final CaseTypeCatalogue catalogue;

    @Activate
    public CaseTypeResource(@Reference CaseTypeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Roles(Roles.ANY_USER)
    public List<CaseType> list(@PathParam("region") String region, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        return catalogue.caseTypes(region);
    }
}
