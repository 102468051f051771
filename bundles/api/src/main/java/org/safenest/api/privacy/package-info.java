/**
 * Personal data in free text: the one guard that every capability (intake, the referral board, plugins) asks
 * whether a summary, a reference or a note carries a name, an address, a phone or identity number, an e-mail
 * address or a date of birth. Findings name the field and the kind, never the text found.
 */
@Export
@Version("1.0.0")
package org.safenest.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
