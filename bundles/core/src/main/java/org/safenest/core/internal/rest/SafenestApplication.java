package org.safenest.core.internal.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The Safenest REST application at {@code /api}. Capability bundles add resources to it with
 * {@code @JaxrsApplicationSelect("(osgi.jaxrs.name=safenest)")}. It is served only while the login filter is
 * present ({@code osgi.jaxrs.extension.select}), so no request ever reaches a resource unauthenticated.
 */
@Component(service = Application.class, property = {
        "osgi.jaxrs.extension.select=(osgi.jaxrs.name=" + AuthenticationFilter.NAME + ")",
        "osgi.jaxrs.extension.select=(osgi.jaxrs.name=" + JsonProvider.NAME + ")",
        "osgi.jaxrs.extension.select=(osgi.jaxrs.name=" + ApiExceptionMapper.NAME + ")"})
@JaxrsName(SafenestApplication.NAME)
@JaxrsApplicationBase("api")
public class SafenestApplication extends Application {
    public static final String NAME = "safenest";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
