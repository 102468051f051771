/**
 * Safenest's REST API under {@code /api}: a capability contributes a JAX-RS resource by registering it as an
 * {@link org.safenest.api.rest.ApiResource} service. See {@link org.safenest.api.rest.ApiResource}.
 */
@Export
@Version("1.1.0")
package org.safenest.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
