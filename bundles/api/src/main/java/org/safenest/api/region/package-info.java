/**
 * Regions as data: a region (one city's or NGO's deployment) has districts, offices (receiving units)
 * that serve districts or parts of districts, preschools where relevant, and district indicators.
 */
@Export
@Version("1.2.0")
package org.safenest.api.region;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
