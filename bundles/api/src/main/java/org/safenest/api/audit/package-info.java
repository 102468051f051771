/**
 * The audit log: every read or change of case data and every configuration change leaves a record
 * of who did what, when, in which region and with what outcome.
 */
@Export
@Version("1.2.0")
package org.safenest.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
