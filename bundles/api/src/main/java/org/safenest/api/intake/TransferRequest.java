package org.safenest.api.intake;

/**
 * A request to move a case between child protection and fragile-family service.
 *
 * @param direction the direction
 * @param ground    the ground; must fit the direction
 * @param caseType  the case type in the new service, or null for the default ({@code child-protection} for
 *                  {@link TransferDirection#FF_TO_CP}, {@code fragile-family} for {@link TransferDirection#CP_TO_FF})
 * @param reason    free text; required for {@link TransferGround#OTHER}
 * @param referral  the referral-board proposal id when the board decided it, else null
 */
public record TransferRequest(TransferDirection direction, TransferGround ground, String caseType, String reason,
        String referral) {
}
