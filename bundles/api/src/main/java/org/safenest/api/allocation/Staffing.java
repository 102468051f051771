package org.safenest.api.allocation;

/**
 * A region's staffing parameters; data of the region, not constants of a strategy.
 *
 * @param pupilsPerWorker the staffing ratio: one worker per this many pupils (Hong Kong: 400)
 * @param fullTeam        a full team (Hong Kong: 16 units, 8 workers, 1 supervisor)
 * @param halfTeam        a half team (Hong Kong: 8 units, 4 workers, 0.5 supervisor)
 */
public record Staffing(int pupilsPerWorker, TeamSize fullTeam, TeamSize halfTeam) {

    /** The size of a team of this kind. */
    public TeamSize size(TeamKind kind) {
        return kind == TeamKind.FULL ? fullTeam : halfTeam;
    }
}
