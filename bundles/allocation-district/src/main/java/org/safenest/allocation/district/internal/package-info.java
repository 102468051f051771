/** The {@code district} strategy (districtisation); not exported. */
package org.safenest.allocation.district.internal;
