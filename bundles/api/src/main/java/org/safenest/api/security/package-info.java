/** Who is calling: the roles of the platform and the regions a user may work in. */
@Export
@Version("1.0.0")
package org.safenest.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
