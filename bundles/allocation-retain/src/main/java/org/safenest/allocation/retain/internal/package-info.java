/** The {@code retain} strategy (self-formed alliances); not exported. */
package org.safenest.allocation.retain.internal;
