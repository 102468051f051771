/**
 * Synthetic demo data that capabilities add when an operator loads the demo ({@code safenest:demo-cases}).
 */
@Export
@Version("1.0.0")
package org.safenest.api.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
