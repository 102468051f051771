/** The {@code optimal} strategy; not exported. */
package org.safenest.allocation.optimal.internal;
