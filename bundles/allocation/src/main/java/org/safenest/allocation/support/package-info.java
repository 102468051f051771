/**
 * Small helpers that several strategy bundles share: an index over an {@link
 * org.safenest.api.allocation.AllocationInput}, geography (medoid bases, compact groups of units), forming teams
 * and checking parameters. Not exported: a strategy bundle copies this package privately into itself with bnd's
 * {@code -conditionalpackage: org.safenest.allocation.support}, so at run time it depends on the API bundle only.
 */
package org.safenest.allocation.support;
