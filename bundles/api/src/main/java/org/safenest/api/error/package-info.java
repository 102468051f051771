/**
 * Errors every capability reports the same way; the REST layer turns them into JSON answers
 * (400 with the offending fields, 403, 404, 409).
 */
@Export
@Version("1.1.0")
package org.safenest.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
