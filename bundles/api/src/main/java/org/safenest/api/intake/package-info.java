/**
 * The central intake window (集中受理與派案窗口): reports (通報) enter here, are merged into cases by the
 * merge rules (併案原則), dispatched to a receiving unit, assessed, and transferred between child protection
 * and fragile-family service. Case types, case views, the intake service and the EventAdmin topics other
 * bundles subscribe to.
 */
@Export
@Version("1.2.0")
package org.safenest.api.intake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
