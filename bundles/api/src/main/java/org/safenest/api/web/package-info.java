/**
 * The web front end: a bundle contributes a page to the Safenest web shell by registering a {@link
 * org.safenest.api.web.WebPage} service and serving the page's static files with the OSGi HTTP whiteboard, so
 * installing its feature adds the page and uninstalling removes it.
 */
@Export
@Version("1.0.0")
package org.safenest.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
