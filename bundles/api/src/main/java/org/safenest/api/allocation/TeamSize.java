package org.safenest.api.allocation;

/**
 * The staffing of one kind of team.
 *
 * @param units       units it serves when complete
 * @param workers     social workers (ASWO)
 * @param supervisors supervisors (SWO); 0.5 for a half team that shares one
 */
public record TeamSize(int units, int workers, double supervisors) {
}
