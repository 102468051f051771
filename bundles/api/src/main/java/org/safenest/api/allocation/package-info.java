/**
 * Team allocation (Hong Kong pre-primary social work): which operator's team serves which unit (學前單位).
 * Strategies are OSGi services behind {@link org.safenest.api.allocation.AllocationStrategy}; every plan is
 * measured by the same {@link org.safenest.api.allocation.PlanMetrics}, so strategies can be compared.
 */
@Export
@Version("1.3.0")
package org.safenest.api.allocation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
