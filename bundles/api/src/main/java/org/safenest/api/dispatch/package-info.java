/**
 * Dispatch rules (案件分派作業程序): per region, versioned rule sets that map a case type (or service line) and a
 * district (or district part) to a receiving unit, with fallbacks and an explicit manual queue when nothing
 * matches. A report is dispatched by the version in force when it was received; decisions record the
 * version, the rule and why.
 */
@Export
@Version("1.0.0")
package org.safenest.api.dispatch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
