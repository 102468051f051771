package org.safenest.core.internal.rest;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/NAME/...}: the top-level resources capabilities contribute as {@link org.safenest.api.rest.ApiResource}
 * services (for example the web front end's {@code /api/web}). The core's own resources (health, audit, regions)
 * have literal paths and are matched first.
 */
@Component(service = ContributedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("/")
public class ContributedResource {

    private final ApiResources resources;

    @Activate
    public ContributedResource(@Reference ApiResources resources) {
        this.resources = resources;
    }

    @Path("{name}")
    public Object locate(@PathParam("name") String name) {
        return resources.resource(name, currentLocator());
    }

    /** The CXF model of the locator answering the current request (its cache of sub-resource models). */
    static org.apache.cxf.jaxrs.model.ClassResourceInfo currentLocator() {
        Message m = JAXRSUtils.getCurrentMessage();
        OperationResourceInfo ori = m == null ? null : m.getExchange().get(OperationResourceInfo.class);
        return ori == null ? null : ori.getClassResourceInfo();
    }
}
