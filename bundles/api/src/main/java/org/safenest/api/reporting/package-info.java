/**
 * Statistics: reports are OSGi services behind {@link org.safenest.api.reporting.Report}, so a new report comes
 * from its own bundle; the reporting service lists and runs them, suppressing small counts.
 */
@Export
@Version("1.0.0")
package org.safenest.api.reporting;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
