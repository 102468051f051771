/**
 * The referral board between fragile-family service and child protection (脆家與兒保轉介溝通線上平台):
 * simplified proposals without personal data, monthly meetings with a one-week cutoff, the chair's decisions
 * and their follow-up.
 *
 * <p>2.0.0: {@code PersonalDataKind} moved to {@code org.safenest.api.privacy}, where the one personal-data guard of
 * the platform lives.
 */
@Export
@Version("2.0.0")
package org.safenest.api.referral;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
