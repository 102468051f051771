package org.safenest.core.internal.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Safenest core settings, PID {@code org.safenest.core} ({@code etc/org.safenest.core.cfg}). */
@ObjectClassDefinition(name = "Safenest core", description = "Login and API settings")
public @interface CoreConfiguration {

    @AttributeDefinition(name = "JAAS realm", description = "The JAAS realm that checks API logins")
    String jaas_realm() default "karaf";
}
