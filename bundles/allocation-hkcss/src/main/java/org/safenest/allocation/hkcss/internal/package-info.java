/** The {@code hkcss} strategy (the HKCSS proposal); not exported. */
package org.safenest.allocation.hkcss.internal;
