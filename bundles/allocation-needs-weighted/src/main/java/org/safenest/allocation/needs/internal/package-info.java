/** The {@code needs-weighted} strategy; not exported. */
package org.safenest.allocation.needs.internal;
